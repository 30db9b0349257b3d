/// The summary of an imported item: its first sentences, as many as fit in 300 characters.
/// A first sentence longer than that is cut at a word and ends with "…".
enum Summary {
    static let limit = 300

    static func make(from body: String) -> String {
        let text = body.split(whereSeparator: \.isWhitespace).joined(separator: " ")
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
        var current = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            current.append(character)
            guard ".!?".contains(character) else { continue }
            let next = index + 2 < characters.count ? characters[index + 2] : nil
            let atEnd = index + 1 == characters.count
            if atEnd || (characters[index + 1] == " " && next.map { $0.isUppercase || $0.isNumber || "\"«“".contains($0) } == true) {
                result.append(current.trimmingWhitespace())
                current = ""
            }
        }
        let rest = current.trimmingWhitespace()
        if !rest.isEmpty { result.append(rest) }
        return result
    }
}

extension String {
    func trimmingWhitespace() -> String {
        split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
