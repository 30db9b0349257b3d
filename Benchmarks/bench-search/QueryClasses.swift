/// The query classes both engines answer, each in our query language and in FTS5's.
struct QueryClass {
    let name: String
    /// Pairs of (our query, the equivalent FTS5 MATCH expression).
    let queries: [(ours: String, fts5: String)]
    /// True when the class replays keystrokes through one incremental session.
    let asYouType: Bool

    static func all() -> [QueryClass] {
        let letters = ["s", "c", "r", "b", "d", "m", "p", "t", "o", "i"]
        let twoLetters = ["sa", "co", "re", "br", "sp", "de", "or", "st", "in", "ne"]
        let longer = ["sat", "spec", "regul", "broad", "orbit", "conn", "stand", "netw"]
        let terms = ["satellite", "spectrum", "orbit", "broadband", "regulations", "connectivity", "standardization", "development"]
        let pairs = [("satellite", "spectrum"), ("broadband", "development"), ("orbit", "regulations"), ("spectrum", "connectivity")]
        return [
            QueryClass(name: "1-char prefix", queries: letters.map { ($0, "\($0)*") }, asYouType: false),
            QueryClass(name: "2-char prefix", queries: twoLetters.map { ($0, "\($0)*") }, asYouType: false),
            QueryClass(name: "3+-char prefix", queries: longer.map { ($0, "\($0)*") }, asYouType: false),
            QueryClass(name: "single term", queries: terms.map { ("\($0) ", $0) }, asYouType: false),
            QueryClass(name: "two-term AND", queries: pairs.map { ("\($0.0) \($0.1) ", "\($0.0) \($0.1)") }, asYouType: false),
            QueryClass(name: "phrase", queries: pairs.map { ("\"\($0.0) \($0.1)\"", "\"\($0.0) \($0.1)\"") }, asYouType: false),
            QueryClass(name: "field scope", queries: terms.map { ("title:\($0) ", "title:\($0)") }, asYouType: false),
            QueryClass(name: "as-you-type", queries: keystrokes(of: "satellite spectrum"), asYouType: true),
        ]
    }

    /// Every prefix of `text` as typed, with FTS5's equivalent: finished words as they are and
    /// the word being typed as a prefix (`satellite spe*`).
    static func keystrokes(of text: String) -> [(ours: String, fts5: String)] {
        var out: [(String, String)] = []
        var typed = ""
        for character in text {
            typed.append(character)
            let words = typed.split(separator: " ").map(String.init)
            var fts = words.joined(separator: " ")
            if typed.last != " " { fts += "*" }
            out.append((typed, fts))
        }
        return out
    }
}
