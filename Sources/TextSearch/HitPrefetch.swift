import SnapshotFormat

/// Starts loading, all at once, the memory that making the top hits reads first: each hit's
/// forward list (when a word whose entries were not picked is highlighted), its texts' offsets
/// and the first bytes of the texts it is expected to read, its id, and the positions of a field
/// scope's picked entries (`HitFieldEntries`).
///
/// Making a hit is a chain of reads that each wait for the one before (a forward list's bounds,
/// then the list; a text's offsets, then the text), one hit after the other. When that memory
/// is cold (another program, or other work, has used the caches since), every wait is a trip to
/// memory. Asking for every hit's memory first, in two rounds (the addresses a document number
/// gives, then those the first round's values give), lets the trips overlap. A prefetch is only
/// a hint and changes no result, whatever the address; the only values read are the first
/// round's, through the columns' checked subscripts.
///
/// In `bench-search`, with the engines taking turns, this took 4% to 6% off a field scope's
/// median and 2% to 3% off a phrase's, and asking only for the texts expected to be read
/// (not every field's) about 4% more off a field scope's (see the README). The forward lists,
/// which a phrase's highlights do not read, are left out for a query of phrases only: asking
/// for them there took most of the phrase's gain away (and asking for the positions of a
/// phrase's words in the hits, which its walk has just read, made it 1% slower).
struct HitPrefetch {
    let data: IndexData
    /// Whether highlighting reads each hit's forward list: a word unit's terms are found there.
    let readsForwardLists: Bool
    /// The fields whose texts are asked for: those highlighting and the snippet are expected
    /// to read (every field when nil).
    var fields: [Int]? = nil

    /// The prefetch for the hits of a query of `units` (the positive ones by index), some of
    /// whose words' entries in the hits were picked (`hitEntries`, by unit index): forward
    /// lists when a word's were not; the texts of the highlighted fields (every field when
    /// nil) a word may be in, and of the first snippet field.
    init(data: IndexData, units: [QueryUnit], positiveUnits: [Int], hitEntries: [HitFieldEntries?],
         highlightedFields: Set<Int>?, firstSnippetField: Int?) {
        self.data = data
        readsForwardLists = positiveUnits.contains { u in
            if case .terms = units[u].kind { return u >= hitEntries.count || hitEntries[u] == nil } else { return false }
        }
        let scopes = positiveUnits.map { units[$0].field }
        var read = highlightedFields ?? Set(0..<data.fieldCount)
        if !scopes.contains(nil) { read.formIntersection(scopes.compactMap { $0 }) }
        if let firstSnippetField { read.insert(firstSnippetField) }
        fields = read.sorted()
    }

    init(data: IndexData, readsForwardLists: Bool, fields: [Int]? = nil) {
        self.data = data
        self.readsForwardLists = readsForwardLists
        self.fields = fields
    }

    /// Bytes asked for of each text: about what a snippet with no highlight reads, and the
    /// whole of a short field such as a title.
    static let textBytes = 192
    /// The size of a cache line on the CPUs this runs on.
    static let lineBytes = 64

    /// Asks for the memory of `documents`, and for the positions of `entries`, entries whose
    /// positions highlighting reads (of an index built here; a snapshot's are packed).
    func prefetch(_ documents: [Int], entries: [Int] = []) {
        let fieldCount = data.fieldCount
        let textOffsets = data.storedTexts.offsets
        let forwardStart = data.forwardStart
        let idOffsets = data.ids.offsets
        let hintedFields = (fields ?? Array(0..<fieldCount)).filter { $0 >= 0 && $0 < fieldCount }
        for d in documents {
            if readsForwardLists { CacheHint.load(forwardStart.buffer, d) }
            CacheHint.load(textOffsets.buffer, d * fieldCount)
            CacheHint.load(idOffsets.buffer, d)
        }
        let postings = data.entryPositionStart.plainStarts.flatMap { starts in
            data.positions.plain.map { (starts: starts, positions: $0) }
        }
        if let postings {
            for e in entries { CacheHint.load(postings.starts.buffer, e) }
        }
        for d in documents {
            if readsForwardLists {
                let slots = Int(forwardStart[d])..<Int(forwardStart[d + 1])
                hintLines(data.forwardTerm.buffer, slots)
                if let forwardEntry = data.forwardEntry { hintLines(forwardEntry.buffer, slots) }
            }
            // A snapshot's texts are deflated: what is read is a block, once inflated.
            if case .plain(let bytes) = data.storedTexts.bytes {
                for f in hintedFields {
                    let start = Int(textOffsets[d * fieldCount + f])
                    hintLines(bytes.buffer, start..<min(Int(textOffsets[d * fieldCount + f + 1]), start + Self.textBytes))
                }
            }
            CacheHint.load(data.ids.bytes.buffer, Int(idOffsets[d]))
        }
        if let postings {
            for e in entries where e >= 0 && e + 1 < postings.starts.count {
                let start = Int(postings.starts[e])
                hintLines(postings.positions.buffer, start..<start + Self.positionCount)
            }
        }
    }

    /// Positions asked for from an entry's first: a field's few, mostly.
    static let positionCount = 16

    /// Calls `body` with an index in each cache line that `range` touches (the first, one
    /// `lineBytes` on from each, and the last), the range first cut to the indices of a buffer
    /// of `count` elements of `stride` bytes.
    @inline(__always)
    static func forEachLineIndex(_ range: Range<Int>, count: Int, stride: Int, _ body: (Int) -> Void) {
        let lower = max(range.lowerBound, 0), upper = min(range.upperBound, count)
        guard lower < upper else { return }
        let step = max(1, lineBytes / max(1, stride))
        var i = lower
        while i < upper {
            body(i)
            i += step
        }
        if (upper - 1 - lower) % step != 0 { body(upper - 1) }
    }

    @inline(__always) private func hintLines<Element>(_ buffer: UnsafeBufferPointer<Element>, _ range: Range<Int>) {
        Self.forEachLineIndex(range, count: buffer.count, stride: MemoryLayout<Element>.stride) { CacheHint.load(buffer, $0) }
    }
}
