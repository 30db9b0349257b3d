import SnapshotFormat

/// Writing an index's columns into a snapshot, and viewing them in a mapped one.
///
/// Reading checks every count, offset and stored index against the others before the index is
/// used, so that searching a snapshot never needs a check beyond the columns' own, whatever
/// the file holds: a table of offsets has one entry more than what it delimits, starts at 0,
/// never decreases and ends at the length of what it indexes; document, field, term and entry
/// numbers stored in columns are below their counts; each document's forward terms ascend (the
/// invariant of `SortedTerms`); scores' inputs are finite.
extension IndexData {
    /// Bump when the order or meaning of the sections changes.
    static let snapshotSectionsVersion: UInt64 = 1

    func append(to writer: inout SnapshotWriter) {
        writer.append([IndexData.snapshotSectionsVersion, UInt64(fieldCount), UInt64(documentCount),
                       UInt64(dictionary.count), UInt64(facets.count)])
        writer.append(ids)
        writer.append(fieldTexts)
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
        writer.append(entryDocument)
        writer.append(entryField)
        writer.append(entryPositionStart)
        writer.append(positions)
        writer.append(forwardStart)
        writer.append(forwardTerm)
        writer.append(forwardEntry)
        for facet in facets {
            writer.append(facet.keys)
            writer.append(facet.spellings)
            writer.append(facet.postingStart)
            writer.append(facet.postings)
            writer.append(facet.setSlot)
            writer.append(facet.setWords)
        }
    }

    init(reading cursor: inout SectionCursor, schema: IndexSchema) throws(SnapshotError) {
        let header = try cursor.column(UInt64.self)
        guard header.count == 5, header[0] == IndexData.snapshotSectionsVersion else { throw SnapshotError("index: unknown layout") }
        let limit = UInt64(cursor.fileSize)
        guard header[1] == UInt64(schema.fields.count), header[1] <= UInt64(UInt8.max), header[4] == UInt64(schema.facets.count),
              header[2] <= limit, header[3] <= limit else {
            throw SnapshotError("index: made for another schema")
        }
        let (fieldCount, documentCount, termCount) = (Int(header[1]), Int(header[2]), Int(header[3]))
        let slots = documentCount * fieldCount

        let ids = try cursor.strings()
        let fieldTexts = try cursor.strings()
        let dates = try cursor.column(Int32.self)
        let fieldNorms = try cursor.column(Float.self)
        try Check.that(ids.count == documentCount && fieldTexts.count == slots && dates.count == documentCount
                       && fieldNorms.count == slots, "document tables of the wrong length")
        try Check.that(fieldNorms.allSatisfy { $0.isFinite }, "field norms not finite")
        cursor.release(fieldTexts.bytes)
        cursor.release(fieldTexts.offsets)

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
        let entryDocument = try cursor.column(UInt32.self)
        let entryField = try cursor.column(UInt8.self)
        let entryPositionStart = try cursor.column(UInt32.self)
        let positions = try cursor.column(UInt16.self)
        let entryCount = entryDocument.count
        try Check.offsets(termEntryStart, count: termCount, end: entryCount, "term entries")
        try Check.that(entryField.count == entryCount, "entry fields of the wrong length")
        try Check.offsets(entryPositionStart, count: entryCount, end: positions.count, "entry positions")
        try Check.below(entryDocument, documentCount, "entry documents")
        try Check.that(entryField.allSatisfy { Int($0) < fieldCount }, "entry field out of range")
        for column in [termEntryStart, entryDocument, entryPositionStart] { cursor.release(column) }
        cursor.release(entryField)
        cursor.release(positions)

        let forwardStart = try cursor.column(UInt32.self)
        let forwardTerm = try cursor.column(UInt32.self)
        let forwardEntry = try cursor.column(UInt32.self)
        try Check.offsets(forwardStart, count: documentCount, end: forwardTerm.count, "forward index")
        try Check.that(forwardEntry.count == forwardTerm.count, "forward entries of the wrong length")
        try Check.below(forwardTerm, termCount, "forward terms")
        try Check.ascending(forwardTerm, within: forwardStart, "forward terms")
        try Check.below(forwardEntry, entryCount, "forward entries")
        for column in [forwardStart, forwardTerm, forwardEntry] { cursor.release(column) }

        var facets: [FacetTable] = []
        for _ in 0..<schema.facets.count {
            facets.append(try FacetTable(reading: &cursor, documentCount: documentCount))
        }
        self.init(fieldCount: fieldCount, documentCount: documentCount, ids: ids, fieldTexts: fieldTexts, dates: dates,
                  fieldNorms: fieldNorms, dictionary: dictionary, documentFrequency: documentFrequency,
                  inverseDocumentFrequency: inverseDocumentFrequency, termEntryStart: termEntryStart,
                  entryDocument: entryDocument, entryField: entryField, entryPositionStart: entryPositionStart,
                  positions: positions, forwardStart: forwardStart, forwardTerm: forwardTerm,
                  forwardEntry: forwardEntry, facets: facets)
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

    /// `table` has `count + 1` entries, starts at 0, never decreases and ends at `end`.
    static func offsets(_ table: Column<UInt32>, count: Int, end: Int, _ what: String) throws(SnapshotError) {
        guard table.count == count + 1, table[0] == 0, Int(table[count]) == end else { throw SnapshotError("index: \(what) do not fit") }
        let increasing = table.withUnsafeBufferPointer { values in
            var previous: UInt32 = 0
            var ordered = true
            for value in values {
                ordered = ordered && value >= previous
                previous = value
            }
            return ordered
        }
        guard increasing else { throw SnapshotError("index: \(what) decrease") }
    }

    /// The values of each group of `column` strictly ascend, the groups delimited by `offsets`
    /// (already checked by `offsets(_:count:end:)`).
    static func ascending(_ column: Column<UInt32>, within offsets: Column<UInt32>, _ what: String) throws(SnapshotError) {
        let ordered = column.withUnsafeBufferPointer { values in
            offsets.withUnsafeBufferPointer { starts in
                var ordered = true
                for group in 0..<Swift.max(0, starts.count - 1) {
                    let (start, end) = (Int(starts[group]), Int(starts[group + 1]))
                    guard end - start > 1 else { continue }
                    for i in start + 1..<end { ordered = ordered && values[i - 1] < values[i] }
                }
                return ordered
            }
        }
        guard ordered else { throw SnapshotError("index: \(what) out of order") }
    }

    /// Every value of `column` is below `limit`.
    static func below(_ column: Column<UInt32>, _ limit: Int, _ what: String) throws(SnapshotError) {
        let largest = column.withUnsafeBufferPointer { values in
            var largest: UInt32 = 0
            for value in values { largest = Swift.max(largest, value) }
            return largest
        }
        guard column.isEmpty || Int(largest) < limit else { throw SnapshotError("index: \(what) out of range") }
    }
}
