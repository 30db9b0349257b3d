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
    }

    public var documentCount: Int { data.documentCount }

    /// Distinct indexed terms.
    public var termCount: Int { data.dictionary.count }

    /// Approximate bytes held by the index, from its arrays' sizes (texts included).
    public var memoryEstimate: Int { data.memoryEstimate }

    /// Every name the query language accepts before a colon, in the order error messages list them.
    public var queryFieldNames: [String] { QueryParser(schema: schema).knownNames }

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
