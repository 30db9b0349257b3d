import SnapshotFormat

/// Writing an index's columns into a snapshot, and viewing them in a mapped one.
///
/// Reading checks every count, offset and stored index against the others before the index is
/// used, so that searching a snapshot never needs a check beyond the columns' own, whatever
/// the file holds: a table of offsets has one entry more than what it delimits, starts at 0,
/// never decreases and ends at the length of what it indexes; document, field, term and entry
/// numbers stored in columns are below their counts; each document's forward terms ascend (the
/// invariant of `SortedTerms`); scores' inputs are finite. The postings' documents, fields,
/// positions and numbers of positions are packed (see `PackedIntegers`) and not decoded when
/// the file is opened: their counts, widths and ends are checked then, and each value read is
/// kept in range where it is read (`IndexColumn` caps documents and fields at the largest valid
/// one, `PositionStarts` cuts each range of positions to fit). Each large column is checked in the
/// same pass that checks its checksum (see `SectionCursor.column(_:inspecting:)`), and the
/// field texts, which any bytes are valid for and of which a search reads only the hits'
/// texts, are stored deflated in blocks of whole documents, each checked and inflated when a
/// text of it is read (see `DeflatedBlocks`, `StoredTexts.text(document:field:)`).
extension IndexData {
    /// Bump when the order or meaning of the sections changes.
    static let snapshotSectionsVersion: UInt64 = 6

    func append(to writer: inout SnapshotWriter) {
        let postings = packedPostings()
        writer.append([IndexData.snapshotSectionsVersion, UInt64(fieldCount), UInt64(documentCount),
                       UInt64(dictionary.count), UInt64(facets.count)])
        writer.append(ids)
        writer.append(storedTexts.offsets)
        // Deflated while the index was built (see `StoredTexts.startDeflating`), or now, on every core.
        writer.appendWhenWritten(sectionCount: DeflatedBlocks.sectionCount) { [storedTexts] writer in
            writer.append(storedTexts.deflatedBlocks)
        }
        writer.append(dates)
        writer.append(fieldNorms)
        writer.append(dictionary.scalars)
        writer.append(dictionary.starts)
        writer.append(dictionary.stemGroups.stems)
        writer.append(dictionary.stemGroups.memberStart)
        writer.append(dictionary.stemGroups.members)
        writer.append(documentFrequency)
        writer.append(inverseDocumentFrequency)
        writer.append(termEntryStart)
        for part in postings { writer.append(part) }
        writer.append(forwardStart)
        writer.append(forwardTerm)
        for facet in facets {
            writer.append(facet.keys)
            writer.append(facet.spellings)
            writer.append(facet.postingStart)
            writer.append(facet.postings)
            writer.append(facet.setSlot)
            writer.append(facet.setWords)
        }
    }

    /// The postings packed (entry documents, entry fields, position counts and checkpoints,
    /// positions), each on another thread from now on: serial work (about 0.35 s in all at
    /// 100,000 news) done while the writer writes the sections already encoded, and the
    /// texts' deflation, begun while the index was built (see `StoredTexts.startDeflating`), ends.
    private func packedPostings() -> [SectionsInBackground] {
        [
            SectionsInBackground(sectionCount: PackedIntegers.sectionCount) { [entryDocument] in $0.append(entryDocument.packed) },
            SectionsInBackground(sectionCount: 2 * PackedIntegers.sectionCount + 1) { [entryField, entryPositionStart] writer in
                writer.append(entryField.packed)
                let (positionCounts, positionCheckpoints) = entryPositionStart.counted
                writer.append(positionCounts)
                writer.append(positionCheckpoints)
            },
            SectionsInBackground(sectionCount: PackedIntegers.sectionCount) { [positions] in $0.append(positions.packed) },
        ]
    }

    /// The sections an index of `facetCount` facets is written as (see `append(to:)`).
    static func snapshotSectionCount(facetCount: Int) -> Int { 30 + 8 * facetCount }

    /// The header's field, document and term counts, checked against `schema` and the file.
    private static func readHeader(_ cursor: inout SectionCursor, schema: IndexSchema) throws(SnapshotError)
        -> (fieldCount: Int, documentCount: Int, termCount: Int) {
        let header = try cursor.column(UInt64.self)
        guard header.count == 5, header[0] == IndexData.snapshotSectionsVersion else { throw SnapshotError("index: unknown layout") }
        let limit = UInt64(cursor.fileSize)
        guard header[1] == UInt64(schema.fields.count), header[1] <= UInt64(UInt8.max), header[4] == UInt64(schema.facets.count),
              header[2] <= limit, header[3] <= limit else {
            throw SnapshotError("index: made for another schema")
        }
        return (Int(header[1]), Int(header[2]), Int(header[3]))
    }

    /// The field texts (offsets, then their deflated blocks) of `documentCount` documents.
    private static func readFieldTexts(_ cursor: inout SectionCursor, fieldCount: Int, documentCount: Int)
        throws(SnapshotError) -> StoredTexts {
        var textOrder = NonDecreasing()
        let textOffsets = try cursor.column(UInt32.self) { textOrder.feed($0) }
        let blocks = try cursor.deflatedBlocks()
        try Check.offsets(textOffsets, count: documentCount * fieldCount, end: blocks.rawCount, order: textOrder, "field texts")
        return StoredTexts(fieldCount: fieldCount, documentCount: documentCount, offsets: textOffsets, blocks: blocks,
                           damage: SnapshotDamage())
    }

    /// Only the field texts of the index a snapshot holds, the other sections passed over
    /// unread and unchecked (for a reader that shows stored texts and does not search).
    static func readStoredTexts(_ cursor: inout SectionCursor, schema: IndexSchema) throws(SnapshotError) -> StoredTexts {
        let (fieldCount, documentCount, _) = try readHeader(&cursor, schema: schema)
        try cursor.skip(2)
        let texts = try readFieldTexts(&cursor, fieldCount: fieldCount, documentCount: documentCount)
        try cursor.skip(snapshotSectionCount(facetCount: schema.facets.count) - 8)
        return texts
    }

    convenience init(reading cursor: inout SectionCursor, schema: IndexSchema) throws(SnapshotError) {
        let (fieldCount, documentCount, termCount) = try IndexData.readHeader(&cursor, schema: schema)
        let slots = documentCount * fieldCount

        let ids = try cursor.strings()
        let storedTexts = try IndexData.readFieldTexts(&cursor, fieldCount: fieldCount, documentCount: documentCount)
        let dates = try cursor.column(Int32.self)
        let fieldNorms = try cursor.column(Float.self)
        try Check.that(ids.count == documentCount && dates.count == documentCount && fieldNorms.count == slots,
                       "document tables of the wrong length")
        try Check.that(fieldNorms.allSatisfy { $0.isFinite }, "field norms not finite")

        let scalars = try cursor.column(UInt32.self)
        let starts = try cursor.column(UInt32.self)
        try Check.offsets(starts, count: termCount, end: scalars.count, "term starts")
        let stems = try cursor.strings()
        let memberStart = try cursor.column(UInt32.self)
        let members = try cursor.column(UInt32.self)
        try Check.offsets(memberStart, count: stems.count, end: members.count, "stem groups")
        try Check.below(members, termCount, "stem group members")
        let dictionary = TermDictionary(scalars: scalars, starts: starts,
                                        stemGroups: StemGroups(stems: stems, memberStart: memberStart, members: members))

        let documentFrequency = try cursor.column(UInt32.self)
        let inverseDocumentFrequency = try cursor.column(Double.self)
        try Check.that(documentFrequency.count == termCount && inverseDocumentFrequency.count == termCount,
                       "term tables of the wrong length")
        try Check.that(inverseDocumentFrequency.allSatisfy { $0.isFinite }, "idf not finite")
        let termEntryStart = try cursor.column(UInt32.self)
        // Packed, and not decoded now: each value is capped when read (see `IndexColumn`), so
        // only their counts and ends are checked here.
        let packedDocuments = try cursor.packedIntegers()
        let packedFields = try cursor.packedIntegers()
        let positionCounts = try cursor.packedIntegers()
        let positionCheckpoints = try cursor.column(UInt32.self)
        let packedPositions = try cursor.packedIntegers()
        let entryCount = packedDocuments.count
        try Check.offsets(termEntryStart, count: termCount, end: entryCount, "term entries")
        try Check.that(packedFields.count == entryCount && positionCounts.count == entryCount, "entry tables of the wrong length")
        guard let entryPositionStart = PositionStarts(counts: positionCounts, checkpoints: positionCheckpoints,
                                                      positionCount: packedPositions.count) else {
            throw SnapshotError("index: entry positions do not fit")
        }
        try Check.that(packedPositions.bitWidth <= 16, "positions wider than 16 bits")
        try Check.that(entryCount == 0 || (documentCount > 0 && fieldCount > 0), "entries without documents")
        let entryDocument = IndexColumn<UInt32>(packed: packedDocuments, ceiling: UInt32(clamping: max(0, documentCount - 1)))
        let entryField = IndexColumn<UInt8>(packed: packedFields, ceiling: UInt32(max(0, fieldCount - 1)))
        let positions = IndexColumn<UInt16>(packed: packedPositions, ceiling: UInt32(UInt16.max))

        let forwardStart = try cursor.column(UInt32.self)
        try Check.offsets(forwardStart, count: documentCount, end: forwardStart.last.map { Int($0) } ?? -1, "forward index")
        var largestTerm = Largest<UInt32>()
        var termOrder = AscendingWithinGroups(starts: forwardStart)
        let forwardTerm = try cursor.column(UInt32.self) { part in
            largestTerm.feed(part)
            termOrder.feed(part)
        }
        try Check.that(Int(forwardStart[documentCount]) == forwardTerm.count, "forward index do not fit")
        try Check.below(largestTerm, count: forwardTerm.count, termCount, "forward terms")
        try Check.that(termOrder.holds, "forward terms out of order")

        var facets: [FacetTable] = []
        for _ in 0..<schema.facets.count {
            facets.append(try FacetTable(reading: &cursor, documentCount: documentCount))
        }
        self.init(fieldCount: fieldCount, documentCount: documentCount, ids: ids, storedTexts: storedTexts, dates: dates,
                  fieldNorms: fieldNorms, dictionary: dictionary, documentFrequency: documentFrequency,
                  inverseDocumentFrequency: inverseDocumentFrequency, termEntryStart: termEntryStart,
                  entryDocument: entryDocument, entryField: entryField, entryPositionStart: entryPositionStart,
                  positions: positions, forwardStart: forwardStart, forwardTerm: forwardTerm,
                  forwardEntry: nil, facets: facets)
    }
}

extension FacetTable {
    init(reading cursor: inout SectionCursor, documentCount: Int) throws(SnapshotError) {
        let keys = try cursor.strings()
        let spellings = try cursor.strings()
        let postingStart = try cursor.column(UInt32.self)
        let postings = try cursor.column(UInt32.self)
        let setSlot = try cursor.column(UInt32.self)
        let setWords = try cursor.column(UInt64.self)
        try Check.that(spellings.count == keys.count && setSlot.count == keys.count, "facet tables of the wrong length")
        try Check.offsets(postingStart, count: keys.count, end: postings.count, "facet postings")
        try Check.below(postings, documentCount, "facet documents")
        let wordsPerSet = (documentCount + 63) / 64
        let setCount = wordsPerSet == 0 ? 0 : setWords.count / wordsPerSet
        try Check.that(setCount * wordsPerSet == setWords.count, "facet sets of the wrong length")
        try Check.that(setSlot.allSatisfy { $0 == FacetTable.noSet || Int($0) < setCount }, "facet set slot out of range")
        let spare = wordsPerSet * 64 - documentCount
        if spare > 0 {
            for s in 0..<setCount {
                try Check.that(setWords[(s + 1) * wordsPerSet - 1] >> UInt64(64 - spare) == 0, "facet set past its documents")
            }
        }
        self.init(documentCount: documentCount, keys: keys, spellings: spellings, postingStart: postingStart,
                  postings: postings, setSlot: setSlot, setWords: setWords)
    }
}

/// The structural checks a snapshot's columns pass before use.
private enum Check {
    static func that(_ condition: Bool, _ what: String) throws(SnapshotError) {
        guard condition else { throw SnapshotError("index: " + what) }
    }

    /// `table` has `count + 1` entries, starts at 0, never decreases (as `order` saw it while
    /// it was read, else as it is read now) and ends at `end`.
    static func offsets(_ table: Column<UInt32>, count: Int, end: Int, order: NonDecreasing? = nil,
                        _ what: String) throws(SnapshotError) {
        guard table.count == count + 1, table[0] == 0, Int(table[count]) == end else { throw SnapshotError("index: \(what) do not fit") }
        guard (order ?? NonDecreasing(table)).holds else { throw SnapshotError("index: \(what) decrease") }
    }

    /// Every value of `column` is below `limit`.
    static func below(_ column: Column<UInt32>, _ limit: Int, _ what: String) throws(SnapshotError) {
        var largest = Largest<UInt32>()
        column.withUnsafeBufferPointer { largest.feed($0) }
        try below(largest, count: column.count, limit, what)
    }

    /// The `count` values `largest` saw are below `limit`.
    static func below(_ largest: Largest<UInt32>, count: Int, _ limit: Int, _ what: String) throws(SnapshotError) {
        guard count == 0 || Int(largest.value) < limit else { throw SnapshotError("index: \(what) out of range") }
    }
}

/// The largest of the values fed, in pieces.
private struct Largest<Value: FixedWidthInteger> {
    private(set) var value: Value = 0

    mutating func feed(_ part: UnsafeBufferPointer<Value>) {
        var largest = value
        for next in part { largest = Swift.max(largest, next) }
        value = largest
    }
}

/// Whether the values fed, in pieces, never decrease.
private struct NonDecreasing {
    private var previous: UInt32 = 0
    private var decreases: UInt32 = 0
    var holds: Bool { decreases == 0 }

    init() {}

    /// Fed the whole of `column`.
    init(_ column: Column<UInt32>) {
        column.withUnsafeBufferPointer { feed($0) }
    }

    mutating func feed(_ part: UnsafeBufferPointer<UInt32>) {
        guard let last = part.last else { return }
        decreases |= Order.descents(part, after: previous, startsGroup: false)
        previous = last
    }
}

/// Whether the values fed, in pieces, strictly ascend within each group, the groups delimited
/// by `starts` (already checked to start at 0 and never decrease).
private struct AscendingWithinGroups {
    let starts: Column<UInt32>
    /// The number of values fed so far, and the group the next one belongs to.
    private var index = 0
    private var group = 0
    private var previous: UInt32 = 0
    private var descents: UInt32 = 0
    var holds: Bool { descents == 0 }

    init(starts: Column<UInt32>) {
        self.starts = starts
    }

    mutating func feed(_ part: UnsafeBufferPointer<UInt32>) {
        starts.withUnsafeBufferPointer { starts in
            var position = 0
            while position < part.count {
                while group + 1 < starts.count && Int(starts[group + 1]) <= index { group += 1 }
                let groupStart = group < starts.count ? Int(starts[group]) : 0
                let groupEnd = group + 1 < starts.count ? Int(starts[group + 1]) : Int.max
                let stop = position + Swift.min(part.count - position, groupEnd - index)
                let piece = UnsafeBufferPointer(rebasing: part[position..<stop])
                descents |= Order.descents(piece, after: previous, startsGroup: index == groupStart, strictly: true)
                previous = part[stop - 1]
                index += stop - position
                position = stop
            }
        }
    }
}

/// Order checks written so the compiler can vectorize them.
private enum Order {
    /// Non-zero when a value of `values` is below (with `strictly`: not above) the one before it,
    /// the first compared with `previous` unless it `startsGroup`.
    static func descents(_ values: UnsafeBufferPointer<UInt32>, after previous: UInt32, startsGroup: Bool,
                         strictly: Bool = false) -> UInt32 {
        guard let first = values.first else { return 0 }
        var found: UInt32 = startsGroup ? 0 : ((strictly ? first <= previous : first < previous) ? 1 : 0)
        guard values.count > 1 else { return found }
        if strictly {
            for i in 1..<values.count { found |= values[i] <= values[i - 1] ? 1 : 0 }
        } else {
            for i in 1..<values.count { found |= values[i] < values[i - 1] ? 1 : 0 }
        }
        return found
    }
}
