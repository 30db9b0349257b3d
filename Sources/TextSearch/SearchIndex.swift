import SnapshotFormat

/// A full-text index over documents with weighted fields, facets and dates, built once and
/// then searched with the query language (see `QUERY-LANGUAGE.md`).
///
/// Immutable after `init`, so one index can serve any number of threads.
public final class SearchIndex: Sendable {
    public let schema: IndexSchema
    let data: IndexData

    public init(schema: IndexSchema, documents: [Document]) {
        self.schema = schema
        self.data = IndexBuilder.build(schema: schema, documents: documents)
        warmUp()
    }

    /// Builds from `documentCount` documents made on demand: `document(i)` is called once for
    /// each `i` in `0..<documentCount`, from several threads at a time, before `init` returns.
    /// The same index as `init(schema:documents:)` with the documents in that order, built faster
    /// and in less memory when making a document is costly (it is then done in parallel too).
    /// `preparingSnapshot` (for an index about to be written with `append(to:)`) begins that
    /// work while the index is built, on cores the build leaves free.
    public init(schema: IndexSchema, documentCount: Int, preparingSnapshot: Bool = false, document: @Sendable (Int) -> Document) {
        self.schema = schema
        self.data = IndexBuilder.build(schema: schema, documentCount: documentCount, preparingSnapshot: preparingSnapshot,
                                       document: document)
        warmUp()
    }

    /// Views the index a snapshot holds (written by `append(to:)`), in place: nothing is copied
    /// or decoded. Throws when the snapshot's sections are not an index of this schema or do
    /// not fit together (see `IndexData.init(reading:schema:)`); the caller then rebuilds.
    public init(schema: IndexSchema, reading cursor: inout SectionCursor) throws(SnapshotError) {
        self.schema = schema
        self.data = try IndexData(reading: &cursor, schema: schema)
    }

    /// Appends the index's columns to a snapshot being written.
    public func append(to writer: inout SnapshotWriter) {
        data.append(to: &writer)
    }

    /// Answers one typical query (a one-letter prefix of the most common term, whose first
    /// search is otherwise several times slower than the next ones), so the first query a
    /// person types is as fast as the others. Searching changes nothing in the index.
    private func warmUp() {
        guard data.documentCount >= IndexBuilder.warmUpDocumentCount,
              let common = data.documentFrequency.indices.max(by: { data.documentFrequency[$0] < data.documentFrequency[$1] }),
              let first = data.dictionary.text(common).first else { return }
        var cache = UnitCache()
        _ = Searcher(index: self).run(String(first), options: SearchOptions(limit: 20, lastWordIsPrefix: true), cache: &cache)
    }

    public var documentCount: Int { data.documentCount }

    /// For an index read from a snapshot: the first damage a search met in a part checked only
    /// when first used (the texts of hits); nil while there was none. That search went on
    /// without the damaged part; its caller should rebuild the index from the source of truth.
    public var snapshotDamage: String? { data.damage.found }

    /// Checks every part of a snapshot's index that is otherwise checked only when first used
    /// (all the field texts' blocks, see `DeflatedBlocks`), for a report on the whole file; nil
    /// when intact or built here.
    public func checkDeferredParts() -> String? {
        data.storedTexts.checkAll()
    }

    /// The original texts of the documents' fields, as they were indexed (damage met in them
    /// is reported by `snapshotDamage` too).
    public var storedTexts: StoredTexts { data.storedTexts }

    /// Views only the stored texts of the index a snapshot holds (written by `append(to:)`): the
    /// other sections are passed over, neither read nor checked, so this costs next to nothing.
    public static func storedTexts(schema: IndexSchema, reading cursor: inout SectionCursor) throws(SnapshotError) -> StoredTexts {
        try IndexData.readStoredTexts(&cursor, schema: schema)
    }

    /// How many sections `append(to:)` writes for an index of `schema`.
    public static func snapshotSectionCount(schema: IndexSchema) -> Int {
        IndexData.snapshotSectionCount(facetCount: schema.facets.count)
    }

    /// Distinct indexed terms.
    public var termCount: Int { data.dictionary.count }

    /// Approximate bytes held by the index, from its arrays' sizes (texts included).
    public var memoryEstimate: Int { data.memoryEstimate }

    /// Every name the query language accepts before a colon, in the order error messages list them.
    public var queryFieldNames: [String] { QueryParser(schema: schema).knownNames }

    /// The names among `flagNames` that `query` uses, parsed as `search` parses it: a caller
    /// whose flags' documents are costly to work out supplies only these (a flag the query does
    /// not name changes nothing in its results).
    public func flagNames(usedBy query: String, among flagNames: [String]) -> Set<String> {
        var parser = QueryParser(schema: schema)
        parser.flagNames = flagNames
        var used: Set<String> = []
        func visit(_ node: QueryNode) {
            switch node {
            case .flag(let position): if position < flagNames.count { used.insert(flagNames[position]) }
            case .and(let nodes), .or(let nodes): nodes.forEach(visit)
            case .not(let node): visit(node)
            case .word, .phrase, .facet, .dates: break
            }
        }
        parser.parse(query).root.map(visit)
        return used
    }

    public func search(_ query: String, options: SearchOptions = SearchOptions()) -> SearchResults {
        var cache = UnitCache()
        return Searcher(index: self).run(query, options: options, cache: &cache)
    }
}

/// Searches as a person types: each search may reuse the words resolved for the previous ones
/// (a prefix being extended narrows the documents of the shorter prefix instead of reading
/// postings again), and a query repeated (after a backspace) is answered from memory.
/// Results are always identical to `SearchIndex.search` with the same arguments.
public struct SearchSession: Sendable {
    public let index: SearchIndex
    private var cache = UnitCache()
    private var recent: [(query: String, options: SearchOptions, results: SearchResults)] = []
    private static let recentCapacity = 16

    public init(index: SearchIndex) {
        self.index = index
    }

    /// A session that narrows cached prefixes at the given ratio (see `UnitCache`), so tests can force that path.
    init(index: SearchIndex, narrowingRatio: Int) {
        self.index = index
        cache.narrowingRatio = narrowingRatio
    }

    public mutating func search(_ query: String, options: SearchOptions = SearchOptions()) -> SearchResults {
        if let known = recent.first(where: { $0.query == query && $0.options == options }) { return known.results }
        let results = Searcher(index: index).run(query, options: options, cache: &cache)
        recent.append((query, options, results))
        if recent.count > SearchSession.recentCapacity { recent.removeFirst() }
        return results
    }
}
