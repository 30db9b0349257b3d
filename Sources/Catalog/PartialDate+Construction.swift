extension PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` straight from UTF-8 bytes, so the fixture
    /// loader reads a date without making a String first.
    init?(isoBytes bytes: UnsafeBufferPointer<UInt8>) {
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        let dash = UInt8(ascii: "-")
        switch bytes.count {
        case 4:
            guard let year = number(0..<4) else { return nil }
            self.init(year: year)
        case 7:
            guard bytes[4] == dash, let year = number(0..<4), let month = number(5..<7) else { return nil }
            self.init(year: year, month: month)
        case 10:
            guard bytes[4] == dash, bytes[7] == dash, let year = number(0..<4), let month = number(5..<7),
                  let day = number(8..<10) else { return nil }
            self.init(year: year, month: month, day: day)
        default:
            return nil
        }
    }
}

extension PartialDate {
    /// A date from parts the caller has already checked (the corpus generator draws only real
    /// days); parts out of range are clamped rather than trapped on.
    init(checkedYear year: Int, month: Int?, day: Int?) {
        let year = Swift.min(Swift.max(year, 1), 9999)
        let month = month.map { Swift.min(Swift.max($0, 1), 12) }
        let day = month.flatMap { month in day.map { Swift.min(Swift.max($0, 1), PartialDate.daysIn(month: month, year: year)) } }
        self.year = year
        self.month = month
        self.day = day
    }
}
