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
        // Every term takes at least one byte of the text: room for all the hashes.
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: text.utf8.count + 1) { storage in
            var sink = TermHashSink(storage: storage)
            var analyzer = TextAnalyzer()
            analyzer.appendTermHashes(text, to: &sink)
            return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: sink.hashes.count) { scratch in
                sortedDistinct(sink.hashes, scratch: scratch)
            }
        }
    }

    /// `hashes` sorted, each once, sorted in `scratch` (at least as long as `hashes`). Hashes are
    /// spread evenly over their range, so a long list is first spread into 256 runs by its top
    /// byte (one counting pass): the runs are in order and hold a hash or two each, so the
    /// insertion sort that follows moves each hash only within its run.
    static func sortedDistinct(_ hashes: UnsafeBufferPointer<UInt64>, scratch sorted: UnsafeMutableBufferPointer<UInt64>) -> [UInt64] {
        precondition(sorted.count >= hashes.count, "the scratch space must hold every hash")
        let count = hashes.count
        if count >= 64 {
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
        } else {
            for index in 0..<count { sorted[index] = hashes[index] }
        }
        for index in 0..<count {
            let hash = sorted[index]
            var place = index
            while place > 0 && sorted[place - 1] > hash {
                sorted[place] = sorted[place - 1]
                place -= 1
            }
            sorted[place] = hash
        }
        var unique = 0
        for index in 0..<count where unique == 0 || sorted[unique - 1] != sorted[index] {
            sorted[unique] = sorted[index]
            unique += 1
        }
        return Array(UnsafeBufferPointer(rebasing: sorted[..<unique]))
    }

    /// The folded terms of `text`, in order (see `words(in:)`).
    public static func terms(of text: String) -> [String] { words(in: text).map(\.term) }
}

/// Collects the hashes (`TermInterner.hash`) of the terms `TextFolding.words(in:)` gives: words,
/// the parts of compounds and CJK characters, not whole compounds or CJK pairs, in storage the
/// caller gives (which must have room for them all: a term takes at least one byte of its text).
struct TermHashSink: TokenSink {
    private let storage: UnsafeMutableBufferPointer<UInt64>
    private var count = 0

    init(storage: UnsafeMutableBufferPointer<UInt64>) {
        self.storage = storage
    }

    /// The hashes collected, in order.
    var hashes: UnsafeBufferPointer<UInt64> { UnsafeBufferPointer(rebasing: storage[..<count]) }

    @inline(__always) mutating func append(_ hash: UInt64) {
        precondition(count < storage.count, "the storage must have room for every term")
        storage[count] = hash
        count += 1
    }

    mutating func accept(_ term: PaddedTerm, position: Int, kind: TokenKind, start: Int, end: Int) {
        switch kind {
        case .word, .compoundPart, .cjkUnigram: append(TermInterner.hash(padded: term))
        case .compoundWhole, .cjkBigram: break
        }
    }
}
