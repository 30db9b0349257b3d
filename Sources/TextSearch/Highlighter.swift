/// Finds where the matched words are in a hit's fields and cuts a snippet around the best of them.
struct Highlighter {
    let data: IndexData
    let schema: IndexSchema
    let units: [QueryUnit]
    let positiveUnits: [Int]
    /// Compare every word of a matched field with the matched terms, not only the words at the
    /// positions the postings give (see `SearchOptions.highlightsReadWholeFields`).
    var readsWholeFields = false

    /// About this many characters in a snippet.
    static let snippetLength = 160

    /// Field index → merged UTF-8 byte ranges of matched words in the field's text.
    ///
    /// The postings say which matched terms each field holds and at which word positions, so a
    /// field is read only up to its last matched word, and only the words at those positions
    /// are compared with the terms.
    func highlights(document d: Int) -> [Int: [Range<Int>]] {
        var wantedByField: [Int: WantedWords] = [:]
        let start = Int(data.forwardStart[d])
        let forward = data.forwardTerm[start..<Int(data.forwardStart[d + 1])]
        let phraseMatcher = PhraseMatcher(data: data)
        for u in positiveUnits {
            let unit = units[u]
            guard unit.documents.contains(d) else { continue }
            var terms: [Int] = []
            switch unit.kind {
            case .terms(let matcher):
                for term in forward where matcher.typos(of: Int(term)) != nil { terms.append(Int(term)) }
            case .phrase(let phrase):
                terms = phrase.map(\.term)
            }
            for term in terms {
                guard let entry = phraseMatcher.firstEntry(term: term, document: d) else { continue }
                var e = entry
                let end = Int(data.termEntryStart[term + 1])
                while e < end && Int(data.entryDocument[e]) == d {
                    let f = Int(data.entryField[e])
                    if unit.field == nil || unit.field == f {
                        wantedByField[f, default: WantedWords()].add(term: term, positions: data.positions(ofEntry: e))
                    }
                    e += 1
                }
            }
        }
        var result: [Int: [Range<Int>]] = [:]
        var analyzer = TextAnalyzer()
        for (f, wanted) in wantedByField {
            var sink = HighlightSink(terms: wanted.terms.map { data.dictionary.utf8($0) },
                                     positions: readsWholeFields ? nil : wanted.positions.sorted())
            data.withFieldBytes(document: d, field: f) { analyzer.tokenize(utf8: $0, into: &sink) }
            result[f] = Highlighter.merge(sink.ranges)
        }
        return result
    }

    /// The matched terms of one field and the word positions the postings give them.
    private struct WantedWords {
        var terms: [Int] = []
        /// Unsorted, possibly repeated.
        var positions: [UInt16] = []

        mutating func add(term: Int, positions list: Slice<IndexColumn<UInt16>>) {
            if !terms.contains(term) { terms.append(term) }
            positions.append(contentsOf: list)
        }
    }

    /// Collects the byte ranges of the tokens at a wanted position whose text is a wanted
    /// term, and finishes after the last wanted position. (A compound's whole comes at the
    /// position of its first part, so positions are looked up, not walked in order.)
    private struct HighlightSink: TokenSink {
        let terms: [[UInt8]]
        /// Sorted; nil when every position is wanted.
        let positions: [UInt16]?
        var ranges: [Range<Int>] = []
        private(set) var isFinished = false

        init(terms: [[UInt8]], positions: [UInt16]?) {
            self.terms = terms
            self.positions = positions
            isFinished = positions?.isEmpty ?? false
        }

        /// A word at a position the postings do not give cannot be highlighted; one past the
        /// last of them is read, so that `accept` ends the scan.
        func wantsWord(at position: Int) -> Bool {
            guard let positions, let last = positions.last else { return true }
            let stored = UInt16(clamping: position)
            return stored > last || PhraseMatcher.contains(positions, stored)
        }

        mutating func accept(_ term: PaddedTerm, position: Int, kind: TokenKind, start: Int, end: Int) {
            if let positions {
                // Stored positions saturate (see `IndexData.positions`); so does the lookup.
                let stored = UInt16(clamping: position)
                guard let last = positions.last else { return }
                if stored > last { isFinished = true }
                guard PhraseMatcher.contains(positions, stored) else { return }
            }
            guard terms.contains(where: { $0.elementsEqual(term.bytes) }) else { return }
            ranges.append(start..<end)
        }
    }

    static func merge(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var merged: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }

    /// The snippet: from the snippet field when it holds a match, else from the first other
    /// lower-weighted field that does, else the start of the snippet field (or of the first
    /// non-empty lower-weighted field). Each field is read once, when it is cut; one that reads
    /// empty (a damaged snapshot's) is passed over.
    func snippet(document d: Int, highlights: [Int: [Range<Int>]]) -> Snippet? {
        let topWeight = schema.fields.map(\.effectiveWeight).max() ?? 0
        let preferred = schema.snippetField.flatMap { schema.fieldIndex(named: $0) }
        let others = schema.fields.indices.filter { $0 != preferred && schema.fields[$0].effectiveWeight < topWeight }
        let order = (preferred.map { [$0] } ?? []) + others
        func snippet(of field: Int) -> Snippet? {
            data.withFieldBytes(document: d, field: field) { text in
                guard !text.isEmpty else { return nil }
                let (cut, ranges) = Highlighter.cut(utf8: text, highlights: highlights[field] ?? [], length: Highlighter.snippetLength)
                return Snippet(text: cut, highlights: ranges, field: schema.fields[field].name)
            }
        }
        if let matched = order.first(where: { !(highlights[$0] ?? []).isEmpty }), let snippet = snippet(of: matched) {
            return snippet
        }
        return order.lazy.compactMap(snippet(of:)).first
    }

    /// Cuts about `length` characters of `text` around the densest group of highlights, at word
    /// boundaries, with "…" where text was cut; line breaks and tabs become spaces.
    static func cut(_ text: String, highlights: [Range<Int>], length: Int) -> (String, [Range<Int>]) {
        var text = text
        return text.withUTF8 { cut(utf8: $0, highlights: highlights, length: length) }
    }

    /// `cut(_:highlights:length:)` over text held as valid UTF-8 bytes.
    static func cut(utf8 bytes: UnsafeBufferPointer<UInt8>, highlights: [Range<Int>], length: Int) -> (String, [Range<Int>]) {
        let starts = CharacterStarts(bytes)
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
        let prefix = first > 0 ? "…" : ""
        let suffix = last < characterCount ? "…" : ""
        let startByte = starts[first]
        let endByte = starts[last]
        var body = Array(bytes[startByte..<endByte])
        for i in body.indices where body[i] == 10 || body[i] == 13 || body[i] == 9 { body[i] = 32 }
        let shift = prefix.utf8.count - startByte
        let ranges = highlights.compactMap { range -> Range<Int>? in
            let lower = max(range.lowerBound, startByte)
            let upper = min(range.upperBound, endByte)
            return lower < upper ? (lower + shift)..<(upper + shift) : nil
        }
        return (prefix + String(decoding: body, as: UTF8.self) + suffix, ranges)
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
