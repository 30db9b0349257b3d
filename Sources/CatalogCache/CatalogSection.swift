import Catalog
import CatalogSearch
import SnapshotFormat

/// The catalog in a snapshot, after the search index it shares texts with.
///
/// Sections, in order:
/// ```
/// header                 UInt64: layout version, Sector count, organization count, news count
/// Sectors                records (offsets, bytes), see `CatalogRecords`
/// organizations          records (offsets, bytes), in the catalog's order
/// news dates             Int32 per item, `PartialDateCode`
/// news categories        UInt32 per item: its number in the categories
/// categories             strings, distinct, in the order of their UTF-8 bytes
/// news records           offsets UInt32, then bytes with block checksums: references, tags, source
/// news id order          UInt32: positions sorted by (`Catalog.key` of the id, position)
/// organization → news   starts UInt32 (one per organization, plus one), positions UInt32
/// Sector → news          starts UInt32 (one per Sector, plus one), positions UInt32
/// ```
/// A news item's id, title, summary and body are not stored again: they are the search index's
/// entry id and stored field texts of the same item (news come first in the index, in the
/// catalog's order). Sectors and organizations are decoded when the snapshot is opened (a few
/// thousand at most); news items only when read (see `MappedNewsStorage`).
enum CatalogSection {
    /// Bump when the sections or the records change.
    static let layoutVersion: UInt64 = 1

    /// How many sections `append` writes, whatever the catalog: counted by encoding an empty one.
    static let sectionCount: Int = {
        var writer = SnapshotWriter(version: 0, identity: [])
        append(Catalog(sectors: [], organizations: [], news: []), to: &writer)
        return writer.sectionCount
    }()

    static func append(_ catalog: Catalog, to writer: inout SnapshotWriter) {
        let news = catalog.news
        let storage = news.storage
        writer.append([layoutVersion, UInt64(catalog.sectors.count), UInt64(catalog.organizations.count), UInt64(news.count)])
        writer.append(records(catalog.sectors, CatalogRecords.encode))
        writer.append(records(catalog.organizations, CatalogRecords.encode))
        writer.append(news.indices.map { PartialDateCode.encode(storage.date(at: $0)) })
        let categories = StringColumn.sortedByBytes(Set(storage.categories))
        var categoryNumbers: [String: UInt32] = [:]
        for (number, category) in categories.enumerated() { categoryNumbers[category] = UInt32(number) }
        writer.append(news.indices.map { categoryNumbers[storage.category(at: $0)] ?? 0 })
        writer.append(StringColumn(categories))
        let newsRecords = records(news, CatalogRecords.encodeNewsExtras)
        writer.append(newsRecords.offsets)
        writer.appendBlockChecked(newsRecords.bytes)
        let keys = news.indices.map { Array(Catalog.key(storage.id(at: $0)).utf8) }
        writer.append(news.indices.sorted { a, b in
            keys[a] == keys[b] ? a < b : keys[a].lexicographicallyPrecedes(keys[b])
        }.map { UInt32($0) })
        appendTable(catalog.organizations.indices.map { storage.positions(aboutOrganization: $0) }, to: &writer)
        appendTable(catalog.sectors.indices.map { storage.positions(inSector: $0) }, to: &writer)
    }

    /// Records back to back, with the offsets of their starts and of the end.
    private static func records<Items: Collection>(_ items: Items, _ encode: (Items.Element, inout ByteWriter) -> Void) -> StringColumn {
        var writer = ByteWriter()
        var offsets: [UInt32] = [0]
        offsets.reserveCapacity(items.count + 1)
        for item in items {
            encode(item, &writer)
            offsets.append(UInt32(writer.bytes.count))
        }
        return StringColumn(offsets: Column(offsets), bytes: Column(writer.bytes))!
    }

    /// Lists of positions as starts (one per list, plus the end) and the positions.
    private static func appendTable(_ lists: [[Int]], to writer: inout SnapshotWriter) {
        var starts: [UInt32] = [0]
        var positions: [UInt32] = []
        for list in lists {
            positions += list.map { UInt32($0) }
            starts.append(UInt32(positions.count))
        }
        writer.append(starts)
        writer.append(positions)
    }

    /// The catalog the sections hold, viewed in place, its news read through `texts` (those of
    /// the index read just before). Throws when the sections do not fit together or a Sector or
    /// organization record does not decode; nothing read later can trap.
    static func read(_ cursor: inout SectionCursor, texts: IndexedTexts) throws(SnapshotError) -> Catalog {
        let header = try cursor.column(UInt64.self)
        let limit = UInt64(cursor.fileSize)
        guard header.count == 4, header[0] == layoutVersion, header[1] <= limit, header[2] <= limit, header[3] <= limit else {
            throw SnapshotError("catalog: unknown layout")
        }
        let (sectorCount, organizationCount, newsCount) = (Int(header[1]), Int(header[2]), Int(header[3]))
        let sectors = try decodeAll(try cursor.strings(), count: sectorCount, "Sector", CatalogRecords.decodeSector)
        let organizations = try decodeAll(try cursor.strings(), count: organizationCount, "organization",
                                          CatalogRecords.decodeOrganization)
        var allDates = true
        let dates = try cursor.column(Int32.self) { part in
            for code in part { allDates = allDates && PartialDateCode.isDate(code) }
        }
        let categoryNumbers = try cursor.column(UInt32.self)
        let categories = try cursor.strings()
        let recordOffsets = try cursor.column(UInt32.self)
        let (recordBytes, recordChecksums) = try cursor.blockCheckedBytes()
        guard let records = StringColumn(offsets: recordOffsets, bytes: recordBytes) else {
            throw SnapshotError("catalog: news record offsets do not fit their bytes")
        }
        let idOrder = try cursor.column(UInt32.self)
        let organizationNews = try table(&cursor, lists: organizationCount, newsCount: newsCount, "organization news")
        let sectorNews = try table(&cursor, lists: sectorCount, newsCount: newsCount, "Sector news")
        guard dates.count == newsCount, categoryNumbers.count == newsCount, records.count == newsCount, idOrder.count == newsCount else {
            throw SnapshotError("catalog: news columns of the wrong length")
        }
        guard allDates else { throw SnapshotError("catalog: a news date is no date") }
        guard categoryNumbers.allSatisfy({ Int($0) < categories.count }) else { throw SnapshotError("catalog: unknown news category") }
        guard idOrder.allSatisfy({ Int($0) < newsCount }) else { throw SnapshotError("catalog: id order beyond the news") }
        guard texts.leadingNewsCount == newsCount else {
            throw SnapshotError("catalog: the news do not match the search index")
        }
        let storage = MappedNewsStorage(
            texts: texts, dates: dates, categoryNumbers: categoryNumbers, categories: categories, records: records,
            recordChecksums: recordChecksums, idOrder: idOrder, organizationNews: organizationNews, sectorNews: sectorNews)
        return Catalog(sectors: sectors, orderedOrganizations: organizations, newsStorage: storage)
    }

    private static func decodeAll<Record>(_ records: StringColumn, count: Int, _ what: String,
                                          _ decode: (inout ByteReader) throws(SnapshotError) -> Record) throws(SnapshotError) -> [Record] {
        guard records.count == count else { throw SnapshotError("catalog: \(records.count) \(what) records, expected \(count)") }
        var decoded: [Record] = []
        decoded.reserveCapacity(count)
        for i in 0..<count {
            var reader = ByteReader(bytes: UnsafeRawBufferPointer(records.utf8(i)))
            decoded.append(try decode(&reader))
            guard reader.isAtEnd else { throw SnapshotError("catalog: \(what) record \(i) has trailing bytes") }
        }
        return decoded
    }

    /// Starts and positions of `lists` lists of news positions, checked to fit together.
    private static func table(_ cursor: inout SectionCursor, lists: Int, newsCount: Int, _ what: String) throws(SnapshotError) -> PositionTable {
        let starts = try cursor.column(UInt32.self)
        let positions = try cursor.column(UInt32.self)
        guard let table = PositionTable(starts: starts, positions: positions, lists: lists, bound: newsCount) else {
            throw SnapshotError("catalog: \(what) do not fit together")
        }
        return table
    }
}

/// Lists of positions stored flat: list `i` is `positions[starts[i] ..< starts[i + 1]]`.
///
/// Invariant (checked by `init`): one start per list plus one, from 0, never decreasing, up to
/// the number of positions; every position below the bound it was checked against.
struct PositionTable: Sendable {
    let starts: Column<UInt32>
    let positions: Column<UInt32>

    init?(starts: Column<UInt32>, positions: Column<UInt32>, lists: Int, bound: Int) {
        guard starts.count == lists + 1, starts.first == 0, Int(starts[lists]) == positions.count,
              zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }),
              positions.allSatisfy({ Int($0) < bound }) else { return nil }
        self.starts = starts
        self.positions = positions
    }

    /// List `i`; empty for a number that is no list.
    func list(_ i: Int) -> [Int] {
        guard i >= 0, i + 1 < starts.count else { return [] }
        return positions[Int(starts[i])..<Int(starts[i + 1])].map { Int($0) }
    }
}
