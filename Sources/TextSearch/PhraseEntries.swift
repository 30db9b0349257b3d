/// For each document a phrase matched, the first posting entry of each of the phrase's words in
/// that document, kept by the walk that found the match, so that ranking and highlights do not
/// look them up again through the forward index.
///
/// Invariant: `documents` ascend (the walk meets documents in order, each once) and `entries`
/// holds `wordCount` entries per document, in the phrase's word order. Both are 32-bit, as the
/// index's own documents and entry starts are.
struct PhraseEntries: Sendable {
    let wordCount: Int
    private var documents: [UInt32] = []
    private var entries: [UInt32] = []

    init(wordCount: Int) {
        self.wordCount = wordCount
    }

    /// Records document `d`, above every document recorded so far, with its words' first entries.
    mutating func append(document d: Int, firstEntries: some Sequence<Int>) {
        assert(documents.last.map { Int($0) < d } ?? true, "documents are recorded in ascending order")
        documents.append(UInt32(d))
        entries.append(contentsOf: firstEntries.lazy.map { UInt32($0) })
        assert(entries.count == documents.count * wordCount, "one entry per word")
    }

    /// `append(document:firstEntries:)` for a phrase of two words, without making a sequence
    /// of the two.
    mutating func append(document d: Int, firstEntries first: Int, _ second: Int) {
        assert(wordCount == 2, "two entries for a phrase of two words")
        assert(documents.last.map { Int($0) < d } ?? true, "documents are recorded in ascending order")
        documents.append(UInt32(d))
        entries.append(UInt32(first))
        entries.append(UInt32(second))
    }

    /// How many documents are recorded.
    var count: Int { documents.count }

    /// The document recorded at `row` (rows ascend with their documents).
    func document(at row: Int) -> Int { Int(documents[row]) }

    /// The first entry of word `k` in the document recorded at `row`.
    func entry(at row: Int, word k: Int) -> Int { Int(entries[row * wordCount + k]) }

    /// The first entry of word `k` in document `d`, nil when `d` was not recorded.
    func firstEntry(word k: Int, document d: Int) -> Int? {
        var low = 0, high = documents.count
        while low < high {
            let mid = (low + high) / 2
            if Int(documents[mid]) < d { low = mid + 1 } else { high = mid }
        }
        guard low < documents.count, Int(documents[low]) == d else { return nil }
        return Int(entries[low * wordCount + k])
    }

    /// The first entry of the document of entry `e` among a term's entries from `start` (the
    /// entries of one term and document lie together, sorted by field).
    static func firstOfDocument<Documents: RandomAccessCollection<UInt32>>(_ e: Int, from start: Int, _ entryDocument: Documents) -> Int
    where Documents.Index == Int {
        var first = e
        while first > start && entryDocument[first - 1] == entryDocument[e] { first -= 1 }
        return first
    }
}
