/// A calendar date known to the day, to the month only, or to the year only.
///
/// Sources often say "in October 2021" or "founded 1971"; a `PartialDate` keeps exactly what
/// was said instead of inventing a first-of-the-month. It prints and parses as ISO 8601
/// (`2021`, `2021-10`, `2021-10-01`). Ordering compares the known parts; a less precise date
/// sorts before a more precise one that shares its known parts (`2021-10` < `2021-10-01`).
public struct PartialDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// How much of the date is known.
    public enum Precision: Int, Sendable, Comparable {
        case year, month, day
        public static func < (a: Precision, b: Precision) -> Bool { a.rawValue < b.rawValue }
    }

    public let year: Int
    /// 1...12, or nil when only the year is known.
    public let month: Int?
    /// 1...31, or nil when only the year or the month is known.
    public let day: Int?

    public var precision: Precision {
        if day != nil { return .day }
        if month != nil { return .month }
        return .year
    }

    /// Returns nil when the parts do not make a real calendar date (month 13, 30 February, …).
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1...9999).contains(year) else { return nil }
        if let month {
            guard (1...12).contains(month) else { return nil }
            if let day {
                guard (1...PartialDate.daysIn(month: month, year: year)).contains(day) else { return nil }
            }
        } else if day != nil {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; anything else, or an impossible date, is nil.
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for i in range {
                let b = bytes[i]
                guard b >= 48 && b <= 57 else { return nil }
                value = value * 10 + Int(b - 48)
            }
            return value
        }
        switch bytes.count {
        case 4:
            guard let y = number(0..<4) else { return nil }
            self.init(year: y)
        case 7:
            guard bytes[4] == 45, let y = number(0..<4), let m = number(5..<7) else { return nil }
            self.init(year: y, month: m)
        case 10:
            guard bytes[4] == 45, bytes[7] == 45, let y = number(0..<4), let m = number(5..<7),
                  let d = number(8..<10) else { return nil }
            self.init(year: y, month: m, day: d)
        default:
            return nil
        }
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// ISO 8601 text with only the known parts: `2021`, `2021-10`, `2021-10-01`.
    public var description: String {
        var text = String(year)
        while text.count < 4 { text = "0" + text }
        if let month { text += "-" + (month < 10 ? "0" : "") + String(month) }
        if let day { text += "-" + (day < 10 ? "0" : "") + String(day) }
        return text
    }

    /// A number that sorts like the date: `yyyymmdd`, unknown parts as 00.
    public var sortKey: Int { year * 10_000 + (month ?? 0) * 100 + (day ?? 0) }

    /// The first and last day this date may stand for, as `yyyymmdd` keys (for range filters).
    public var earliestKey: Int { year * 10_000 + (month ?? 1) * 100 + (day ?? 1) }
    public var latestKey: Int {
        let m = month ?? 12
        return year * 10_000 + m * 100 + (day ?? PartialDate.daysIn(month: m, year: year))
    }

    public static func < (a: PartialDate, b: PartialDate) -> Bool { a.sortKey < b.sortKey }

    /// A person-friendly rendering: `1 November 2021`, `October 2021`, `2021`.
    public var longDescription: String {
        let names = ["January", "February", "March", "April", "May", "June", "July", "August",
                     "September", "October", "November", "December"]
        guard let month else { return String(year) }
        guard let day else { return "\(names[month - 1]) \(year)" }
        return "\(day) \(names[month - 1]) \(year)"
    }
}
