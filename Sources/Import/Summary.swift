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

    /// Sentences end at `.`, `!` or `?` followed by a space and a capital letter, a digit or a quote.
    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        let scalars = Array(text.unicodeScalars)
        var start = 0
        for index in scalars.indices where ".!?".unicodeScalars.contains(scalars[index]) {
            let atEnd = index + 1 == scalars.count
            var ends = atEnd
            if !atEnd, scalars[index + 1] == " ", index + 2 < scalars.count {
                let next = scalars[index + 2]
                ends = next.properties.isUppercase || ("0"..."9").contains(next) || "\"«“".unicodeScalars.contains(next)
            }
            guard ends else { continue }
            result.append(String(String.UnicodeScalarView(scalars[start...index])).trimmingWhitespace())
            start = index + 1
        }
        if start < scalars.count {
            let rest = String(String.UnicodeScalarView(scalars[start...])).trimmingWhitespace()
            if !rest.isEmpty { result.append(rest) }
        }
        return result
    }
}

extension String {
    func trimmingWhitespace() -> String { Whitespace.collapse(self) }
}
