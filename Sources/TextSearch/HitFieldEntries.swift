import SnapshotFormat

/// For a word restricted to one field (`title:satellite`), each top hit's entries of the word
/// there, picked in one pass from the entries the planner kept (`FieldEntries`).
///
/// Highlighting finds a word's terms in a hit through the hit's forward list, then each term's
/// first entry, then the entry's document and field: a chain of reads that each wait for the one
/// before, cold when other work has used the caches. The kept entries already say which entries
/// each hit holds, so the highlighter reads these rows instead, and `HitPrefetch` can ask for
/// their positions ahead.
///
/// Invariant: `rows` are sorted by document, then entry; each is a kept entry of one of the
/// hits, with the matched term whose entries hold it (`termEntryStart[term] <= entry <
/// termEntryStart[term + 1]` when the index's term starts ascend, as a built index's do; a
/// hostile snapshot's can only give wrong highlights).
struct HitFieldEntries {
    /// One entry of a hit.
    struct Row: Equatable {
        let document: UInt32
        let term: UInt32
        let entry: UInt32
    }

    let field: Int
    private(set) var rows: [Row] = []

    /// The rows of `kept` (the entries of `matcher`'s terms in its field) whose document is
    /// one of `hits`.
    init(_ kept: FieldEntries, matcher: TermMatcher, hits: [Int], termEntryStart: Column<UInt32>) {
        field = kept.field
        let sortedHits = hits.sorted()
        var terms = matcher.ranges.lazy.joined().makeIterator()
        var term = terms.next()
        var termEnd = term.map { Int(termEntryStart[$0 + 1]) } ?? 0
        var rows: [Row] = []
        rows.reserveCapacity(hits.count)
        kept.entries.withUnsafeBufferPointer { entries in
            kept.documents.withUnsafeBufferPointer { documents in
                // Within a term the documents ascend: the hits are merged with each term's run,
                // starting again from the first hit where a run starts (a document lower than
                // the one before).
                var next = 0
                var previous = -1
                for i in entries.indices {
                    let d = Int(documents[i])
                    if d < previous { next = 0 }
                    previous = d
                    while next < sortedHits.count && sortedHits[next] < d { next += 1 }
                    guard next < sortedHits.count, sortedHits[next] == d else { continue }
                    let e = Int(entries[i])
                    while term != nil && e >= termEnd {
                        term = terms.next()
                        if let term { termEnd = Int(termEntryStart[term + 1]) }
                    }
                    guard let term else { return }
                    rows.append(Row(document: UInt32(truncatingIfNeeded: d), term: UInt32(truncatingIfNeeded: term),
                                    entry: UInt32(truncatingIfNeeded: e)))
                }
            }
        }
        rows.sort { ($0.document, $0.entry) < ($1.document, $1.entry) }
        self.rows = rows
    }

    /// For each of `units` (by index), the entries of `hits` of a positive word whose field's
    /// entries were kept; nil for every other unit, and for all when there is no hit.
    static func ofUnits(_ units: [QueryUnit], positive: [Int], hits: [Int], termEntryStart: Column<UInt32>) -> [HitFieldEntries?] {
        var picked = [HitFieldEntries?](repeating: nil, count: units.count)
        guard !hits.isEmpty else { return picked }
        for u in positive {
            guard case .terms(let matcher) = units[u].kind, let kept = units[u].fieldEntries else { continue }
            picked[u] = HitFieldEntries(kept, matcher: matcher, hits: hits, termEntryStart: termEntryStart)
        }
        return picked
    }

    /// The rows of document `d`.
    func rows(of d: Int) -> ArraySlice<Row> {
        let start = rows.indices.partitionPoint { Int(rows[$0].document) < d }
        var end = start
        while end < rows.count && Int(rows[end].document) == d { end += 1 }
        return rows[start..<end]
    }
}
