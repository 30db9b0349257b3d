/// One word of a text as the search analyzer sees it: its folded term and where it was.
public struct FoldedWord: Hashable, Sendable {
    /// The folded term (`интерспутник`, `eutelsat`, `itu`): case folded, diacritics removed.
    public var term: String
    /// UTF-8 byte range of the word in the text it came from.
    public var byteRange: Range<Int>
    /// True for the second and later parts of a compound such as `ITU-D` (joined by `-` to the word before).
    public var continuesCompound: Bool
    /// True when a `-` joins this word to the next one in a compound.
    public var continuedByCompound: Bool
}

/// The analyzer's folding and word splitting, for code outside the engine that must treat text
/// exactly as search does (linking names in imported news, for example).
public enum TextFolding {
    /// The words of `text` in order; a compound (`WRC-23`) gives each of its parts. CJK text
    /// gives one word per character.
    public static func words(in text: String) -> [FoldedWord] {
        var analyzer = TextAnalyzer()
        var words: [FoldedWord] = []
        var compoundStart: Int?
        analyzer.tokenize(text) { term, _, kind, start, end in
            switch kind {
            case .word, .cjkUnigram:
                compoundStart = nil
                words.append(FoldedWord(term: String(decoding: term, as: UTF8.self), byteRange: start..<end,
                                        continuesCompound: false, continuedByCompound: false))
            case .compoundPart:
                let continues = compoundStart != nil && words.last.map { $0.byteRange.upperBound + 1 == start } == true
                if continues { words[words.count - 1].continuedByCompound = true } else { compoundStart = start }
                words.append(FoldedWord(term: String(decoding: term, as: UTF8.self), byteRange: start..<end,
                                        continuesCompound: continues, continuedByCompound: false))
            case .compoundWhole, .cjkBigram:
                compoundStart = nil
            }
        }
        return words
    }

    /// The distinct terms of `text` (as `words(in:)` gives them) as 64-bit hashes, sorted: a
    /// compact word set for comparing texts, made without a string per word.
    public static func termHashes(of text: String) -> [UInt64] {
        var analyzer = TextAnalyzer()
        var sink = TermHashSink()
        // Room for a term every four bytes of text: most texts need no more.
        sink.hashes.reserveCapacity(text.utf8.count / 4 + 1)
        analyzer.appendTermHashes(text, to: &sink)
        return sortedDistinct(sink.hashes)
    }

    /// `hashes` sorted, each once. Hashes are spread evenly over their range, so a long list is
    /// first spread into 256 runs by its top byte (one counting pass): the runs are in order and
    /// hold a hash or two each, so the insertion sort that follows moves each hash only within
    /// its run.
    static func sortedDistinct(_ hashes: [UInt64]) -> [UInt64] {
        var sorted = hashes
        if hashes.count >= 64 {
            withUnsafeTemporaryAllocation(of: Int.self, capacity: 257) { starts in
                starts.initialize(repeating: 0)
                for hash in hashes { starts[Int(hash >> 56) + 1] += 1 }
                for bin in 1...256 { starts[bin] += starts[bin - 1] }
                for hash in hashes {
                    let bin = Int(hash >> 56)
                    sorted[starts[bin]] = hash
                    starts[bin] += 1
                }
            }
        }
        return sorted.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices.dropFirst() {
                let hash = buffer[index]
                var place = index
                while place > 0 && buffer[place - 1] > hash {
                    buffer[place] = buffer[place - 1]
                    place -= 1
                }
                buffer[place] = hash
            }
            var unique: [UInt64] = []
            unique.reserveCapacity(buffer.count)
            for hash in buffer where unique.last != hash { unique.append(hash) }
            return unique
        }
    }

    /// The folded terms of `text`, in order (see `words(in:)`).
    public static func terms(of text: String) -> [String] { words(in: text).map(\.term) }
}

/// Collects the hashes (`TermInterner.hash`) of the terms `TextFolding.words(in:)` gives: words,
/// the parts of compounds and CJK characters, not whole compounds or CJK pairs.
struct TermHashSink: TokenSink {
    var hashes: [UInt64] = []

    mutating func accept(_ term: PaddedTerm, position: Int, kind: TokenKind, start: Int, end: Int) {
        switch kind {
        case .word, .compoundPart, .cjkUnigram: hashes.append(TermInterner.hash(padded: term))
        case .compoundWhole, .cjkBigram: break
        }
    }
}
