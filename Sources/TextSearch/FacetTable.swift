import SnapshotFormat

/// One facet's values as sorted key tables: for each folded value (sorted by UTF-8 bytes, so a
/// value is found by binary search) its documents, its spelling as given (for messages) and,
/// for the values held by many documents, the documents as a ready set (filters like
/// `type:news` are then answered without inserting every document).
///
/// Invariants (checked when read from a snapshot): `spellings`, `setSlot` have one entry per
/// key; `postingStart` has `keys.count + 1` non-decreasing entries from 0 to `postings.count`;
/// every posting is a document number below `documentCount`; every set slot is `noSet` or
/// below the number of sets, whose words are `setWords` in runs of `wordsPerSet`, with no bit
/// set past `documentCount`.
struct FacetTable: Sendable, Equatable {
    static let noSet = UInt32.max

    let documentCount: Int
    let keys: StringColumn
    let spellings: StringColumn
    let postingStart: Column<UInt32>
    let postings: Column<UInt32>
    let setSlot: Column<UInt32>
    let setWords: Column<UInt64>

    var wordsPerSet: Int { (documentCount + 63) / 64 }

    init(documentCount: Int, keys: StringColumn, spellings: StringColumn, postingStart: Column<UInt32>,
         postings: Column<UInt32>, setSlot: Column<UInt32>, setWords: Column<UInt64>) {
        self.documentCount = documentCount
        self.keys = keys
        self.spellings = spellings
        self.postingStart = postingStart
        self.postings = postings
        self.setSlot = setSlot
        self.setWords = setWords
    }

    init(postings: [String: [UInt32]], spellings: [String: String], sets: [String: DocumentSet], documentCount: Int) {
        let keys = StringColumn.sortedByBytes(postings.keys)
        var starts: [UInt32] = [0]
        var flat: [UInt32] = []
        var slots: [UInt32] = []
        var words: [UInt64] = []
        for key in keys {
            flat += postings[key] ?? []
            starts.append(UInt32(flat.count))
            if let set = sets[key] {
                slots.append(UInt32(words.count / max(1, (documentCount + 63) / 64)))
                words += set.words
            } else {
                slots.append(FacetTable.noSet)
            }
        }
        self.init(documentCount: documentCount, keys: StringColumn(keys),
                  spellings: StringColumn(keys.map { spellings[$0] ?? $0 }), postingStart: Column(starts),
                  postings: Column(flat), setSlot: Column(slots), setWords: Column(words))
    }

    /// The sorted documents with the folded value `key`.
    func documents(for key: String) -> Slice<Column<UInt32>>? {
        guard let k = keys.sortedIndex(of: key) else { return nil }
        return postings[Int(postingStart[k])..<Int(postingStart[k + 1])]
    }

    /// The documents with the folded value `key` as a set, when the value is frequent enough to keep one.
    func documentSet(for key: String) -> DocumentSet? {
        guard let k = keys.sortedIndex(of: key), setSlot[k] != FacetTable.noSet else { return nil }
        let start = Int(setSlot[k]) * wordsPerSet
        return DocumentSet(words: Array(setWords[start..<start + wordsPerSet]), capacity: documentCount)
    }

    var memoryEstimate: Int {
        keys.bytes.count + spellings.bytes.count + keys.count * 12 + postings.count * 4 + setWords.count * 8
    }
}
