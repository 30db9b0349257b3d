import SnapshotFormat

/// The arrays `IndexBuilder` fills, turned into the read-only columns of `IndexData` when it
/// is done (see there for what each holds).
struct IndexArrays: Sendable {
    var fieldCount = 0
    var documentCount = 0
    var ids: [String] = []
    /// Original text of field `f` of document `d` at `d * fieldCount + f` ("" when absent).
    var fieldTexts: [String] = []
    /// Their deflation for a snapshot, when begun with them (see `StoredTexts.startDeflating`).
    var textDeflation: BlockDeflation?
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
}
