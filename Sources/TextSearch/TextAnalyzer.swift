import Foundation

/// What a token stands for in the text it came from.
enum TokenKind: UInt8, Sendable {
    /// An ordinary word (`satellite`, `5g`, `интерспутник`).
    case word
    /// One part of a compound identifier (`itu` and `d` of `ITU-D`).
    case compoundPart
    /// A whole compound identifier (`itu-d`), at the position of its first part.
    case compoundWhole
    /// One CJK character (Han, Hiragana, Katakana, Hangul), for one-character queries.
    case cjkUnigram
    /// Two adjacent CJK characters, at the position of the first: `国际电信` gives `国际 际电 电信`.
    case cjkBigram
}

/// Receives tokens from `TextAnalyzer`; `term` is only valid during the call.
protocol TokenSink {
    mutating func accept(_ term: PaddedTerm, position: Int, kind: TokenKind, start: Int, end: Int)
    /// True once the sink needs no more tokens: the scan stops before the next word (the
    /// tokens of the word being read, its compound parts and whole, all still arrive).
    var isFinished: Bool { get }
    /// False when the sink has no use for an ordinary word of ASCII letters and digits at
    /// `position`: such a word is then passed over unread (not folded, no `accept`), though it
    /// still takes its position.
    func wantsWord(at position: Int) -> Bool
}

extension TokenSink {
    var isFinished: Bool { false }
    func wantsWord(at position: Int) -> Bool { true }
}

/// A token with its folded text, for code paths that are not hot (queries, highlights).
struct AnalyzedToken: Hashable, Sendable {
    var term: String
    var position: Int
    var kind: TokenKind
    /// UTF-8 byte range in the analyzed text.
    var byteRange: Range<Int>
}

/// Splits text into searchable terms: the one analysis shared by indexing, queries and highlights.
///
/// - Words are runs of letters, digits and combining marks; everything else separates them.
///   A possessive `'s` after a word is dropped (`ITU's` → `itu`).
/// - Folding: case folded, compatibility forms unified (fullwidth `ＩＴＵ` → `itu`, `ﬁ` → `fi`),
///   diacritics removed (`é` → `e`, Cyrillic `ё` → `е`), `ß` → `ss`. Cyrillic `й` is KEPT as
///   `й`: in Russian it is a letter of its own, and folding it to `и` would merge distinct words.
/// - Compound identifiers joined by `-` (`ITU-D`, `WRC-23`, `IMT-2020`) give the whole
///   (`itu-d`) and each part (`itu`, `d`) at consecutive positions, so both are searchable.
/// - CJK runs give overlapping bigrams plus single characters (`电信` is found in `国际电信联盟`).
/// - Terms longer than `maxTermBytes` bytes are not indexed (they still take a position).
struct TextAnalyzer {
    static let maxTermBytes = 64
    private static let maxCompoundParts = 8

    /// The folded text of the word being read (what goes past `capacity` is only noted: such a
    /// word is too long to index), then the padding.
    private var buffer = [UInt8](repeating: 0, count: 4 * TextAnalyzer.maxTermBytes + 8 + PaddedTerm.padding)

    /// Calls `emit(term, position, kind, byteStart, byteEnd)` for every token, in text order.
    /// `term` is only valid during the call.
    mutating func tokenize(_ text: String,
                           _ emit: (UnsafeBufferPointer<UInt8>, Int, TokenKind, Int, Int) -> Void) {
        var text = text
        text.withUTF8 { tokenize(utf8: $0, emit) }
    }

    /// The same as `tokenize(_:_:)` over text already held as valid UTF-8 bytes.
    mutating func tokenize(utf8 bytes: UnsafeBufferPointer<UInt8>,
                           _ emit: (UnsafeBufferPointer<UInt8>, Int, TokenKind, Int, Int) -> Void) {
        withoutActuallyEscaping(emit) { emit in
            var sink = ClosureSink(emit: emit)
            tokenize(utf8: bytes, into: &sink)
        }
    }

    /// The same as `tokenize(_:_:)` with a sink the compiler can specialize (the indexing hot path).
    mutating func tokenize<Sink: TokenSink>(_ text: String, into sink: inout Sink) {
        var text = text
        text.withUTF8 { tokenize(utf8: $0, into: &sink) }
    }

    /// The same as `tokenize(_:into:)` over text already held as valid UTF-8 bytes.
    mutating func tokenize<Sink: TokenSink>(utf8 bytes: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
        withScratch { scratch, parts in TextAnalyzer.scanWords(bytes, scratch, &sink, parts: parts) }
    }

    /// Appends to `sink` the hashes of the terms `TextFolding.termHashes` collects, in text
    /// order: what `tokenize(_:into:)` gives `sink`, most of it found faster.
    mutating func appendTermHashes(_ text: String, to sink: inout TermHashSink) {
        var text = text
        text.withUTF8 { bytes in
            withScratch { scratch, parts in TextAnalyzer.scanHashes(bytes, scratch, &sink, parts: parts) }
        }
    }

    /// Calls `body` with the folded-term buffer and a small stack buffer for a compound's parts,
    /// so that the scanning loops touch no array.
    private mutating func withScratch(_ body: (TermScratch, UnsafeMutableBufferPointer<Int>) -> Void) {
        buffer.withUnsafeMutableBufferPointer { scratch in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: 4 * TextAnalyzer.maxCompoundParts) { parts in
                body(TermScratch(scratch), parts)
            }
        }
    }

    private struct ClosureSink: TokenSink {
        let emit: (UnsafeBufferPointer<UInt8>, Int, TokenKind, Int, Int) -> Void
        mutating func accept(_ term: PaddedTerm, position: Int, kind: TokenKind, start: Int, end: Int) {
            emit(term.bytes, position, kind, start, end)
        }
    }

    /// The tokens of `text` as values.
    mutating func tokens(_ text: String) -> [AnalyzedToken] {
        var result: [AnalyzedToken] = []
        tokenize(text) { term, position, kind, start, end in
            result.append(AnalyzedToken(term: String(decoding: term, as: UTF8.self), position: position, kind: kind,
                                        byteRange: start..<end))
        }
        return result
    }

    /// Folds a whole value the way terms are folded, without splitting it (for facet values).
    static func foldValue(_ value: String) -> String {
        var out: [UInt8] = []
        for scalar in value.unicodeScalars {
            if scalar.value < 0x80 {
                out.append(lowercaseASCII(UInt8(scalar.value)))
            } else {
                out.append(contentsOf: ScalarFolding.fold(scalar.value).bytes)
            }
        }
        return String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @inline(__always) static func lowercaseASCII(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte | 0x20 : byte
    }

    @inline(__always) static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (lower >= 97 && lower <= 122) || (byte >= 48 && byte <= 57)
    }

    /// Decodes the scalar starting at `i`; returns its value and byte length.
    @inline(__always) static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[i])
        func continuation(_ k: Int) -> UInt32 { i + k < bytes.count ? UInt32(bytes[i + k] & 0x3F) : 0 }
        if lead < 0xE0 { return (((lead & 0x1F) << 6) | continuation(1), 2) }
        if lead < 0xF0 { return (((lead & 0x0F) << 12) | (continuation(1) << 6) | continuation(2), 3) }
        return (((lead & 0x07) << 18) | (continuation(1) << 12) | (continuation(2) << 6) | continuation(3), 4)
    }

    static func isCJK(_ v: UInt32) -> Bool {
        switch v {
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
             0xFF66...0xFF9F, 0x20000...0x2FA1F, 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F:
            return true
        default:
            return false
        }
    }

    private enum ByteClass { case separator, word, cjk }

    /// Classifies the character at `i`: its class and byte length.
    @inline(__always) private static func classify(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> (ByteClass, Int, UInt32) {
        let byte = bytes[i]
        if byte < 0x80 { return (isASCIIWordByte(byte) ? .word : .separator, 1, UInt32(byte)) }
        let (value, length) = decode(bytes, i)
        if isCJK(value) { return (.cjk, length, value) }
        return (ScalarFolding.fold(value).isWordCharacter ? .word : .separator, length, value)
    }

    /// `parts` holds, for each part of the current compound: text start, text end, folded start, folded end.
    private static func scanWords<Sink: TokenSink>(_ bytes: UnsafeBufferPointer<UInt8>, _ scratch: TermScratch,
                                                   _ sink: inout Sink, parts: UnsafeMutableBufferPointer<Int>) {
        var i = 0
        var position = 0
        while i < bytes.count && !sink.isFinished {
            let byte = bytes[i]
            if byte < 0x80 && isASCIIWordByte(byte) && !sink.wantsWord(at: position),
               let end = wholeASCIIWordEnd(bytes, from: i) {
                // Passed over as `scanHashes` passes its whole ASCII words: one position each.
                position += 1
                i = skipPossessive(bytes, end)
                continue
            }
            i = scanToken(bytes, at: i, scratch, &sink, parts: parts, position: &position)
        }
    }

    /// Scans what starts at `i`: a separator, a run of CJK characters or a word with the parts
    /// joined to it; returns where the next thing starts.
    @inline(__always) private static func scanToken<Sink: TokenSink>(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int,
                                                                     _ scratch: TermScratch, _ sink: inout Sink,
                                                                     parts: UnsafeMutableBufferPointer<Int>,
                                                                     position: inout Int) -> Int {
        let (kind, length, _) = classify(bytes, i)
        switch kind {
        case .separator: return i + length
        case .cjk: return scanCJK(bytes, from: i, length: length, scratch, &sink, position: &position)
        case .word: return scanWordGroup(bytes, from: i, scratch, &sink, parts: parts, position: &position)
        }
    }

    /// The hashes of the terms `TextFolding.termHashes` collects (see `TermHashSink`), as
    /// `scanWords` gives them, appended to `sink`. A word of ASCII letters and digits that is
    /// whole by itself (no other letter goes on with it and no `-` joins it to a next part) is
    /// hashed straight from the text (`TermInterner.hash(asciiWordIn:_:)`); all else is scanned
    /// as `scanWords` scans it.
    private static func scanHashes(_ bytes: UnsafeBufferPointer<UInt8>, _ scratch: TermScratch,
                                   _ sink: inout TermHashSink, parts: UnsafeMutableBufferPointer<Int>) {
        let count = bytes.count
        var i = 0
        // Only the scans of the other words use it: a hash does not depend on its position.
        var position = 0
        while i < count {
            let byte = bytes[i]
            if byte < 0x80 {
                guard isASCIIWordByte(byte) else {
                    i += 1
                    continue
                }
                guard let end = wholeASCIIWordEnd(bytes, from: i) else {
                    i = scanWordGroup(bytes, from: i, scratch, &sink, parts: parts, position: &position)
                    continue
                }
                if end - i <= maxTermBytes { sink.append(TermInterner.hash(asciiWordIn: bytes, i..<end)) }
                position += 1
                i = skipPossessive(bytes, end)
            } else {
                i = scanToken(bytes, at: i, scratch, &sink, parts: parts, position: &position)
            }
        }
    }

    /// Where the run of ASCII letters and digits that goes on at `start` ends: eight bytes at a
    /// time while the text has them, then byte by byte.
    @inline(__always) private static func asciiWordEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var end = start
        let raw = UnsafeRawPointer(bytes.baseAddress.unsafelyUnwrapped)
        while end + 8 <= bytes.count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: end, as: UInt64.self))
            let others = ~asciiWordBytes(word) & highBits
            if others != 0 { return end + others.trailingZeroBitCount >> 3 }
            end += 8
        }
        while end < bytes.count && isASCIIWordByte(bytes[end]) { end += 1 }
        return end
    }

    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The high bit of each byte of `word` set when the byte is an ASCII letter or digit (see
    /// `bytes(of:above:below:)`).
    @inline(__always) private static func asciiWordBytes(_ word: UInt64) -> UInt64 {
        bytes(of: word | 0x2020_2020_2020_2020, above: 0x60, below: 0x7B) | bytes(of: word, above: 0x2F, below: 0x3A)
    }

    /// The high bit of each byte of `word` set when the byte is below 0x80, above `low` and
    /// below `high` (`low` < `high` <= 0x80), exactly: with the high bits cleared, adding
    /// `0x7F - low` to a byte carries into its high bit only when it is above `low`, and taking it
    /// from `0x7F + high` leaves the high bit only when it is below `high`; neither carries
    /// into the next byte.
    @inline(__always) private static func bytes(of word: UInt64, above low: UInt64, below high: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low7 = word & (ones &* 0x7F)
        return (ones &* (0x7F + high) &- low7) & ~word & (low7 &+ ones &* (0x7F - low)) & highBits
    }

    /// The end of the run of ASCII letters and digits at `start` (which holds one), when it is a
    /// whole word by itself; nil when it goes on as a compound or with letters beyond ASCII.
    @inline(__always) private static func wholeASCIIWordEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let end = asciiWordEnd(bytes, from: start + 1)
        return isWholeASCIIWord(bytes, endingAt: end) ? end : nil
    }

    /// Whether a run of ASCII letters and digits that ends at `end` is a whole word by itself:
    /// no letter beyond ASCII may go on with it, and no `-` joins it to a next part.
    @inline(__always) private static func isWholeASCIIWord(_ bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> Bool {
        guard end < bytes.count else { return true }
        let byte = bytes[end]
        if byte >= 0x80 { return false }
        guard byte == 45, end + 1 < bytes.count else { return true }
        let next = bytes[end + 1]
        return next < 0x80 && !isASCIIWordByte(next)
    }

    /// Scans the run of CJK characters starting at `i` (the first `length` bytes long); returns where it ends.
    @inline(__always) private static func scanCJK<Sink: TokenSink>(_ bytes: UnsafeBufferPointer<UInt8>, from i: Int, length: Int,
                                                                   _ scratch: TermScratch, _ sink: inout Sink,
                                                                   position: inout Int) -> Int {
        let count = bytes.count
        var i = i
        var previous: (start: Int, end: Int)? = nil
        var valueLength = length
        while true {
            let start = i
            let end = i + valueLength
            // The one or two characters (at most 8 bytes) are copied to `scratch`.
            let first = previous?.start ?? start
            for k in first..<end { scratch[k - first] = bytes[k] }
            sink.accept(scratch.term((start - first)..<(end - first)), position: position,
                        kind: .cjkUnigram, start: start, end: end)
            if let previous {
                sink.accept(scratch.term(0..<(end - first)), position: position - 1,
                            kind: .cjkBigram, start: previous.start, end: end)
            }
            previous = (start, end)
            position += 1
            i = end
            guard i < count else { break }
            let next = classify(bytes, i)
            guard next.0 == .cjk else { break }
            valueLength = next.1
        }
        return i
    }

    /// Scans the word starting at `i` with the parts joined to it (a compound); returns where
    /// it ends, past a possessive `'s`.
    @inline(__always) private static func scanWordGroup<Sink: TokenSink>(_ bytes: UnsafeBufferPointer<UInt8>, from i: Int,
                                                                         _ scratch: TermScratch, _ sink: inout Sink,
                                                                         parts: UnsafeMutableBufferPointer<Int>,
                                                                         position: inout Int) -> Int {
        let count = bytes.count
        let limit = scratch.capacity
        var i = i
        var partCount = 0
        var written = 0
        var overflow = false
        while true {
            // One part: a run of word characters.
            let partStart = i
            let foldedStart = written
            while i < count {
                let byte = bytes[i]
                if byte < 0x80 {
                    guard isASCIIWordByte(byte) else { break }
                    if written < limit { scratch[written] = lowercaseASCII(byte); written += 1 } else { overflow = true }
                    i += 1
                } else {
                    let (value, length) = decode(bytes, i)
                    if isCJK(value) { break }
                    let folding = ScalarFolding.fold(value)
                    guard folding.isWordCharacter else { break }
                    for b in folding.bytes {
                        if written < limit { scratch[written] = b; written += 1 } else { overflow = true }
                    }
                    i += length
                }
            }
            parts[4 * partCount] = partStart
            parts[4 * partCount + 1] = i
            parts[4 * partCount + 2] = foldedStart
            parts[4 * partCount + 3] = written
            partCount += 1
            // A single `-` between word characters continues the compound.
            guard partCount < maxCompoundParts, i + 1 < count, bytes[i] == 45 else { break }
            let (nextClass, _, _) = classify(bytes, i + 1)
            guard nextClass == .word else { break }
            if written < limit { scratch[written] = 45; written += 1 } else { overflow = true }
            i += 1
        }
        let isCompound = partCount > 1
        let firstPosition = position
        for k in 0..<partCount {
            let foldedStart = parts[4 * k + 2], foldedEnd = parts[4 * k + 3]
            let termLength = foldedEnd - foldedStart
            if termLength > 0 && termLength <= maxTermBytes && !overflow {
                sink.accept(scratch.term(foldedStart..<foldedEnd), position: position, kind: isCompound ? .compoundPart : .word,
                            start: parts[4 * k], end: parts[4 * k + 1])
            }
            position += 1
        }
        if isCompound {
            let foldedStart = parts[2], foldedEnd = parts[4 * (partCount - 1) + 3]
            let termLength = foldedEnd - foldedStart
            if termLength <= maxTermBytes && !overflow {
                sink.accept(scratch.term(foldedStart..<foldedEnd), position: firstPosition, kind: .compoundWhole,
                            start: parts[0], end: parts[4 * (partCount - 1) + 1])
            }
        }
        return skipPossessive(bytes, i)
    }

    /// After a word, skips `'s` / `’s` when it ends the word.
    private static func skipPossessive(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let count = bytes.count
        var sIndex: Int
        if i < count && bytes[i] == 39 {
            sIndex = i + 1
        } else if i + 2 < count && bytes[i] == 0xE2 && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x99 {
            sIndex = i + 3
        } else {
            return i
        }
        guard sIndex < count, bytes[sIndex] | 0x20 == 115 else { return i }
        sIndex += 1
        if sIndex < count && classify(bytes, sIndex).0 != .separator { return i }
        return sIndex
    }
}
