/// One scoring element of a query: a word (with its prefix, stem and typo expansions) or a phrase,
/// resolved against the dictionary, with the documents that hold it.
struct QueryUnit: Sendable {
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

    var kind: Kind
    /// Restricts the unit to one field.
    var field: Int?
    var documents: DocumentSet
    /// A phrase's words' first entries in each matched document (nil for a word).
    var phraseEntries: PhraseEntries? = nil
    /// A word's entries in its one field, when few enough to keep (nil otherwise, and for a
    /// phrase or a word in every field).
    var fieldEntries: FieldEntries? = nil
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
