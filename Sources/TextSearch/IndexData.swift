import SnapshotFormat

/// The read-only columns an index is made of: built in memory by `IndexBuilder`, or viewed in
/// place in a mapped snapshot (`IndexData+Snapshot`). Ranking, planning and highlighting read
/// them the same way in both cases.
///
/// Postings are flat: the entries of term `t` are `termEntryStart[t] ..< termEntryStart[t + 1]`,
/// one entry per (document, field) holding the term, sorted by document then field; the positions
/// of entry `e` are `positions[entryPositionStart[e] ..< entryPositionStart[e + 1]]` (so its term
/// frequency is their count). The forward index lists, for each document, the distinct terms it
/// holds (sorted by id), and, in an index built here, the first entry of each (term, document)
/// pair: it answers "does this document hold a term of this prefix range?" with one binary
/// search. A snapshot does not store those first entries (a quarter of its postings' bytes): they
/// are found by a binary search among the term's entries (see `firstEntry(term:document:forwardSlot:)`).
///
/// A class, immutable: the planner, ranker and highlighter of a search each hold it, and a
/// struct of this many columns cost a retain and a release per column at every copy.
final class IndexData: Sendable {
    let fieldCount: Int
    let documentCount: Int
    let ids: StringColumn
    /// Original text of each field of each document (in memory, or deflated in a snapshot).
    let storedTexts: StoredTexts
    /// `yyyymmdd`, 0 when unknown.
    let dates: Column<Int32>
    /// `1 / (1 - b + b * length / averageLength)` for each document and field (BM25 length normalization).
    let fieldNorms: Column<Float>

    let dictionary: TermDictionary
    /// Number of documents holding each term.
    let documentFrequency: Column<UInt32>
    /// BM25 idf of each term (see `Ranker`).
    let inverseDocumentFrequency: Column<Double>
    let termEntryStart: Column<UInt32>
    let entryDocument: IndexColumn<UInt32>
    let entryField: IndexColumn<UInt8>
    /// Read through `positions(ofEntry:)` and `termFrequency(ofEntry:)`.
    let entryPositionStart: PositionStarts
    /// Word positions within a field, saturating at 65535 (phrases never match there, see
    /// `PhraseMatcher.holds`).
    let positions: IndexColumn<UInt16>

    let forwardStart: Column<UInt32>
    let forwardTerm: Column<UInt32>
    /// The first entry of each (term, document) pair of `forwardTerm`; nil in a snapshot.
    let forwardEntry: Column<UInt32>?

    /// For each facet: its values' documents and spellings.
    let facets: [FacetTable]

    /// Where a text whose block fails its check is reported.
    var damage: SnapshotDamage { storedTexts.damage }

    /// A value's documents are also kept as a set from this many documents on.
    static func facetSetThreshold(documentCount: Int) -> Int { max(64, documentCount / 32) }

    init(fieldCount: Int, documentCount: Int, ids: StringColumn, storedTexts: StoredTexts, dates: Column<Int32>,
         fieldNorms: Column<Float>, dictionary: TermDictionary, documentFrequency: Column<UInt32>,
         inverseDocumentFrequency: Column<Double>, termEntryStart: Column<UInt32>, entryDocument: IndexColumn<UInt32>,
         entryField: IndexColumn<UInt8>, entryPositionStart: PositionStarts, positions: IndexColumn<UInt16>,
         forwardStart: Column<UInt32>, forwardTerm: Column<UInt32>, forwardEntry: Column<UInt32>?, facets: [FacetTable]) {
        self.fieldCount = fieldCount
        self.documentCount = documentCount
        self.ids = ids
        self.storedTexts = storedTexts
        self.dates = dates
        self.fieldNorms = fieldNorms
        self.dictionary = dictionary
        self.documentFrequency = documentFrequency
        self.inverseDocumentFrequency = inverseDocumentFrequency
        self.termEntryStart = termEntryStart
        self.entryDocument = entryDocument
        self.entryField = entryField
        self.entryPositionStart = entryPositionStart
        self.positions = positions
        self.forwardStart = forwardStart
        self.forwardTerm = forwardTerm
        self.forwardEntry = forwardEntry
        self.facets = facets
    }

    /// Calls `body` with the UTF-8 bytes of field `f` of document `d` (see `StoredTexts.withBytes`).
    func withFieldBytes<R>(document d: Int, field f: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        storedTexts.withBytes(document: d, field: f, body)
    }

    /// `dictionary.term(_:hasUTF8:)`, asked of the index: the dictionary is used where it is
    /// stored, where `data.dictionary.term(…)` would copy it out first (a retain and a release
    /// of each of its columns, for every word the highlighter compares).
    @inline(__always) func term(_ id: Int, hasUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        dictionary.term(id, hasUTF8: bytes)
    }

    /// The first posting entry of `term` in document `d`, which holds it in forward slot `slot`:
    /// recorded in an index built here, else the first of the term's entries (sorted by
    /// document) not below `d`. Whatever a snapshot holds, the entry found lies within the
    /// term's entries or at their end.
    @inline(__always) func firstEntry(term: Int, document d: Int, forwardSlot slot: Int) -> Int {
        if let forwardEntry { return Int(forwardEntry[slot]) }
        var low = Int(termEntryStart[term]), high = Int(termEntryStart[term + 1])
        while low < high {
            let mid = (low + high) / 2
            if Int(entryDocument[mid]) < d { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The positions of entry `e` (see `PositionStarts`).
    @inline(__always) func positions(ofEntry e: Int) -> Slice<IndexColumn<UInt16>> {
        positions[positionRange(ofEntry: e)]
    }

    /// Where the positions of entry `e` lie in `positions`.
    @inline(__always) func positionRange(ofEntry e: Int) -> Range<Int> {
        entryPositionStart.range(ofEntry: e, within: positions.count)
    }

    /// The number of positions of entry `e`: the term frequency of its term in its field.
    @inline(__always) func termFrequency(ofEntry e: Int) -> Int {
        entryPositionStart.count(ofEntry: e, within: positions.count)
    }

    /// The columns of what `IndexBuilder` built. Each array is emptied once its column is
    /// made, so the arrays and their columns are never all held at once (the build's peak
    /// memory would otherwise hold the whole index twice).
    convenience init(taking arrays: inout IndexArrays) {
        func take<Element: BitwiseCopyable>(_ array: WritableKeyPath<IndexArrays, [Element]>) -> Column<Element> {
            defer { arrays[keyPath: array] = [] }
            return Column(arrays[keyPath: array])
        }
        func takeStrings(_ array: WritableKeyPath<IndexArrays, [String]>) -> StringColumn {
            defer { arrays[keyPath: array] = [] }
            return StringColumn(arrays[keyPath: array])
        }
        let fieldCount = arrays.fieldCount, documentCount = arrays.documentCount
        self.init(
            fieldCount: fieldCount, documentCount: documentCount,
            ids: takeStrings(\.ids),
            storedTexts: StoredTexts(fieldCount: fieldCount, documentCount: documentCount,
                                     texts: takeStrings(\.fieldTexts), damage: SnapshotDamage(),
                                     deflation: arrays.textDeflation),
            dates: take(\.dates), fieldNorms: take(\.fieldNorms), dictionary: arrays.dictionary,
            documentFrequency: take(\.documentFrequency),
            inverseDocumentFrequency: take(\.inverseDocumentFrequency),
            termEntryStart: take(\.termEntryStart), entryDocument: IndexColumn(take(\.entryDocument)),
            entryField: IndexColumn(take(\.entryField)), entryPositionStart: PositionStarts(starts: take(\.entryPositionStart)),
            positions: IndexColumn(take(\.positions)), forwardStart: take(\.forwardStart),
            forwardTerm: take(\.forwardTerm), forwardEntry: take(\.forwardEntry),
            facets: arrays.facetPostings.indices.map { f in
                FacetTable(postings: arrays.facetPostings[f], spellings: arrays.facetSpellings[f],
                           sets: arrays.facetSets[f], documentCount: arrays.documentCount)
            })
    }

    /// Approximate bytes held, from the columns' sizes.
    var memoryEstimate: Int {
        var total = ids.bytes.count + ids.offsets.count * 4 + storedTexts.byteCount
        total += dates.count * 4 + fieldNorms.count * 4
        total += dictionary.memoryEstimate
        total += documentFrequency.count * 12 + termEntryStart.count * 4
        total += entryDocument.byteCount + entryField.byteCount + entryPositionStart.byteCount + positions.byteCount
        total += forwardStart.count * 4 + forwardTerm.count * 4 + (forwardEntry?.count ?? 0) * 4
        total += facets.reduce(0) { $0 + $1.memoryEstimate }
        return total
    }
}
