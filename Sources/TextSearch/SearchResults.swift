/// How to run one search.
public struct SearchOptions: Hashable, Sendable {
    /// The most hits returned.
    public var limit: Int = 20
    /// Treat the last word of the query as a prefix while it is being typed (no trailing space).
    public var lastWordIsPrefix: Bool = true
    /// Facet name → allowed values; ANDed with the query, values of one facet ORed.
    public var filters: [String: [String]] = [:]
    /// The flags a query may name (`is:starred`) and the documents each holds now.
    public var flags: [QueryFlag] = []
    /// The fields, by name, whose highlights each hit carries; nil for every matched field.
    /// A field that is not read for its highlights is not read at all, unless the snippet comes
    /// from it: the snippet is cut and highlighted whatever this holds (as Meilisearch's
    /// `attributesToHighlight` leaves `attributesToCrop` alone). Names the schema lacks are
    /// passed over.
    public var highlightedFields: Set<String>? = nil
    /// Ranks every candidate instead of taking the bounded shortcuts; the results are the same
    /// (tests compare both), only slower.
    var exhaustiveRanking = false
    /// Highlights read every word of each matched field instead of only the words at the
    /// matched positions; the highlights are the same (tests compare both), only slower.
    var highlightsReadWholeFields = false

    public init(limit: Int = 20, lastWordIsPrefix: Bool = true, filters: [String: [String]] = [:], flags: [QueryFlag] = []) {
        self.limit = limit
        self.lastWordIsPrefix = lastWordIsPrefix
        self.filters = filters
        self.flags = flags
    }
}

/// The outcome of a search: the best hits, how many documents matched, and what was wrong with the query.
public struct SearchResults: Sendable, Equatable {
    public var hits: [SearchHit]
    /// Every document that matched, not only the returned hits.
    public var totalMatches: Int
    /// True when no document held every word, so the documents holding the most words came back.
    public var isPartial: Bool
    /// Problems found in the query; the search still ran on what could be understood.
    public var problems: [QueryProblem]
    /// How the search went (not compared by `==`).
    var trace = SearchTrace()

    public init(hits: [SearchHit] = [], totalMatches: Int = 0, isPartial: Bool = false, problems: [QueryProblem] = []) {
        self.hits = hits
        self.totalMatches = totalMatches
        self.isPartial = isPartial
        self.problems = problems
    }

    public static func == (a: SearchResults, b: SearchResults) -> Bool {
        a.hits == b.hits && a.totalMatches == b.totalMatches && a.isPartial == b.isPartial && a.problems == b.problems
    }
}

/// One matching document.
public struct SearchHit: Sendable, Equatable {
    /// The document's position in the array the index was built from.
    public var document: Int
    public var id: String
    /// The BM25F score (higher is better).
    public var score: Double
    /// The indexed terms that matched, as folded text (e.g. `satellites`).
    public var matchedTerms: [String]
    /// Number of query words this document holds (the words and phrases of the query).
    public var matchedWords: Int
    /// Total typos corrected to reach the matched terms.
    public var typos: Int
    /// Field name → UTF-8 byte ranges of matched words in the field's original text.
    public var highlights: [String: [Range<Int>]]
    public var snippet: Snippet?
}

/// A short excerpt of a field around the best match.
public struct Snippet: Sendable, Equatable {
    /// About 160 characters cut at word boundaries, with "…" where text was cut.
    public var text: String
    /// UTF-8 byte ranges of matched words in `text`.
    public var highlights: [Range<Int>]
    /// The field the excerpt comes from.
    public var field: String
}

/// Something wrong with a query, in words a person reads.
public struct QueryProblem: Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
