import Catalog
import SnapshotFormat
import TextSearch

/// Full-text search over a catalog's news, organizations and Sectors, with the query language
/// of `TextSearch` (fields `title summary body tags names`, facets `sector org category kind
/// type year`, dates from news), and the flags of `ItemFlags` (`is:unread`, `is:starred`, …)
/// from what the caller passes with each search. See `CatalogDocuments` for what is indexed.
public final class CatalogSearchIndex: Sendable {
    public let index: SearchIndex
    let entries: SearchEntryTable
    /// `news:<id>` / `organization:<id>` → document number, for the flags.
    private let flagKeys: FlagKeyTable

    /// The fields (with their weights) and facets of every catalog index.
    public static var schema: IndexSchema { CatalogDocuments.schema }

    /// The documents a catalog index holds for the catalog's news items, in the catalog's
    /// order (benchmarks give exactly these to another engine).
    public static func newsDocuments(of catalog: Catalog) -> [Document] {
        let links = NewsLinks(catalog)
        return catalog.news.map { CatalogDocuments.news($0, links: links) }
    }

    /// `preparingSnapshot`: the index is about to be written to a snapshot (`append(to:)`), whose
    /// work begins while it is built (see `SearchIndex.init(schema:documentCount:preparingSnapshot:document:)`).
    public init(catalog: Catalog, preparingSnapshot: Bool = false) {
        let source = CatalogDocuments.Source(catalog)
        self.index = SearchIndex(schema: CatalogDocuments.schema, documentCount: source.count,
                                 preparingSnapshot: preparingSnapshot, document: source.document)
        self.entries = SearchEntryTable(source.entries)
        self.flagKeys = FlagKeyTable(entries: entries)
    }

    /// The index a snapshot holds (written by `append(to:)`), viewed in place; throws when the
    /// sections are not such an index (the caller then rebuilds from the catalog).
    public init(reading cursor: inout SectionCursor) throws(SnapshotError) {
        self.index = try SearchIndex(schema: CatalogDocuments.schema, reading: &cursor)
        self.entries = try SearchEntryTable(reading: &cursor)
        guard entries.count == index.documentCount else { throw SnapshotError("search entries do not match the index") }
        self.flagKeys = FlagKeyTable(entries: entries)
    }

    /// How many sections `append(to:)` writes: the index's, then the entry table's.
    public static var snapshotSectionCount: Int {
        SearchIndex.snapshotSectionCount(schema: CatalogDocuments.schema) + SearchEntryTable.snapshotSectionCount
    }

    /// The first damage a search met in the snapshot this index was read from (see
    /// `SearchIndex.snapshotDamage`); the caller then rebuilds the index from the fixtures.
    public var snapshotDamage: String? { index.snapshotDamage }

    /// The ids and stored texts of the indexed items (what a catalog in a snapshot reads of
    /// its news); damage met in them is reported by `snapshotDamage` too.
    public var texts: IndexedTexts { IndexedTexts(texts: index.storedTexts, entries: entries) }

    /// Appends the index and what its hits show to a snapshot being written.
    public func append(to writer: inout SnapshotWriter) {
        index.append(to: &writer)
        entries.append(to: &writer)
    }

    /// The best `limit` items of `types` for `query`. With `allMatchedFields` false, each hit's
    /// `matchedFields` holds the title's highlights only (what a list of results shows), and
    /// the other fields are read only for the snippet.
    public func search(_ query: String, types: Set<SearchItemType> = Set(SearchItemType.allCases), limit: Int = 20,
                       flags: ItemFlags = ItemFlags(), allMatchedFields: Bool = true) -> CatalogSearchResults {
        convert(index.search(query, options: options(for: query, types: types, limit: limit, flags: flags,
                                                     allMatchedFields: allMatchedFields)))
    }

    /// A session for search-as-you-type: same results as `search`, faster per keystroke.
    public func makeSession() -> CatalogSearchSession {
        CatalogSearchSession(catalogIndex: self)
    }

    /// Whether a search has needed every item's document number yet (see `options`).
    var flagKeysBuilt: Bool { flagKeys.isBuilt }

    /// The options of a search for `query`. Only the flags the query names get their documents:
    /// finding them needs every item's document number (`FlagKeyTable`), which a search without
    /// flags, such as a one-shot `search` over a snapshot, never pays for.
    func options(for query: String, types: Set<SearchItemType>, limit: Int, flags: ItemFlags, allMatchedFields: Bool) -> SearchOptions {
        let named = index.flagNames(usedBy: query, among: ItemFlags.names)
        var documentsByKey: [String: Int]?
        var options = SearchOptions(limit: limit, flags: flags.queryFlags(named: named) { key in
            if documentsByKey == nil { documentsByKey = flagKeys.documentsByKey }
            return documentsByKey?[key]
        })
        if types != Set(SearchItemType.allCases) {
            options.filters["type"] = types.map(\.rawValue).sorted()
        }
        if !allMatchedFields { options.highlightedFields = ["title"] }
        return options
    }

    func convert(_ results: SearchResults) -> CatalogSearchResults {
        let hits = results.hits.compactMap { hit -> CatalogSearchHit? in
            guard hit.document >= 0 && hit.document < entries.count else { return nil }
            let entry = entries[hit.document]
            return CatalogSearchHit(
                type: entry.type, id: entry.id, title: entry.title,
                titleHighlights: hit.highlights["title"] ?? [],
                snippet: hit.snippet?.text ?? "", snippetHighlights: hit.snippet?.highlights ?? [],
                date: entry.date, score: hit.score, matchedFields: hit.highlights, typos: hit.typos)
        }
        return CatalogSearchResults(hits: hits, totalMatches: results.totalMatches, isPartial: results.isPartial,
                                    problems: results.problems.map(\.message))
    }
}

/// Searches as a person types; results are identical to `CatalogSearchIndex.search`.
public struct CatalogSearchSession: Sendable {
    private let catalogIndex: CatalogSearchIndex
    private var session: SearchSession

    init(catalogIndex: CatalogSearchIndex) {
        self.catalogIndex = catalogIndex
        self.session = SearchSession(index: catalogIndex.index)
    }

    /// As `CatalogSearchIndex.search`.
    public mutating func search(_ query: String, types: Set<SearchItemType> = Set(SearchItemType.allCases), limit: Int = 20,
                                flags: ItemFlags = ItemFlags(), allMatchedFields: Bool = true) -> CatalogSearchResults {
        let options = catalogIndex.options(for: query, types: types, limit: limit, flags: flags, allMatchedFields: allMatchedFields)
        return catalogIndex.convert(session.search(query, options: options))
    }
}
