/// The summary of an imported item: its first sentences, as many as fit in 300 characters.
/// A first sentence longer than that is cut at a word and ends with "…".
enum Summary {
    static let limit = 300

    static func make(from body: String) -> String {
        // Only the start of the text can be in the summary.
        let text = Whitespace.collapse(body.prefix(4 * limit))
        var summary = ""
        for sentence in sentences(text) {
            let candidate = summary.isEmpty ? sentence : summary + " " + sentence
            if candidate.count > limit { break }
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
