/// Parses the query language (the full description is in `QUERY-LANGUAGE.md`).
///
/// - `satellite spectrum`: documents holding both words (when none holds all, those holding the most).
/// - `"gold sector member"`: a phrase; `title:"a phrase"` and `title:word` scope to a field.
/// - `spectrum OR orbit`, `-word`, `NOT word`, `( … )` group; `AND` may be written, it is the default.
/// - `sat*`: a prefix; the last word while typing is a prefix too when `lastWordIsPrefix` is set
///   and the query does not end with a space.
/// - Facets from the schema (`sector:ITU-D`, `category:"International Cooperation"`), with aliases.
/// - Dates: `after:2021-01-01` (on or after), `before:2022` (strictly before), `year:2021`,
///   each accepting `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `sort:date` (newest first) or `sort:relevance`.
/// - Flags supplied with the search (`is:starred`, `has:note`); an unknown value after a flag's
///   keyword (`is:stared`) is a problem that lists the known flags.
///
/// The parser never fails: unclosed quotes and parentheses are closed at the end, a stray `)`
/// is ignored, an unknown `name:value` searches `value` as words, a bad date is dropped, and
/// each of these adds a `QueryProblem` that names the problem. Nesting deeper than
/// `maxDepth` is flattened, so no input can exhaust the stack, and words and phrases past the
/// first `maxWords` are left out, so no query's work grows without bound.
struct QueryParser {
    static let maxDepth = 32
    /// The most words and phrases (with or without `name:`) a query is searched for. Well below
    /// 256, so a word count per document fits a byte.
    static let maxWords = 64
    static let dateKeywords = ["year", "after", "before"]

    let schema: IndexSchema
    var lastWordIsPrefix = true
    /// The names of the flags supplied with the search (`is:starred`), in the order of `SearchOptions.flags`.
    var flagNames: [String] = []

    /// The keywords before the colon of the flags (`is`, `has`), each once.
    private var flagKeywords: [String] {
        var keywords: [String] = []
        for name in flagNames {
            guard let colon = name.firstIndex(of: ":") else { continue }
            let keyword = name[..<colon].lowercased()
            if !keywords.contains(keyword) { keywords.append(keyword) }
        }
        return keywords
    }

    private enum Lexeme: Equatable {
        case open, close, or, and, not
        /// A word or a phrase, with its `name:` when it had one.
        case term(text: String, isPhrase: Bool, field: String?, negated: Bool, isPrefix: Bool)
        /// `name:` with nothing after it.
        case emptyField(String)
    }

    /// The names a `name:` may use, in the order messages list them.
    var knownNames: [String] {
        var names = schema.fields.map(\.name) + schema.facets
        for extra in QueryParser.dateKeywords + ["sort"] + flagKeywords where !names.contains(where: { $0.lowercased() == extra }) {
            names.append(extra)
        }
        return names
    }

    func parse(_ query: String) -> ParsedQuery {
        var result = ParsedQuery()
        let lexemes = lex(query, problems: &result.problems)
        var state = ParserState(lexemes: lexemes)
        var nodes: [QueryNode] = []
        while !state.isAtEnd {
            if case .close = state.peek {
                result.problems.append(QueryProblem("unmatched \")\" ignored"))
                state.advance()
                continue
            }
            if let node = parseOr(&state, depth: 0, result: &result) { nodes.append(node) }
        }
        result.root = nodes.count > 1 ? .and(nodes) : nodes.first
        if result.root == nil && result.problems.isEmpty && !result.sortByDate && !query.allSatisfy(\.isWhitespace) {
            result.problems.append(QueryProblem("nothing to search for in \"\(query)\""))
        }
        return result
    }

    private struct ParserState {
        let lexemes: [Lexeme]
        var index = 0
        var isAtEnd: Bool { index >= lexemes.count }
        var peek: Lexeme? { index < lexemes.count ? lexemes[index] : nil }
        mutating func advance() { index += 1 }
    }

    private func parseOr(_ state: inout ParserState, depth: Int, result: inout ParsedQuery) -> QueryNode? {
        var alternatives: [QueryNode] = []
        var missingSide = false
        if let first = parseAnd(&state, depth: depth, result: &result) { alternatives.append(first) } else { missingSide = true }
        var sawOr = false
        while case .or = state.peek {
            state.advance()
            sawOr = true
            if let next = parseAnd(&state, depth: depth, result: &result) { alternatives.append(next) } else { missingSide = true }
        }
        if sawOr && missingSide {
            result.problems.append(QueryProblem("OR needs a word on each side; the lone OR was ignored"))
        }
        if alternatives.count > 1 { return .or(alternatives) }
        return alternatives.first
    }

    private func parseAnd(_ state: inout ParserState, depth: Int, result: inout ParsedQuery) -> QueryNode? {
        var items: [QueryNode] = []
        loop: while let lexeme = state.peek {
            switch lexeme {
            case .or, .close:
                break loop
            case .and:
                state.advance()
            default:
                if let node = parseUnary(&state, depth: depth, result: &result) { items.append(node) }
            }
        }
        return items.count > 1 ? .and(items) : items.first
    }

    private func parseUnary(_ state: inout ParserState, depth: Int, result: inout ParsedQuery) -> QueryNode? {
        guard let lexeme = state.peek else { return nil }
        state.advance()
        switch lexeme {
        case .not:
            switch state.peek {
            case nil, .or?, .close?, .and?:
                result.problems.append(QueryProblem("NOT needs a word after it; it was ignored"))
                return nil
            default:
                guard let operand = parseUnary(&state, depth: depth, result: &result) else { return nil }
                return .not(operand)
            }
        case .open:
            if depth >= QueryParser.maxDepth {
                if !result.problems.contains(QueryProblem("parentheses nested too deeply; inner ones ignored")) {
                    result.problems.append(QueryProblem("parentheses nested too deeply; inner ones ignored"))
                }
                return nil
            }
            let inner = parseOr(&state, depth: depth + 1, result: &result)
            if case .close = state.peek {
                state.advance()
            } else {
                result.problems.append(QueryProblem("unclosed \"(\": closed at the end of the query"))
            }
            return inner
        case let .term(text, isPhrase, field, negated, isPrefix):
            let node = termNode(text: text, isPhrase: isPhrase, field: field, isPrefix: isPrefix, result: &result)
            guard let node else { return nil }
            return negated ? .not(node) : node
        case let .emptyField(name):
            if isKnown(name) {
                result.problems.append(QueryProblem("\(name): needs a value after the colon"))
            } else {
                result.problems.append(unknownField(name))
            }
            return nil
        case .or, .and, .close:
            return nil
        }
    }

    private func isKnown(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return schema.fieldIndex(named: name) != nil || schema.facetIndex(named: name) != nil
            || QueryParser.dateKeywords.contains(lowered) || lowered == "sort" || flagKeywords.contains(lowered)
    }

    private func unknownField(_ name: String) -> QueryProblem {
        QueryProblem("unknown field \"\(name)\" — known: \(knownNames.joined(separator: ", "))")
    }

    private func termNode(text: String, isPhrase: Bool, field: String?, isPrefix: Bool, result: inout ParsedQuery) -> QueryNode? {
        guard let field else {
            return isPhrase ? .phrase(text, field: nil) : .word(text, field: nil, isPrefix: isPrefix)
        }
        let lowered = field.lowercased()
        if flagKeywords.contains(lowered) {
            let name = lowered + ":" + text.lowercased()
            if let flag = flagNames.firstIndex(where: { $0.lowercased() == name }) { return .flag(flag) }
            result.problems.append(QueryProblem("unknown flag \"\(field):\(text)\" — known: \(flagNames.joined(separator: ", "))"))
            return nil
        }
        if QueryParser.dateKeywords.contains(lowered) {
            guard let bounds = DateBounds.parse(text) else {
                result.problems.append(QueryProblem("bad date \"\(text)\" in \(field): — use YYYY, YYYY-MM or YYYY-MM-DD"))
                return nil
            }
            switch lowered {
            case "after": return .dates(bounds.earliest...Int.max)
            case "before": return .dates(Int.min...(bounds.earliest - 1))
            default: return .dates(bounds.earliest...bounds.latest)
            }
        }
        if lowered == "sort" {
            switch text.lowercased() {
            case "date", "newest", "recent": result.sortByDate = true
            case "relevance", "score": result.sortByDate = false
            default: result.problems.append(QueryProblem("unknown sort \"\(text)\" — use sort:date or sort:relevance"))
            }
            return nil
        }
        if let f = schema.fieldIndex(named: field) {
            return isPhrase ? .phrase(text, field: f) : .word(text, field: f, isPrefix: isPrefix)
        }
        if let f = schema.facetIndex(named: field) {
            return .facet(f, value: text)
        }
        result.problems.append(unknownField(field))
        return isPhrase ? .phrase(text, field: nil) : .word(text, field: nil, isPrefix: isPrefix)
    }

    // MARK: Lexing

    private func lex(_ query: String, problems: inout [QueryProblem]) -> [Lexeme] {
        let characters = QueryCharacters(query)
        var lexemes: [Lexeme] = []
        var i = 0
        var lastWordIndex: Int? = nil
        while i < characters.count {
            if characters.isSpace(i) { i += 1; continue }
            if characters.isASCII(i, "(") { lexemes.append(.open); i += 1; continue }
            if characters.isASCII(i, ")") { lexemes.append(.close); i += 1; continue }
            var negated = false
            if characters.isASCII(i, "-") {
                i += 1
                guard i < characters.count, !characters.isSpace(i), !characters.isASCII(i, ")") else { continue }
                negated = true
            }
            if i < characters.count, characters.isQuote(i) {
                let (text, next) = readPhrase(characters, from: i + 1, problems: &problems)
                lexemes.append(.term(text: text, isPhrase: true, field: nil, negated: negated, isPrefix: false))
                i = next
                continue
            }
            let start = i
            while i < characters.count {
                if characters.isSpace(i) || characters.isASCII(i, "(") || characters.isASCII(i, ")") || characters.isQuote(i) { break }
                i += 1
            }
            let word = characters.text(start..<i)
            if !negated {
                switch word {
                case "OR", "|", "||": lexemes.append(.or); continue
                case "AND", "&&": lexemes.append(.and); continue
                case "NOT": lexemes.append(.not); continue
                default: break
                }
            }
            if let colon = word.firstIndex(of: ":"), colon != word.startIndex,
               QueryParser.isFieldName(word[..<colon]) {
                let name = String(word[..<colon])
                let value = String(word[word.index(after: colon)...])
                if value.isEmpty {
                    if i < characters.count, characters.isQuote(i) {
                        let (text, next) = readPhrase(characters, from: i + 1, problems: &problems)
                        lexemes.append(.term(text: text, isPhrase: true, field: name, negated: negated, isPrefix: false))
                        i = next
                    } else {
                        lexemes.append(.emptyField(name))
                    }
                    continue
                }
                let (text, star) = stripStar(value)
                lexemes.append(.term(text: text, isPhrase: false, field: name, negated: negated, isPrefix: star))
                lastWordIndex = lexemes.count - 1
                continue
            }
            let (text, star) = stripStar(word)
            if text.isEmpty {
                problems.append(QueryProblem("\"*\" alone matches nothing; put it after the start of a word (sat*)"))
                continue
            }
            lexemes.append(.term(text: text, isPhrase: false, field: nil, negated: negated, isPrefix: star))
            lastWordIndex = lexemes.count - 1
        }
        // The word being typed: the last lexeme, a word, with no space after it.
        if lastWordIsPrefix, let index = lastWordIndex, index == lexemes.count - 1,
           characters.count > 0, !characters.isSpace(characters.count - 1),
           case let .term(text, false, field, negated, _) = lexemes[index] {
            let isFacetOrSpecial = field.map { schema.fieldIndex(named: $0) == nil } ?? false
            if !isFacetOrSpecial {
                lexemes[index] = .term(text: text, isPhrase: false, field: field, negated: negated, isPrefix: true)
            }
        }
        return QueryParser.capWords(lexemes, problems: &problems)
    }

    /// The lexemes up to the `maxWords`-th word or phrase.
    private static func capWords(_ lexemes: [Lexeme], problems: inout [QueryProblem]) -> [Lexeme] {
        var words = 0
        for (i, lexeme) in lexemes.enumerated() {
            guard case .term = lexeme else { continue }
            words += 1
            if words > maxWords {
                problems.append(QueryProblem("query too long: only its first \(maxWords) words were searched"))
                return Array(lexemes[..<i])
            }
        }
        return lexemes
    }

    private func stripStar(_ word: String) -> (String, Bool) {
        var text = word
        var star = false
        while text.hasSuffix("*") { text.removeLast(); star = true }
        return (text, star)
    }

    private func readPhrase(_ characters: QueryCharacters, from start: Int, problems: inout [QueryProblem]) -> (String, Int) {
        var i = start
        while i < characters.count {
            if characters.isQuote(i) { return (characters.text(start..<i), i + 1) }
            i += 1
        }
        let text = characters.text(start..<i)
        problems.append(QueryProblem("unclosed quote: searched \"\(text)\" as a phrase"))
        return (text, i)
    }

    /// Letters and underscores only (`Character.isLetter`), as a field's or facet's name before a colon.
    private static func isFieldName(_ name: Substring) -> Bool {
        var ascii = true
        for byte in name.utf8 {
            guard byte < 0x80 else { ascii = false; break }
            if !((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")) && byte != UInt8(ascii: "_") { return false }
        }
        return ascii || name.allSatisfy { $0.isLetter || $0 == "_" }
    }
}

/// The first and last day a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` text stands for, as `yyyymmdd`.
struct DateBounds: Hashable, Sendable {
    var earliest: Int
    var latest: Int

    static func parse(_ text: String) -> DateBounds? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count),
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts[0].count == 4, let year = Int(parts[0]), year >= 1 else { return nil }
        guard parts.count > 1 else { return DateBounds(earliest: year * 10_000 + 101, latest: year * 10_000 + 1231) }
        guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return nil }
        let days = daysIn(month: month, year: year)
        guard parts.count > 2 else {
            return DateBounds(earliest: year * 10_000 + month * 100 + 1, latest: year * 10_000 + month * 100 + days)
        }
        guard parts[2].count == 2, let day = Int(parts[2]), (1...days).contains(day) else { return nil }
        let key = year * 10_000 + month * 100 + day
        return DateBounds(earliest: key, latest: key)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// A query's characters, with the tests the lexer makes on them. Each character's ASCII value
/// is found once, and the tests compare ASCII characters as bytes: `asciiValue`, a comparison
/// of two `Character`s or a Unicode property each cost a look at the character's scalars (or a
/// string comparison, or a table search), and the lexer tests each character several times.
/// A query of ASCII only (most are) is read as its bytes, without finding its characters.
private struct QueryCharacters {
    /// The query's bytes when they are all ASCII, one character each (a "\r\n" is then two
    /// characters, both spaces to the lexer, where it is otherwise one); empty otherwise.
    private let bytes: [UInt8]
    /// The characters of a query that is not all ASCII; empty otherwise.
    private let characters: [Character]
    /// `asciiValue` of each of `characters` (also 10 for "\r\n").
    private let asciiValues: [UInt8?]
    let count: Int

    init(_ query: String) {
        let utf8 = Array(query.utf8)
        if utf8.allSatisfy({ $0 < 0x80 }) {
            bytes = utf8
            characters = []
            asciiValues = []
            count = utf8.count
        } else {
            bytes = []
            characters = Array(query)
            asciiValues = characters.map(\.asciiValue)
            count = characters.count
        }
    }

    private func asciiValue(_ i: Int) -> UInt8? { characters.isEmpty ? bytes[i] : asciiValues[i] }

    /// The text of the characters at `range`.
    func text(_ range: Range<Int>) -> String {
        characters.isEmpty ? String(decoding: bytes[range], as: UTF8.self) : String(characters[range])
    }

    /// `isWhitespace`.
    func isSpace(_ i: Int) -> Bool {
        if let ascii = asciiValue(i) { return ascii == 32 || (9...13).contains(ascii) }
        return characters[i].isWhitespace
    }

    /// Whether character `i` is the ASCII character `scalar` (which must be ASCII, and not a
    /// line feed, the `asciiValue` of "\r\n" too).
    func isASCII(_ i: Int, _ scalar: Unicode.Scalar) -> Bool { asciiValue(i) == UInt8(ascii: scalar) }

    /// A straight or curly double quote.
    func isQuote(_ i: Int) -> Bool {
        if let ascii = asciiValue(i) { return ascii == UInt8(ascii: "\"") }
        let c = characters[i]
        return c == "“" || c == "”" || c == "„"
    }
}
