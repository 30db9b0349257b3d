import Catalog
import SnapshotFormat

/// What a hit shows of each indexed item (kind, id, title, date), in index order, as columns
/// built in memory or viewed in a snapshot; an entry is decoded only when a hit needs it.
///
/// Invariants (checked when read from a snapshot): every column has one value per item; every
/// kind is a `SearchItemType` number.
struct SearchEntryTable: Sendable {
    let types: Column<UInt8>
    let ids: StringColumn
    let titles: StringColumn
    /// `PartialDateCode` of each item's date.
    let dates: Column<Int32>

    init(_ entries: [CatalogDocuments.Entry]) {
        types = Column(entries.map { UInt8(SearchItemType.allCases.firstIndex(of: $0.type) ?? 0) })
        ids = StringColumn(entries.map(\.id))
        titles = StringColumn(entries.map(\.title))
        dates = Column(entries.map { PartialDateCode.encode($0.date) })
    }

    var count: Int { ids.count }

    subscript(i: Int) -> CatalogDocuments.Entry {
        CatalogDocuments.Entry(type: type(at: i), id: ids[i], title: titles[i], date: PartialDateCode.decode(dates[i]))
    }

    /// The kind of item `i`, without decoding the rest of its entry.
    func type(at i: Int) -> SearchItemType { SearchItemType.allCases[Int(types[i])] }

    /// How many sections `append(to:)` writes: the kinds, the ids and titles (two each), the dates.
    static let snapshotSectionCount = 6

    func append(to writer: inout SnapshotWriter) {
        writer.append(types)
        writer.append(ids)
        writer.append(titles)
        writer.append(dates)
    }

    init(reading cursor: inout SectionCursor) throws(SnapshotError) {
        types = try cursor.column(UInt8.self)
        ids = try cursor.strings()
        titles = try cursor.strings()
        dates = try cursor.column(Int32.self)
        guard types.count == ids.count, titles.count == ids.count, dates.count == ids.count,
              types.allSatisfy({ Int($0) < SearchItemType.allCases.count }) else {
            throw SnapshotError("search entries do not fit together")
        }
    }
}

/// A partial date in 32 bits: `year * 10000 + month * 100 + day`, an unknown part as 0,
/// no date as 0. Decoding a code that is no valid date gives no date.
public enum PartialDateCode {
    public static func encode(_ date: PartialDate?) -> Int32 {
        guard let date, (1...9999).contains(date.year) else { return 0 }
        return Int32(date.year * 10_000 + (date.month ?? 0) * 100 + (date.day ?? 0))
    }

    /// Whether `code` decodes to a date (`decode(code) != nil`), worked out without making one.
    public static func isDate(_ code: Int32) -> Bool {
        let value = Int(code)
        let (year, month, day) = (value / 10_000, value / 100 % 100, value % 100)
        guard (1...9999).contains(year), month <= 12 else { return false }
        return month == 0 ? day == 0 : day <= PartialDate.daysIn(month: month, year: year)
    }

    public static func decode(_ code: Int32) -> PartialDate? {
        let value = Int(code)
        let (year, month, day) = (value / 10_000, value / 100 % 100, value % 100)
        guard value > 0 else { return nil }
        return PartialDate(year: year, month: month == 0 ? nil : month, day: day == 0 ? nil : day)
    }
}
