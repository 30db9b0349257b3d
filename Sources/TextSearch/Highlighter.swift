/// Finds where the matched words are in a hit's fields and cuts a snippet around the best of them.
///
/// Immutable: what changes from hit to hit is a `Scratch` the caller holds and passes in. (A
/// class's stored `var`s are checked for exclusive access at run time, a `swift_beginAccess`
/// and `swift_endAccess` for each use on every hit; and a struct's method that changed its own
/// scratch while reading its other properties would copy it.)
final class Highlighter {
    let data: IndexData
    let schema: IndexSchema
    let units: [QueryUnit]
    let positiveUnits: [Int]
    /// Compare every word of a matched field with the matched terms, not only the words at the
    /// positions the postings give (see `SearchOptions.highlightsReadWholeFields`).
    let readsWholeFields: Bool
    /// Each unit's entries in the hits, by unit index, where its field's entries were kept
    /// (nil elsewhere; empty for none): read in place of the hits' forward lists.
    let hitEntries: [HitFieldEntries?]
    /// The fields a snippet may come from, in the order they are tried: the snippet field,
    /// then every field weighted below the top weight, in schema order.
    private let snippetFields: [Int]
    /// The field a snippet is tried from first.
    var firstSnippetField: Int? { snippetFields.first }

    init(data: IndexData, schema: IndexSchema, units: [QueryUnit], positiveUnits: [Int], hitEntries: [HitFieldEntries?] = [],
         readsWholeFields: Bool = false) {
        self.data = data
        self.hitEntries = hitEntries
        self.schema = schema
        self.units = units
        self.positiveUnits = positiveUnits
        self.readsWholeFields = readsWholeFields
        let topWeight = schema.fields.map(\.effectiveWeight).max() ?? 0
        let preferred = schema.snippetField.flatMap { schema.fieldIndex(named: $0) }
        let others = schema.fields.indices.filter { $0 != preferred && schema.fields[$0].effectiveWeight < topWeight }
        snippetFields = (preferred.map { [$0] } ?? []) + others
    }

    /// The storage one hit's highlighting works in, kept from hit to hit (a highlighter serves
    /// one search, one hit at a time) so that it is made once, not for every hit.
    struct Scratch {
        /// The wanted words of each field.
        fileprivate var wanted: [WantedWords]
        /// The merged highlights of each field, nil for a field not read yet.
        fileprivate var read: [[Range<Int>]?]
        fileprivate var analyzer = TextAnalyzer()
    }

    /// A scratch for this highlighter's hits.
    func makeScratch() -> Scratch {
        Scratch(wanted: Array(repeating: WantedWords(), count: schema.fields.count),
                read: Array(repeating: nil, count: schema.fields.count))
    }

    /// About this many characters in a snippet.
    static let snippetLength = 160

    /// A hit's highlights, the merged UTF-8 byte ranges of matched words in each field's text
    /// (by field name, fields without any left out), for the fields in `fields` (every
    /// matched field when nil), and its snippet.
    ///
    /// A word unit's terms are highlighted wherever the postings put them; a phrase's words only
    /// where the whole phrase occurs. The postings say which fields hold them, so a field is
    /// read only when its highlights are wanted or the snippet may come from it, only up to its
    /// last matched word, and each word read is compared only with the terms wanted at its
    /// position.
    func highlightsAndSnippet(document d: Int, fields: Set<Int>?, scratch: inout Scratch)
        -> (highlights: [String: [Range<Int>]], snippet: Snippet?) {
        findWantedWords(document: d, into: &scratch.wanted)
        for f in scratch.read.indices { scratch.read[f] = nil }
        var shown: [String: [Range<Int>]] = [:]
        for f in scratch.wanted.indices where !scratch.wanted[f].isEmpty && fields?.contains(f) ?? true {
            let ranges = highlights(document: d, field: f, &scratch)
            if !ranges.isEmpty { shown[schema.fields[f].name] = ranges }
        }
        return (shown, snippet(document: d, &scratch))
    }

    /// The merged highlights of field `f` of the hit `scratch.wanted` was filled for: read
    /// once, then kept in `scratch.read`.
    private func highlights(document d: Int, field f: Int, _ scratch: inout Scratch) -> [Range<Int>] {
        if let ranges = scratch.read[f] { return ranges }
        guard !scratch.wanted[f].isEmpty else { return [] }
        let ranges: [Range<Int>]
        if readsWholeFields {
            ranges = Highlighter.merge(wholeReading(document: d, field: f, scratch.wanted[f], &scratch.analyzer))
        } else {
            scratch.wanted[f].sortWords()
            ranges = Highlighter.merge(guidedReading(document: d, field: f, scratch.wanted[f], &scratch.analyzer))
        }
        scratch.read[f] = ranges
        return ranges
    }

    /// The words each field of document `d` holds for the query, from the postings alone,
    /// by field index (empty for a field that holds none): `wantedByField` is emptied, then
    /// filled.
    private func findWantedWords(document d: Int, into wantedByField: inout [WantedWords]) {
        for f in wantedByField.indices { wantedByField[f].removeAll() }
        let phraseMatcher = PhraseMatcher(data: data)
        for u in positiveUnits {
            addWantedWords(of: u, document: d, phraseMatcher: phraseMatcher, into: &wantedByField)
        }
    }

    /// Adds to `wantedByField` the words through which unit `u` matches document `d`.
    private func addWantedWords(of u: Int, document d: Int, phraseMatcher: PhraseMatcher,
                                into wantedByField: inout [WantedWords]) {
        let unit = units[u]
        guard unit.documents.contains(d) else { return }
        if u < hitEntries.count, let known = hitEntries[u] {
            // A word in one field whose entries in the hits were picked from its kept entries.
            for row in known.rows(of: d) {
                wantedByField[known.field].add(term: Int(row.term), positionsAt: data.positionRange(ofEntry: Int(row.entry)),
                                               of: data.positions)
            }
            return
        }
        switch unit.kind {
        case .terms(let matcher):
            let field = unit.field
            let forwardSlots = Int(data.forwardStart[d])..<Int(data.forwardStart[d + 1])
            data.forwardTerm.withUnsafeBufferPointer { forward in
                let held = SortedTerms(forward, slots: forwardSlots)
                matcher.forEachMatchingSlot(in: held) { slot in
                    let term = held[slot]
                    var e = data.firstEntry(term: term, document: d, forwardSlot: slot)
                    let end = Int(data.termEntryStart[term + 1])
                    while e < end && Int(data.entryDocument[e]) == d {
                        let f = Int(data.entryField[e])
                        if field == nil || field == f {
                            wantedByField[f].add(term: term, positionsAt: data.positionRange(ofEntry: e), of: data.positions)
                        }
                        e += 1
                    }
                }
            }
        case .phrase(let phrase):
            if readsWholeFields {
                for f in phraseMatcher.fieldsHoldingEveryWord(of: phrase, in: d, field: unit.field) {
                    wantedByField[f].phrases.append(phrase)
                }
            } else {
                for occurrence in phraseMatcher.occurrences(phrase, in: d, field: unit.field, known: unit.phraseEntries) {
                    for word in phrase {
                        wantedByField[occurrence.field]
                            .add(term: word.term, position: UInt16(occurrence.start + word.offset))
                    }
                }
            }
        }
    }

    /// The words of field `f` at the wanted positions whose text is a term wanted there
    /// (`wanted`'s words sorted).
    private func guidedReading(document d: Int, field f: Int, _ wanted: WantedWords, _ analyzer: inout TextAnalyzer) -> [Range<Int>] {
        var sink = HighlightSink(wanted, data: data)
        data.withFieldBytes(document: d, field: f) { analyzer.tokenize(utf8: $0, into: &sink) }
        return sink.ranges
    }

    /// The reference reading (`readsWholeFields`): every word of the field is compared with the
    /// wanted terms, and a phrase's occurrences are found from the words read, not from the
    /// stored positions.
    private func wholeReading(document d: Int, field f: Int, _ wanted: WantedWords, _ analyzer: inout TextAnalyzer) -> [Range<Int>] {
        let phraseTerms = wanted.phrases.flatMap { $0.map(\.term) }
        var sink = EveryWordSink(terms: wanted.terms + phraseTerms, bytes: data.dictionary.utf8)
        data.withFieldBytes(document: d, field: f) { analyzer.tokenize(utf8: $0, into: &sink) }
        var ranges = sink.words.filter { wanted.terms.contains($0.term) }.map(\.range)
        for phrase in wanted.phrases {
            guard let first = phrase.first, let last = phrase.last else { continue }
            for word in sink.words where word.term == first.term {
                let start = word.position - first.offset
                guard start >= 0, start + last.offset < PhraseMatcher.saturatedPosition else { continue }
                let parts = phrase.compactMap { part in
                    sink.words.first { $0.term == part.term && $0.position == start + part.offset }
                }
                if parts.count == phrase.count { ranges += parts.map(\.range) }
            }
        }
        return ranges
    }

    /// The words wanted in one field: each matched term at the positions it is wanted.
    fileprivate struct WantedWords {
        /// Distinct terms, in the order first added.
        var terms: [Int] = []
        /// (position, index into `terms`); unsorted, possibly repeated.
        var words: [(position: UInt16, slot: Int)] = []
        /// For the whole reading only: phrases whose every word the field holds.
        var phrases: [[QueryUnit.PhraseTerm]] = []

        var isEmpty: Bool { words.isEmpty && phrases.isEmpty }

        /// Empties it, keeping its storage for the next hit.
        mutating func removeAll() {
            terms.removeAll(keepingCapacity: true)
            words.removeAll(keepingCapacity: true)
            phrases.removeAll(keepingCapacity: true)
        }

        /// Sorts `words` by position, then term, in place (the highlight sink reads them so).
        mutating func sortWords() {
            words.sort { ($0.position, $0.slot) < ($1.position, $1.slot) }
        }

        mutating func add(term: Int, position: UInt16) {
            words.append((position, slot(of: term)))
        }

        /// Adds `term` at the positions `positions[range]` (read in place, not through a slice,
        /// which would copy the column).
        mutating func add(term: Int, positionsAt range: Range<Int>, of positions: IndexColumn<UInt16>) {
            let slot = slot(of: term)
            for i in range { words.append((positions[i], slot)) }
        }

        private mutating func slot(of term: Int) -> Int {
            if let slot = terms.firstIndex(of: term) { return slot }
            terms.append(term)
            return terms.count - 1
        }
    }

    /// Collects the byte ranges of the tokens whose text is a term wanted at their position,
    /// and finishes after the last wanted position. (A compound's whole comes at the position
    /// of its first part, so positions are looked up, not walked in order.)
    private struct HighlightSink: TokenSink {
        /// The wanted terms.
        let terms: [Int]
        /// The index, for its dictionary: unowned, as the highlighter holds it for longer than
        /// any sink (a copy of the dictionary would retain and release each of its columns for
        /// every field read).
        unowned(unsafe) let data: IndexData
        /// (position, index into `terms`), sorted: the words wanted, shared with the
        /// `WantedWords` they come from (not copied).
        let words: [(position: UInt16, slot: Int)]
        var ranges: [Range<Int>] = []
        private(set) var isFinished = false

        /// `wanted`'s words must be sorted (`WantedWords.sortWords`).
        init(_ wanted: WantedWords, data: IndexData) {
            terms = wanted.terms
            self.data = data
            words = wanted.words
            isFinished = words.isEmpty
            // At most a range a wanted word, mostly: one allocation, not one for each doubling.
            ranges.reserveCapacity(words.count)
        }

        /// The wanted positions, in order.
        private var positions: LazyMapCollection<[(position: UInt16, slot: Int)], UInt16> { words.lazy.map(\.position) }

        /// A word at a position the postings do not give cannot be highlighted; one past the
        /// last of them is read, so that `accept` ends the scan.
        func wantsWord(at position: Int) -> Bool {
            guard let last = words.last?.position else { return true }
            let stored = UInt16(clamping: position)
            return stored > last || PhraseMatcher.contains(positions, stored)
        }

        mutating func accept(_ term: PaddedTerm, position: Int, kind: TokenKind, start: Int, end: Int) {
            // Stored positions saturate (see `IndexData.positions`); so does the lookup.
            let stored = UInt16(clamping: position)
            guard let last = words.last?.position else { return }
            if stored > last { isFinished = true }
            var i = PhraseMatcher.lowerBound(of: stored, in: positions)
            while i < words.count && words[i].position == stored {
                if data.term(terms[words[i].slot], hasUTF8: term.bytes) {
                    ranges.append(start..<end)
                    return
                }
                i += 1
            }
        }
    }

    /// Records every token whose text is one of `terms`, with its position: the whole reading.
    private struct EveryWordSink: TokenSink {
        let terms: [(id: Int, bytes: [UInt8])]
        var words: [(term: Int, position: Int, range: Range<Int>)] = []

        init(terms: [Int], bytes: (Int) -> [UInt8]) {
            self.terms = terms.map { ($0, bytes($0)) }
        }

        mutating func accept(_ term: PaddedTerm, position: Int, kind: TokenKind, start: Int, end: Int) {
            guard let match = terms.first(where: { $0.bytes.elementsEqual(term.bytes) }) else { return }
            words.append((match.id, position, start..<end))
        }
    }

    /// The ranges sorted, overlapping and touching ones joined. In place: the ranges read from
    /// a field mostly come sorted already, and are then not copied (nor is the array, which
    /// the caller hands over).
    static func merge(_ ranges: consuming [Range<Int>]) -> [Range<Int>] {
        var merged = ranges
        if !zip(merged, merged.dropFirst()).allSatisfy({ $0.lowerBound <= $1.lowerBound }) {
            merged.sort { $0.lowerBound < $1.lowerBound }
        }
        var kept = 0
        for i in merged.indices {
            let range = merged[i]
            if kept > 0, range.lowerBound <= merged[kept - 1].upperBound {
                merged[kept - 1] = merged[kept - 1].lowerBound..<max(merged[kept - 1].upperBound, range.upperBound)
            } else {
                merged[kept] = range
                kept += 1
            }
        }
        merged.removeLast(merged.count - kept)
        return merged
    }

    /// The snippet: from the snippet field when it holds a match, else from the first other
    /// lower-weighted field that does, else the start of the snippet field (or of the first
    /// non-empty lower-weighted field). Each field is read once, when it is cut; one that reads
    /// empty (a damaged snapshot's) is passed over.
    private func snippet(document d: Int, _ scratch: inout Scratch) -> Snippet? {
        var matched: Int? = nil
        for field in snippetFields where !highlights(document: d, field: field, &scratch).isEmpty {
            matched = field
            break
        }
        if let matched, let snippet = snippet(document: d, field: matched, &scratch) { return snippet }
        for field in snippetFields {
            if let snippet = snippet(document: d, field: field, &scratch) { return snippet }
        }
        return nil
    }

    /// The snippet cut from field `field` around its highlights, nil when the field reads empty.
    private func snippet(document d: Int, field: Int, _ scratch: inout Scratch) -> Snippet? {
        let matched = highlights(document: d, field: field, &scratch)
        return data.withFieldBytes(document: d, field: field) { text in
            guard !text.isEmpty else { return nil }
            let (cut, ranges) = Highlighter.cut(utf8: text, highlights: matched, length: Highlighter.snippetLength)
            return Snippet(text: cut, highlights: ranges, field: schema.fields[field].name)
        }
    }

    /// Cuts about `length` characters of `text` around the densest group of highlights, at word
    /// boundaries, with "…" where text was cut; line breaks and tabs become spaces.
    static func cut(_ text: String, highlights: [Range<Int>], length: Int) -> (String, [Range<Int>]) {
        var text = text
        return text.withUTF8 { cut(utf8: $0, highlights: highlights, length: length) }
    }

    /// `cut(_:highlights:length:)` over text held as valid UTF-8 bytes.
    static func cut(utf8 bytes: UnsafeBufferPointer<UInt8>, highlights: [Range<Int>], length: Int) -> (String, [Range<Int>]) {
        let starts: CharacterStarts
        if highlights.isEmpty, length >= 0, bytes.count > length + 1,
           CharacterStarts.isASCIIWithoutCarriageReturn(UnsafeBufferPointer(rebasing: bytes[...length])) {
            // With no highlight the cut is at most the first `length` characters. A head of
            // `length + 1` plain ASCII bytes is that many characters, and more text follows:
            // the rest of the text is never looked at.
            starts = CharacterStarts(identityOf: length + 1)
        } else {
            starts = CharacterStarts(bytes)
        }
        let characterCount = starts.characterCount
        func characterIndex(ofByte byte: Int) -> Int {
            var low = 0, high = characterCount
            while low < high {
                let mid = (low + high + 1) / 2
                if starts[mid] <= byte { low = mid } else { high = mid - 1 }
            }
            return low
        }
        func isSpace(_ c: Int) -> Bool {
            guard c < characterCount else { return true }
            let b = bytes[starts[c]]
            return b == 32 || b == 9 || b == 10 || b == 13
        }
        var first = 0
        var last = characterCount
        if characterCount > length {
            // Anchor: the highlight with the most others within reach; start a little before it.
            var anchor = 0
            if !highlights.isEmpty {
                let positions = highlights.map { characterIndex(ofByte: $0.lowerBound) }
                var bestCount = 0
                for (i, p) in positions.enumerated() {
                    let count = positions[i...].prefix { $0 < p + length - 20 }.count
                    if count > bestCount { bestCount = count; anchor = p }
                }
            }
            first = max(0, min(anchor - 20, characterCount - length))
            if first > 0 {
                // Start at the beginning of a word.
                while first < anchor && !isSpace(first - 1) { first += 1 }
                while first < characterCount && isSpace(first) { first += 1 }
            }
            last = min(characterCount, first + length)
            if last < characterCount {
                var c = last
                while c > first && !isSpace(c) { c -= 1 }
                if c > first { last = c }
                while last > first && isSpace(last - 1) { last -= 1 }
            }
        }
        let startByte = starts[first]
        let endByte = starts[last]
        // The cut: "…", the text with line breaks and tabs as spaces, "…". The text is turned
        // into a string alone, by `String(decoding:as:)`: that checks a word at a time whether
        // its bytes are all ASCII and then skips the byte-by-byte UTF-8 validation, which the
        // non-ASCII "…" would otherwise force on the whole cut. (The bytes are valid UTF-8 cut at
        // character starts, so this gives the same string as decoding them together.)
        let ellipsis = "…"
        let kept = UnsafeBufferPointer(rebasing: bytes[startByte..<endByte])
        let middle = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(kept.count, 1)) { out in
            for k in kept.indices {
                let byte = kept[k]
                out[k] = byte == 10 || byte == 13 || byte == 9 ? 32 : byte
            }
            return String(decoding: UnsafeBufferPointer(rebasing: out[..<kept.count]), as: UTF8.self)
        }
        var text = ""
        if first > 0 || last < characterCount {
            text.reserveCapacity(middle.utf8.count + 2 * ellipsis.utf8.count)
            if first > 0 { text += ellipsis }
            text += middle
            if last < characterCount { text += ellipsis }
        } else {
            text = middle
        }
        let shift = (first > 0 ? ellipsis.utf8.count : 0) - startByte
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(highlights.count)
        for range in highlights {
            let lower = max(range.lowerBound, startByte)
            let upper = min(range.upperBound, endByte)
            if lower < upper { ranges.append((lower + shift)..<(upper + shift)) }
        }
        return (text, ranges)
    }
}

/// The byte offsets at which the characters (grapheme clusters) of a UTF-8 text start, then
/// the text's length: `characterCount + 1` entries, so cuts at them never split a character.
///
/// Text of ASCII bytes with no carriage return (which joins a following line feed into one
/// character) has one character per byte, so its table is the identity and is never made.
struct CharacterStarts {
    /// Nil for the identity.
    private let table: [Int]?
    let characterCount: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        if CharacterStarts.isASCIIWithoutCarriageReturn(bytes) {
            table = nil
            characterCount = bytes.count
            return
        }
        var starts: [Int] = []
        var offset = 0
        for character in String(decoding: bytes, as: UTF8.self) {
            starts.append(offset)
            offset += character.utf8.count
        }
        starts.append(offset)
        table = starts
        characterCount = starts.count - 1
    }

    /// The identity table of `count` characters of one byte each.
    init(identityOf count: Int) {
        table = nil
        characterCount = count
    }

    subscript(character: Int) -> Int { table?[character] ?? character }

    /// True when no byte is 0x80 or above or a carriage return (13); read eight bytes at a time.
    static func isASCIIWithoutCarriageReturn(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101, highBits: UInt64 = 0x8080_8080_8080_8080
            while i + 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                // A byte of `word ^ 13s` is zero where `word` holds a carriage return, and
                // `(v - 1s) & ~v & high bits` is nonzero exactly when some byte of `v` is zero.
                let carriageReturns = word ^ (ones &* 13)
                let zeroBytes = (carriageReturns &- ones) & ~carriageReturns & highBits
                if (word & highBits) | zeroBytes != 0 { return false }
                i += 8
            }
        }
        while i < bytes.count {
            if bytes[i] >= 0x80 || bytes[i] == 13 { return false }
            i += 1
        }
        return true
    }
}
