import Testing
@testable import TextSearch

/// The interner's two ways of hashing a term must agree, or a term would get two ids.
@Suite struct TermHashTests {
    @Test func paddedHashEqualsPlainHashForEveryLength() {
        var state: UInt64 = 0x1234_5678
        for length in 0...40 {
            for _ in 0..<20 {
                var bytes: [UInt8] = []
                for _ in 0..<(length + 8) {
                    state = state &* 6364136223846793005 &+ 1442695040888963407
                    bytes.append(UInt8(truncatingIfNeeded: state >> 33))
                }
                bytes.append(0)
                bytes.withUnsafeMutableBufferPointer { buffer in
                    let term = TermScratch(buffer).term(0..<length)
                    #expect(TermInterner.hash(padded: term) == TermInterner.hash(term.bytes))
                    #expect(TermInterner.key(padded: term) == TermInterner.key(term.bytes))
                }
            }
        }
    }

    @Test("hashing an ASCII word from the text equals hashing its lower-cased copy, wherever it ends")
    func asciiWordHashEqualsPlainHash() {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".utf8)
        var state: UInt64 = 0x9876_5432
        for length in 1...40 {
            for trailing in 0...9 {
                var word: [UInt8] = []
                for _ in 0..<length {
                    state = state &* 6364136223846793005 &+ 1442695040888963407
                    word.append(alphabet[Int(state >> 33) % alphabet.count])
                }
                // The word with 0 to 9 bytes after it in the text: its last bytes are read in one
                // load, or byte by byte at the text's end.
                let text = [UInt8](" (".utf8) + word + [UInt8](repeating: 0x20, count: trailing)
                let lowered = word.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }
                text.withUnsafeBufferPointer { text in
                    lowered.withUnsafeBufferPointer { lowered in
                        #expect(TermInterner.hash(asciiWordIn: text, 2..<(2 + length)) == TermInterner.hash(lowered),
                                "length \(length), \(trailing) bytes after it")
                    }
                }
            }
        }
    }

    @Test("term hashes found with the ASCII shortcut are the analyzer's, in order", arguments: 0..<6)
    func termHashesMatchTheAnalyzer(seed: Int) {
        // ASCII words of every case, digits, compounds and lone dashes, possessives, letters with
        // diacritics and Cyrillic, CJK, a combining mark, words too long to index, and a compound
        // too long to index whose short part is left out with it.
        let pieces = [
            "ITU", "satellite", "Orbit", "5G", "WRC-23", "ITU-R-2020", "a-b-c-d-e-f-g-h-i-j", "-", "--", "x-", "-y",
            "ITU's", "ITU’s", "it's", "'s", "s", "café", "Société", "naïve", "Интерспутник", "ёж", "straße", "国际电信",
            "e\u{301}", "A\u{301}B", "ＩＴＵ", "ﬁne", String(repeating: "long", count: 16), String(repeating: "x", count: 65),
            String(repeating: "word-", count: 60) + "end", String(repeating: "y", count: 270) + "-abc", "0", "O’Neil", "AT&T", "e-mail", "é-mail", "mail-é",
        ]
        let separators = [" ", " ", "  ", "\n", ", ", ". ", "", "-", "'", "\u{A0}", "—", "(", "’"]
        var state = UInt64(seed) &+ 0x5151
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        for round in 0..<400 {
            var text = ""
            for _ in 0..<(next(30) + 1) { text += pieces[next(pieces.count)] + separators[next(separators.count)] }
            #expect(Self.hashes(of: text, shortcut: true) == Self.hashes(of: text, shortcut: false),
                    "round \(round): \(text.debugDescription)")
        }
    }

    /// The term hashes of `text` in order, as `TextFolding.termHashes` collects them, or as the
    /// analyzer's scan gives them.
    static func hashes(of text: String, shortcut: Bool) -> [UInt64] {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: text.utf8.count + 1) { storage in
            var analyzer = TextAnalyzer()
            var sink = TermHashSink(storage: storage)
            if shortcut { analyzer.appendTermHashes(text, to: &sink) } else { analyzer.tokenize(text, into: &sink) }
            return Array(sink.hashes)
        }
    }
}
