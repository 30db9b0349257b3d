/// The arrays an index is made of, built once by `IndexBuilder` and never changed.
///
/// Postings are flat: the entries of term `t` are `termEntryStart[t] ..< termEntryStart[t + 1]`,
/// one entry per (document, field) holding the term, sorted by document then field; the positions
/// of entry `e` are `positions[entryPositionStart[e] ..< entryPositionStart[e + 1]]` (so its term
/// frequency is their count). The forward index lists, for each document, the distinct terms it
/// holds (sorted by id) with the first entry of that (term, document) pair: it answers "does this
/// document hold a term of this prefix range?" with one binary search.
struct IndexData: Sendable {
    var fieldCount = 0
    var documentCount = 0
    var ids: [String] = []
    /// Original text of field `f` of document `d` at `d * fieldCount + f` ("" when absent).
    var fieldTexts: [String] = []
    /// `yyyymmdd`, 0 when unknown.
    var dates: [Int32] = []
    /// `1 / (1 - b + b * length / averageLength)` for each document and field (BM25 length normalization).
    var fieldNorms: [Float] = []

    var dictionary = TermDictionary(sortedTerms: [])
    /// Number of documents holding each term.
    var documentFrequency: [UInt32] = []
    /// BM25 idf of each term (see `Ranker`).
    var inverseDocumentFrequency: [Double] = []
    var termEntryStart: [UInt32] = [0]
    var entryDocument: [UInt32] = []
    var entryField: [UInt8] = []
    var entryPositionStart: [UInt32] = [0]
    /// Word positions within a field, saturating at 65535 (phrases never match there, see
    /// `PhraseMatcher.holds`).
    var positions: [UInt16] = []

    var forwardStart: [UInt32] = [0]
    var forwardTerm: [UInt32] = []
    var forwardEntry: [UInt32] = []

    /// For each facet: folded value → sorted document numbers.
    var facetPostings: [[String: [UInt32]]] = []
    /// For each facet: folded value → a spelling as given, for messages.
    var facetSpellings: [[String: String]] = []
    /// For each facet: folded value → its documents as a ready set, for the values held by so
    /// many documents that the set takes less memory than their list (filters like `type:news`
    /// are then answered without inserting every document).
    var facetSets: [[String: DocumentSet]] = []

    /// A value's documents are also kept as a set from this many documents on.
    static func facetSetThreshold(documentCount: Int) -> Int { max(64, documentCount / 32) }

    /// Approximate bytes held, from the arrays' sizes.
    var memoryEstimate: Int {
        var total = 0
        total += ids.reduce(0) { $0 + $1.utf8.count + 16 }
        total += fieldTexts.reduce(0) { $0 + $1.utf8.count + 16 }
        total += dates.count * 4 + fieldNorms.count * 4
        total += dictionary.scalars.count * 4 + dictionary.starts.count * 4
        total += dictionary.stemGroups.reduce(0) { $0 + $1.key.utf8.count + 16 + $1.value.count * 4 }
        total += documentFrequency.count * 12 + termEntryStart.count * 4
        total += entryDocument.count * 4 + entryField.count + entryPositionStart.count * 4 + positions.count * 2
        total += forwardStart.count * 4 + forwardTerm.count * 4 + forwardEntry.count * 4
        for facet in facetPostings { total += facet.reduce(0) { $0 + $1.key.utf8.count + 16 + $1.value.count * 4 } }
        for facet in facetSets { total += facet.reduce(0) { $0 + $1.key.utf8.count + 16 + $1.value.words.count * 8 } }
        return total
    }
}
