import Catalog
import CatalogSearch
import SnapshotFormat
import TextSearch

/// A catalog's news viewed in a memory-mapped snapshot (see `CatalogSection`): an item is
/// decoded only when read, its id and texts from the search index's (`IndexedTexts`), the rest from its record;
/// finding items by id, organization or Sector reads precomputed tables.
///
/// Everything here was checked when the snapshot was opened (counts, offsets, numbers), except
/// the bytes of news records, checked against their block checksums when a record is read: a
/// record that fails is read as empty lists and no source, and `damage` says so, as does
/// `IndexedTexts.snapshotDamage` for a text that fails. Nothing read can trap.
final class MappedNewsStorage: NewsStorage {
    private let texts: IndexedTexts
    private let dates: Column<Int32>
    private let categoryNumbers: Column<UInt32>
    private let categoryNames: StringColumn
    private let records: StringColumn
    private let recordChecksums: BlockChecksums
    private let idOrder: Column<UInt32>
    private let organizationNews: PositionTable
    private let sectorNews: PositionTable
    private let recordDamage = SnapshotDamage()

    init(texts: IndexedTexts, dates: Column<Int32>, categoryNumbers: Column<UInt32>, categories: StringColumn,
         records: StringColumn, recordChecksums: BlockChecksums, idOrder: Column<UInt32>,
         organizationNews: PositionTable, sectorNews: PositionTable) {
        self.texts = texts
        self.dates = dates
        self.categoryNumbers = categoryNumbers
        self.categoryNames = categories
        self.records = records
        self.recordChecksums = recordChecksums
        self.idOrder = idOrder
        self.organizationNews = organizationNews
        self.sectorNews = sectorNews
    }

    var count: Int { dates.count }

    func item(at position: Int) -> NewsItem {
        let extras = self.extras(at: position)
        return NewsItem(id: id(at: position), date: date(at: position), category: category(at: position),
                        title: texts.storedText(item: position, field: .title),
                        summary: texts.storedText(item: position, field: .summary),
                        body: texts.storedText(item: position, field: .body),
                        organizations: extras.organizations, sectors: extras.sectors, tags: extras.tags, source: extras.source)
    }

    func id(at position: Int) -> String {
        precondition(position >= 0 && position < count, "news position out of range")
        return texts.itemID(position)
    }

    /// Every date code was checked to decode when the snapshot was opened.
    func date(at position: Int) -> PartialDate { PartialDateCode.decode(dates[position]) ?? PartialDate(year: 1)! }

    func category(at position: Int) -> String { categoryNames[Int(categoryNumbers[position])] }

    func organizationReferences(at position: Int) -> [String] { extras(at: position).organizations }

    func position(ofKey key: String) -> Int? {
        let wanted = Array(key.utf8)
        // The last item whose key is at most `wanted`, in (key, position) order: with several
        // items of the same key, the last one, as the in-memory catalog finds it.
        var low = 0, high = idOrder.count
        while low < high {
            let mid = (low + high) / 2
            let candidate = Array(Catalog.key(texts.itemID(Int(idOrder[mid]))).utf8)
            if !wanted.lexicographicallyPrecedes(candidate) {
                low = mid + 1
            } else {
                high = mid
            }
        }
        guard low > 0 else { return nil }
        let position = Int(idOrder[low - 1])
        return Catalog.key(texts.itemID(position)) == key ? position : nil
    }

    func positions(aboutOrganization organization: Int) -> [Int] { organizationNews.list(organization) }

    func positions(inSector sector: Int) -> [Int] { sectorNews.list(sector) }

    var categories: [String] { Array(categoryNames) }

    var damage: String? { recordDamage.found ?? texts.snapshotDamage }

    /// Checks the bytes of every record against their checksums (for a report on the whole
    /// file); nil when intact.
    func checkRecords() -> String? {
        recordChecksums.verify(0..<records.bytes.count, of: records.bytes) ? nil : "the news records do not match their checksums"
    }

    /// The record of the item at `position`, checked against its block checksums first.
    private func extras(at position: Int) -> CatalogRecords.NewsExtras {
        let range = Int(records.offsets[position])..<Int(records.offsets[position + 1])
        let empty = CatalogRecords.NewsExtras(organizations: [], sectors: [], tags: [], source: nil)
        guard recordChecksums.verify(range, of: records.bytes) else {
            recordDamage.record("the record of news item \(position) does not match its checksum")
            return empty
        }
        var reader = ByteReader(bytes: UnsafeRawBufferPointer(records.utf8(position)))
        do throws(SnapshotError) {
            let extras = try CatalogRecords.decodeNewsExtras(&reader)
            guard reader.isAtEnd else { throw SnapshotError("trailing bytes") }
            return extras
        } catch {
            recordDamage.record("the record of news item \(position) does not decode: \(error)")
            return empty
        }
    }
}
