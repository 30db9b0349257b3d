import Catalog

/// The outcome of a catalog search: the best items, how many matched, and query problems.
public struct CatalogSearchResults: Sendable, Equatable {
    public var hits: [CatalogSearchHit]
    /// Every matching item of the requested types, not only the returned hits.
    public var totalMatches: Int
    /// True when no item held every word, so the items holding the most words came back.
    public var isPartial: Bool
    /// What was wrong with the query, one message each (the search still ran).
    public var problems: [String]

    public init(hits: [CatalogSearchHit] = [], totalMatches: Int = 0, isPartial: Bool = false, problems: [String] = []) {
        self.hits = hits
        self.totalMatches = totalMatches
        self.isPartial = isPartial
        self.problems = problems
    }
}

/// One matching item, ready to show: its title and a snippet with the matched words marked.
public struct CatalogSearchHit: Sendable, Equatable {
    public var type: SearchItemType
    public var id: String
    /// The news title, or the organization's or Sector's name.
    public var title: String
    /// UTF-8 byte ranges of matched words in `title`.
    public var titleHighlights: [Range<Int>]
    /// About 160 characters around the best match ("…" where cut); may be empty.
    public var snippet: String
    /// UTF-8 byte ranges of matched words in `snippet`.
    public var snippetHighlights: [Range<Int>]
    /// The news item's date; nil for organizations and Sectors.
    public var date: PartialDate?
    public var score: Double
    /// Field (`title`, `summary`, `body`, `tags`, `names`) → UTF-8 byte ranges of matched
    /// words in the text the adapter indexed for that field; the title's only when the search
    /// was asked for no other (`allMatchedFields: false`).
    public var matchedFields: [String: [Range<Int>]]
    public var typos: Int
}
