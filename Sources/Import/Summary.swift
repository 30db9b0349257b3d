/// The summary of an imported item: its first sentences, as many as fit in 300 characters.
/// A first sentence longer than that is cut at a word and ends with "…".
enum Summary {
    static let limit = 300

    static func make(from body: String) -> String {
        // Only the start of the text can be in the summary.
        let text = Whitespace.collapse(start(of: body, characters: 4 * limit))
        var summary = ""
        for sentence in sentences(text) {
            let candidate = summary.isEmpty ? sentence : summary + " " + sentence
            if exceedsLimit(candidate) { break }
            summary = candidate
        }
        if !summary.isEmpty { return summary }
        var cut = ""
        for word in text.split(separator: " ") {
            if cut.count + word.count + 2 > limit { break }
            cut += (cut.isEmpty ? "" : " ") + word
        }
        return cut.isEmpty ? String(text.prefix(limit - 1)) + "…" : cut + "…"
    }

    /// Whether `text` has more than `limit` characters; counted only when it has more bytes
    /// (a character takes at least one).
    private static func exceedsLimit(_ text: String) -> Bool {
        text.utf8.count > limit && text.count > limit
    }

    /// The first `count` characters of `text` (`text.prefix(count)`), found in its bytes when
    /// they are ASCII: then, with no CR LF pair among them (one character of two bytes), the
    /// first `count` bytes are the first `count` characters, and the one after them, ASCII too,
    /// starts a character of its own.
    static func start(of text: String, characters count: Int) -> Substring {
        let utf8 = text.utf8
        guard utf8.count > count else { return text[...] }
        let bytes = utf8.prefix(count + 1)
        var previous: UInt8 = 0
        for byte in bytes {
            guard byte < 0x80, !(previous == 0x0D && byte == 0x0A) else { return text.prefix(count) }
            previous = byte
        }
        return text[..<utf8.index(utf8.startIndex, offsetBy: count)]
    }

    /// Sentences end at `.`, `!` or `?` followed by a space and a capital letter, a digit or a
    /// quote. `text` has its white space collapsed already.
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        let bytes = Array(text.utf8)
        var start = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: "!")
            || bytes[index] == UInt8(ascii: "?") {
            let atEnd = index + 1 == bytes.count
            var ends = atEnd
            if !atEnd, bytes[index + 1] == 0x20, index + 2 < bytes.count {
                ends = startsSentence(String(decoding: bytes[(index + 2)..<min(index + 6, bytes.count)], as: UTF8.self))
            }
            guard ends else { continue }
            let sentence = String(decoding: bytes[start...index], as: UTF8.self)
            result.append(sentence.hasPrefix(" ") ? String(sentence.dropFirst()) : sentence)
            start = index + 1
        }
        if start < bytes.count {
            let rest = String(decoding: bytes[start...], as: UTF8.self)
            let trimmed = rest.hasPrefix(" ") ? String(rest.dropFirst()) : rest
            if !trimmed.isEmpty { result.append(trimmed) }
        }
        return result
    }

    /// Whether text beginning this way starts a sentence: a capital letter, a digit or a quote.
    private static func startsSentence(_ prefix: String) -> Bool {
        guard let first = prefix.unicodeScalars.first else { return false }
        return first.properties.isUppercase || ("0"..."9").contains(first) || "\"«“".unicodeScalars.contains(first)
    }
}

extension String {
    func trimmingWhitespace() -> String { Whitespace.collapse(self) }
}
