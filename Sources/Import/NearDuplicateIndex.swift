import Catalog

/// The items an imported item may repeat, found by `Similarity`'s rule without comparing it with
/// every item of the catalog.
///
/// - Items are kept by day, so only the items of the day before, the same day and the day after
///   are candidates; items without a day are never candidates.
/// - An item's word sets (`WordSets`) are made once: given when it is added, made on all
///   processors for the days `fold(days:)` names, or else made when it is first compared.
/// - A candidate is checked with `Similarity.reaches`, which stops as soon as the threshold can
///   no longer be met, and its body only when the sizes of the two word sets allow it.
/// - Candidates are tried in order (the earlier day first, then the order items were added), so
///   the first near duplicate found is always the same one.
struct NearDuplicateIndex: Sendable {
    private var items: [NewsItem]
    private var positionsByDay: [Int: [Int]] = [:]
    private var words: [WordSets?]

    /// An index of `items`, in their order (the array is shared, not copied item by item).
    init(_ items: [NewsItem] = []) {
        self.items = items
        words = Array(repeating: nil, count: items.count)
        for position in items.indices where items[position].date.day != nil {
            positionsByDay[Similarity.dayNumber(items[position].date), default: []].append(position)
        }
    }

    /// Makes `item` a candidate for the items compared after it (when its date has a day);
    /// `words` are its word sets when the caller has them already.
    mutating func add(_ item: NewsItem, words: WordSets? = nil) {
        guard item.date.day != nil else { return }
        positionsByDay[Similarity.dayNumber(item.date), default: []].append(items.count)
        items.append(item)
        self.words.append(words)
    }

    /// Makes, on all processors, the word sets of the items that items dated on `days` are
    /// compared with (those of each day, the day before and the day after).
    mutating func fold(days: Set<Int>) {
        var wanted: Set<Int> = []
        for day in days {
            for offset in -Similarity.maximumDaysApart...Similarity.maximumDaysApart { wanted.insert(day + offset) }
        }
        let positions = wanted.sorted().flatMap { positionsByDay[$0] ?? [] }.filter { words[$0] == nil }
        let items = self.items
        let folded = positions.parallelMap { WordSets(items[$0]) }
        for (position, sets) in zip(positions, folded) { words[position] = sets }
    }

    /// The first item added that `item` nearly repeats, or nil.
    mutating func firstMatch(of item: NewsItem) -> NewsItem? {
        let day = Similarity.dayNumber(item.date)
        fold(days: [day])
        return firstMatch(of: WordSets(item), onDay: day - Similarity.maximumDaysApart, through: day + Similarity.maximumDaysApart)?.item
    }

    /// The first item dated from `first` to `last` (day numbers, see `Similarity.dayNumber`) that
    /// an item of these word sets nearly repeats, with its day; nil when there is none. Items not
    /// folded yet are folded for this comparison only.
    func firstMatch(of sets: WordSets, onDay first: Int, through last: Int) -> (item: NewsItem, day: Int)? {
        guard first <= last else { return nil }
        for day in first...last {
            guard let positions = positionsByDay[day] else { continue }
            for position in positions where sets.nearlyRepeat(words[position] ?? WordSets(items[position])) {
                return (items[position], day)
            }
        }
        return nil
    }
}
