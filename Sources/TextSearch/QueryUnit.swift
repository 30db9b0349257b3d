/// One scoring element of a query: a word (with its prefix, stem and typo expansions) or a phrase,
/// resolved against the dictionary, with the documents that hold it.
///
/// An immutable class: the planner, the ranker, the highlighter and a session's cache share
/// each unit, and the ranker and highlighter read it for every hit. A struct of these arrays
/// and sets cost a retain and a release of each at every copy; a class costs one.
final class QueryUnit: Sendable {
    /// A phrase word and its offset from the phrase's first word.
    struct PhraseTerm: Hashable, Sendable {
        var term: Int
        var offset: Int
    }

    enum Kind: Sendable {
        case terms(TermMatcher)
        /// Empty when a word of the phrase is not in the dictionary (so it matches nothing).
        case phrase([PhraseTerm])
    }

    let kind: Kind
    /// Restricts the unit to one field.
    let field: Int?
    let documents: DocumentSet
    /// A phrase's words' first entries in each matched document (nil for a word).
    let phraseEntries: PhraseEntries?
    /// A word's entries in its one field, when few enough to keep (nil otherwise, and for a
    /// phrase or a word in every field).
    let fieldEntries: FieldEntries?

    init(kind: Kind, field: Int?, documents: DocumentSet, phraseEntries: PhraseEntries? = nil, fieldEntries: FieldEntries? = nil) {
        self.kind = kind
        self.field = field
        self.documents = documents
        self.phraseEntries = phraseEntries
        self.fieldEntries = fieldEntries
    }
}

/// Identifies a unit by what was typed, so a session can reuse it across keystrokes.
struct UnitKey: Hashable, Sendable {
    var text: String
    var isPhrase: Bool
    var field: Int?
    var isPrefix: Bool
}

/// Units already resolved, kept by a `SearchSession` between keystrokes (a one-off search starts empty).
struct UnitCache: Sendable {
    var units: [UnitKey: QueryUnit] = [:]
    /// A cached prefix's documents are filtered instead of reading postings when the new terms
    /// have more than this many postings per cached document.
    var narrowingRatio = 4
    static let capacity = 64

    mutating func store(_ unit: QueryUnit, for key: UnitKey) {
        if units.count >= UnitCache.capacity { units.removeAll(keepingCapacity: true) }
        units[key] = unit
    }
}
