/// Finds, in a list of dates as written (`2021-11-01`, `2021-11`), the first one later than a
/// given date, in O(log n): the answer of a scan from the start, without the scan.
///
/// The running maximum of the dates only grows, and the first date later than `date` is where
/// the running maximum first passes `date`; so a binary search over the running maximum finds it,
/// whatever the order of the list.
struct LaterDateFinder {
    private let runningMaximum: [String]

    init(_ dates: [String]) {
        var maximum: [String] = []
        maximum.reserveCapacity(dates.count)
        for date in dates { maximum.append(maximum.last.map { Swift.max($0, date) } ?? date) }
        runningMaximum = maximum
    }

    /// The position of the first date later than `date`, or nil when there is none.
    func first(after date: String) -> Int? {
        var (low, high) = (0, runningMaximum.count)
        while low < high {
            let middle = (low + high) / 2
            if runningMaximum[middle] > date { high = middle } else { low = middle + 1 }
        }
        return low < runningMaximum.count ? low : nil
    }
}
