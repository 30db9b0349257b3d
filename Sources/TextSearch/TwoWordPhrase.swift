/// The documents of a phrase of two words, the commonest phrase, found without merging the two
/// words' postings step by step.
///
/// A merge decides each step from the entries the step before it read, so every step waits for
/// its reads; on long postings that wait is most of the time. Here no loop over a whole list
/// waits on its own reads:
/// 1. The shorter list sets a bit for each of its entries in a bitmap of (document, field)
///    pairs. A term has one entry a pair, in the pairs' order, so a pair's place among the set
///    bits is its entry's place in the list.
/// 2. The longer list keeps the entries whose pair's bit is set (and whose field is the
///    phrase's field, when it has one), written down without a branch.
/// 3. Each kept entry meets the shorter list's entry of its pair, found from the pair's place,
///    and their positions are checked.
///
/// The result is the merge's: the same documents, each with both words' first entries, in
/// ascending order. Every document and field read is below `documentCount` and `fieldCount`
/// (a snapshot's columns are read with those ceilings). Entries out of order, which only a
/// damaged snapshot has, cannot make it read outside the lists or the scratch space; they give
/// wrong documents at worst.
struct TwoWordPhrase<
    Documents: RandomAccessCollection<UInt32>, Fields: RandomAccessCollection<UInt8>, Positions: RandomAccessCollection<UInt16>
> where Documents.Index == Int, Fields.Index == Int, Positions.Index == Int {
    let entryDocument: Documents
    let entryField: Fields
    let allPositions: Positions
    let positionStarts: PositionStarts
    let documentCount: Int
    let fieldCount: Int

    /// The documents where `second` follows `first` (in `field` when given), with both words'
    /// first entries there; `firstEntries` and `secondEntries` are the words' postings.
    func documents(_ first: QueryUnit.PhraseTerm, _ second: QueryUnit.PhraseTerm, field: Int?,
                   firstEntries: Range<Int>, secondEntries: Range<Int>) -> (documents: DocumentSet, entries: PhraseEntries) {
        var result = DocumentSet(capacity: documentCount)
        var found = PhraseEntries(wordCount: 2)
        guard !firstEntries.isEmpty, !secondEntries.isEmpty, fieldCount > 0 else { return (result, found) }
        let firstIsMarked = firstEntries.count <= secondEntries.count
        let marked = firstIsMarked ? firstEntries : secondEntries
        let probed = firstIsMarked ? secondEntries : firstEntries
        let wordCount = (documentCount * fieldCount + 63) / 64
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: wordCount) { bits in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: wordCount + probed.count) { scratch in
                let before = UnsafeMutableBufferPointer(rebasing: scratch[0..<wordCount])
                let kept = UnsafeMutableBufferPointer(rebasing: scratch[wordCount...])
                bits.initialize(repeating: 0)
                markPairs(marked, bits: bits)
                var total: UInt32 = 0
                for w in 0..<wordCount {
                    before[w] = total
                    total &+= UInt32(bits[w].nonzeroBitCount)
                }
                let keptCount = keep(probed, field: field, bits: UnsafeBufferPointer(bits), into: kept)
                let positionCount = allPositions.count
                let terms = [first, second]
                var lastDocument = -1
                for k in 0..<keptCount {
                    let p = Int(kept[k])
                    let d = Int(entryDocument[p])
                    // A document is found once, by its first field that holds the phrase.
                    guard d > lastDocument else { continue }
                    let pair = self.pair(p)
                    let w = pair >> 6
                    let m = marked.lowerBound + Int(before[w]) + (bits[w] & ((1 << UInt64(pair & 63)) &- 1)).nonzeroBitCount
                    guard m < marked.upperBound, self.pair(m) == pair else { continue }
                    let (i, j) = firstIsMarked ? (m, p) : (p, m)
                    let seconds = allPositions[positionStarts.range(ofEntry: j, within: positionCount)]
                    let holds = allPositions[positionStarts.range(ofEntry: i, within: positionCount)].contains { p in
                        PhraseMatcher.holds(terms, at: Int(p) - first.offset, { _ in seconds })
                    }
                    guard holds else { continue }
                    lastDocument = d
                    result.insert(d)
                    found.append(document: d, firstEntries: PhraseEntries.firstOfDocument(i, from: firstEntries.lowerBound, entryDocument),
                                 PhraseEntries.firstOfDocument(j, from: secondEntries.lowerBound, entryDocument))
                }
            }
        }
        return (result, found)
    }

    /// The (document, field) pair of entry `e`, as a bit number.
    @inline(__always) private func pair(_ e: Int) -> Int {
        Int(entryDocument[e]) &* fieldCount &+ Int(entryField[e])
    }

    /// Sets the bit of each entry's pair. The entries' pairs ascend, so each word of the bitmap
    /// is written by one run of them: the word being filled is kept in a register and stored
    /// whole at every entry, not read back from memory (a read that waits for the store before
    /// it). Out of order, a pair's bit can be lost, never set outside the bitmap.
    private func markPairs(_ entries: Range<Int>, bits: UnsafeMutableBufferPointer<UInt64>) {
        var word = -1
        var filling: UInt64 = 0
        for e in entries {
            let pair = self.pair(e)
            let w = pair >> 6
            filling = (w == word ? filling : 0) | 1 << UInt64(pair & 63)
            word = w
            bits[w] = filling
        }
    }

    /// Writes to `kept` the entries whose pair's bit is set (and whose field is `field`, when
    /// given), in order; returns how many.
    private func keep(_ entries: Range<Int>, field: Int?, bits: UnsafeBufferPointer<UInt64>,
                      into kept: UnsafeMutableBufferPointer<UInt32>) -> Int {
        var count = 0
        // Written at every entry, kept only when the count moves past it. The bit is added as a
        // number, so that the loop has no branch to mispredict.
        if let field {
            let wanted = UInt8(truncatingIfNeeded: field)
            for e in entries {
                let pair = self.pair(e)
                kept[count] = UInt32(e)
                count &+= Int(truncatingIfNeeded: bits[pair >> 6] >> UInt64(pair & 63)) & (entryField[e] == wanted ? 1 : 0)
            }
        } else {
            for e in entries {
                let pair = self.pair(e)
                kept[count] = UInt32(e)
                count &+= Int(truncatingIfNeeded: bits[pair >> 6] >> UInt64(pair & 63)) & 1
            }
        }
        return count
    }
}
