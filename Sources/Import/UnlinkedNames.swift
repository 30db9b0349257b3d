/// Finds names that look like organizations but are not in the catalog.
///
/// A candidate is a run of one to six capitalized words (joined by "of", "for", "the",
/// "de", "des", "du" or "la") ending in a legal form or an organization noun: Inc., LLC, Ltd.,
/// Limited, S.A., SA, AG, GmbH, PLC, Corp., Corporation, Company, Co., Organization,
/// Organisation, Union, Association, Agency, Institute, Foundation, Consortium, Commission,
/// Authority. Leading sentence words ("The", "In", "On", …) are dropped. A candidate whose
/// ending is part of a name the linker found is not listed, and neither is the International
/// Telecommunication Union itself.
///
/// Precisely, a candidate is what this regular expression finds, read left to right without
/// overlaps (the text is scanned directly, without a regular expression engine):
///
///     (?<![\p{L}\p{N}])((?:\p{Lu}[\p{L}\p{N}&'’\-]*\s+(?:(?:of|for|the|de|des|du|la)\s+){0,2}){1,6})
///     (Inc\.?|LLC|L\.L\.C\.|Ltd\.?|Limited|S\.A\.|SA|AG|GmbH|PLC|Plc|Corp\.?|Corporation|Company|Co\.|
///     Organi[sz]ation|Union|Association|Agency|Institute|Foundation|Consortium|Commission|Authority)(?![\p{L}\p{N}])
///
/// where `\s` is a scalar with the Unicode White_Space property. A capitalized word is a capital
/// letter and all the letters, digits, `&`, `'`, `’` and `-` after it, followed by white space;
/// from a starting capital, the candidate takes as many words as it can (at most six) and still
/// end in one of the endings, tried in the order listed. A candidate that begins or ends inside
/// a character (its ending followed by a combining accent, say) is not listed.
enum UnlinkedNames {
    static func find(in text: String, linkedSpans: [Range<Int>]) -> [String] {
        if let found = text.utf8.withContiguousStorageIfAvailable({ find(in: $0, of: text, linkedSpans: linkedSpans) }) {
            return found
        }
        return Array(text.utf8).withUnsafeBufferPointer { find(in: $0, of: text, linkedSpans: linkedSpans) }
    }

    /// The names in `bytes`, the UTF-8 of `text`.
    private static func find(in bytes: UnsafeBufferPointer<UInt8>, of text: String, linkedSpans: [Range<Int>]) -> [String] {
        let scanner = Scanner(bytes: bytes)
        var found: [String] = []
        var previousIsLetterOrNumber = false
        var index = 0
        while index < bytes.count {
            let (scalar, length) = scanner.scalar(at: index)
            if !previousIsLetterOrNumber, Scanner.isUppercase(scalar), let match = scanner.candidate(at: index) {
                let suffix = match.tokens[match.tokens.count - 1]
                let bounds = [index, suffix.lowerBound, suffix.upperBound]
                if bounds.allSatisfy({ isCharacterBoundary($0, in: text) }), !linkedSpans.contains(where: { $0.overlaps(suffix) }),
                   let name = name(of: match.tokens.map { String(decoding: bytes[$0], as: UTF8.self) }) {
                    found.appendOnce(name)
                }
                // The search goes on after the candidate, whose last scalar is its ending's.
                index = suffix.upperBound
                previousIsLetterOrNumber = scanner.scalar(before: index).isLetterOrNumber
                continue
            }
            previousIsLetterOrNumber = scalar.isLetterOrNumber
            index += length
        }
        return found
    }

    /// Whether the UTF-8 offset `offset` of `text` is where a character begins (or its end).
    private static func isCharacterBoundary(_ offset: Int, in text: String) -> Bool {
        String.Index(text.utf8.index(text.utf8.startIndex, offsetBy: offset), within: text) != nil
    }

    /// The name a candidate's words give, with leading sentence words dropped; nil when only
    /// its ending is left, or for the ITU itself.
    private static func name(of tokens: [String]) -> String? {
        var words = tokens[...]
        while let first = words.first, words.count > 1, leadingWords.contains(first) { words.removeFirst() }
        guard words.count > 1 else { return nil }
        let name = words.joined(separator: " ")
        return ignored.contains(name.lowercased()) ? nil : name
    }

    private static let leadingWords: Set<String> = [
        "The", "A", "An", "In", "On", "At", "By", "For", "With", "And", "As", "Of", "From", "To", "Its", "Their", "Our",
        "This", "That", "Both", "Today", "Yesterday", "When", "While", "After", "Before",
    ]
    private static let ignored: Set<String> = ["international telecommunication union"]

    /// The lower-case words that may join capitalized words.
    private static let joiningWords: [[UInt8]] = ["of", "for", "the", "de", "des", "du", "la"].map { Array($0.utf8) }

    /// The endings, in the order they are tried.
    private static let endings: [[UInt8]] = [
        "Inc.", "Inc", "LLC", "L.L.C.", "Ltd.", "Ltd", "Limited", "S.A.", "SA", "AG", "GmbH", "PLC", "Plc", "Corp.", "Corp",
        "Corporation", "Company", "Co.", "Organisation", "Organization", "Union", "Association", "Agency", "Institute",
        "Foundation", "Consortium", "Commission", "Authority",
    ].map { Array($0.utf8) }

    /// The most capitalized words (with their joining words) before an ending.
    private static let mostWords = 6

    /// Reads a text's UTF-8 bytes scalar by scalar.
    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>

        /// A candidate: the UTF-8 ranges of its words (joining words included) and, last, of its ending.
        struct Match {
            var tokens: [Range<Int>]
        }

        /// The candidate starting at `start` (a capital letter not preceded by a letter or digit), if any.
        func candidate(at start: Int) -> Match? {
            var tokens: [Range<Int>] = []
            // After each capitalized word and its joining words: where the next word starts, and
            // how many tokens the candidate has so far.
            var wordEnds: [(next: Int, tokenCount: Int)] = []
            var position = start
            while wordEnds.count < UnlinkedNames.mostWords, position < bytes.count {
                var (scalar, length) = self.scalar(at: position)
                guard Scanner.isUppercase(scalar) else { break }
                var end = position + length
                while end < bytes.count {
                    (scalar, length) = self.scalar(at: end)
                    guard Scanner.isWordCharacter(scalar) else { break }
                    end += length
                }
                guard end < bytes.count, Scanner.isWhitespace(self.scalar(at: end).0) else { break }
                tokens.append(position..<end)
                position = skipWhitespace(from: end)
                for _ in 0..<2 {
                    guard let joining = joiningWord(at: position) else { break }
                    tokens.append(position..<joining)
                    position = skipWhitespace(from: joining)
                }
                wordEnds.append((position, tokens.count))
            }
            for (next, tokenCount) in wordEnds.reversed() {
                if let ending = ending(at: next) {
                    return Match(tokens: Array(tokens[..<tokenCount]) + [next..<ending])
                }
            }
            return nil
        }

        /// The end of the white space starting at `position` (its first scalar is white space).
        private func skipWhitespace(from position: Int) -> Int {
            var position = position
            while position < bytes.count {
                let (scalar, length) = self.scalar(at: position)
                guard Scanner.isWhitespace(scalar) else { break }
                position += length
            }
            return position
        }

        /// The end of the joining word at `position` when one is there, followed by white space.
        private func joiningWord(at position: Int) -> Int? {
            for word in UnlinkedNames.joiningWords where startsWith(word, at: position) {
                let end = position + word.count
                if end < bytes.count, Scanner.isWhitespace(scalar(at: end).0) { return end }
            }
            return nil
        }

        /// The end of the first ending at `position` that no letter or digit follows.
        private func ending(at position: Int) -> Int? {
            for ending in UnlinkedNames.endings where startsWith(ending, at: position) {
                let end = position + ending.count
                if end == bytes.count || !scalar(at: end).0.isLetterOrNumber { return end }
            }
            return nil
        }

        private func startsWith(_ word: [UInt8], at position: Int) -> Bool {
            guard position + word.count <= bytes.count else { return false }
            for offset in word.indices where bytes[position + offset] != word[offset] { return false }
            return true
        }

        /// The scalar starting at `position` and its length in bytes (the text is valid UTF-8).
        func scalar(at position: Int) -> (Unicode.Scalar, Int) {
            let lead = UInt32(bytes[position])
            if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
            let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            var value = lead & (0x7F >> UInt32(length))
            for offset in 1..<length { value = value << 6 | UInt32(bytes[position + offset] & 0x3F) }
            return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
        }

        /// The scalar ending just before `position` (which is past the first scalar).
        func scalar(before position: Int) -> Unicode.Scalar {
            var start = position - 1
            while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            return scalar(at: start).0
        }

        static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
            if scalar.isASCII { return scalar.value >= 0x41 && scalar.value <= 0x5A }
            return scalar.properties.generalCategory == .uppercaseLetter
        }

        /// A letter, a digit, `&`, `'`, `’` or `-`: what a capitalized word goes on with.
        static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar {
            case "&", "'", "’", "-": true
            default: scalar.isLetterOrNumber
            }
        }

        static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
            if scalar.isASCII { return scalar.value == 0x20 || (scalar.value >= 0x09 && scalar.value <= 0x0D) }
            return scalar.properties.isWhitespace
        }
    }
}
