import SnapshotFormat
import TextSearch

/// The id and the stored field texts of each item of a catalog index, in index order (the
/// catalog's news first, in the catalog's order, then organizations, then Sectors): from an
/// index (`CatalogSearchIndex.texts`), or viewed alone in a snapshot, without the sections a
/// search needs, for a reader that only shows items.
public struct IndexedTexts: Sendable {
    let texts: StoredTexts
    let entries: SearchEntryTable

    /// The fields whose texts `storedText` reads, by their number in `CatalogSearchIndex.schema`.
    public enum Field: Int, Sendable {
        case title, summary, body
    }

    init(texts: StoredTexts, entries: SearchEntryTable) {
        self.texts = texts
        self.entries = entries
    }

    /// The texts and entries of the index a snapshot holds (written by
    /// `CatalogSearchIndex.append(to:)`); its other sections are passed over, unread and unchecked.
    public init(reading cursor: inout SectionCursor) throws(SnapshotError) {
        texts = try SearchIndex.storedTexts(schema: CatalogDocuments.schema, reading: &cursor)
        entries = try SearchEntryTable(reading: &cursor)
        guard entries.count == texts.documentCount else { throw SnapshotError("search entries do not match the index") }
    }

    /// How many items at the start are news, counted over the kinds' column.
    public var leadingNewsCount: Int {
        let news = UInt8(SearchItemType.allCases.firstIndex(of: .news) ?? 0)
        return entries.types.withUnsafeBufferPointer { types in types.prefix(while: { $0 == news }).count }
    }

    public func itemID(_ item: Int) -> String { entries.ids[item] }

    /// The text `field` of item `item` had when indexed, verbatim (a news item's title, summary
    /// and body); "" when its bytes in a snapshot fail their checksum, then reported by `snapshotDamage`.
    public func storedText(item: Int, field: Field) -> String { texts.text(document: item, field: field.rawValue) }

    /// The first damage met while reading a text, nil while there was none.
    public var snapshotDamage: String? { texts.snapshotDamage }
}
