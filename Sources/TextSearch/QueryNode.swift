/// A parsed query: a tree of words, phrases, facet and date conditions joined by AND, OR and NOT.
indirect enum QueryNode: Hashable, Sendable {
    /// A word as typed; `field` scopes it to one text field; `isPrefix` matches terms starting with it.
    case word(String, field: Int?, isPrefix: Bool)
    /// Words that must follow each other (`"gold sector"`), matched exactly (folded, no typos).
    case phrase(String, field: Int?)
    /// A facet value (`sector:ITU-D`), compared after folding case and accents.
    case facet(Int, value: String)
    /// Documents dated within the inclusive `yyyymmdd` bounds.
    case dates(ClosedRange<Int>)
    /// A flag supplied with the search (`is:starred`), by its place in `SearchOptions.flags`.
    case flag(Int)
    case and([QueryNode])
    case or([QueryNode])
    case not(QueryNode)
}

/// The parser's result: the tree (nil when nothing searchable was left), the order asked for, and problems.
struct ParsedQuery: Hashable, Sendable {
    var root: QueryNode?
    var sortByDate = false
    var problems: [QueryProblem] = []
}

extension QueryProblem: Hashable {
    public func hash(into hasher: inout Hasher) { hasher.combine(message) }
}
