@testable import TextSearch
import Testing

@Suite struct SessionTests {
    static let words = ["satellite", "satellites", "spectrum", "sector", "member", "members", "gold", "orbit",
                        "orbital", "radio", "intersputnik", "itu-d", "wrc-23", "development", "developing", "spectral"]

    static let index: SearchIndex = {
        var generator = SeededGenerator(seed: 11)
        let documents = (0..<400).map { i -> Document in
            let text = (0..<(4 + i % 9)).map { _ in words.randomElement(using: &generator) ?? "" }.joined(separator: " ")
            return Document(id: "d\(i)", fields: ["title": String(text.prefix(30)), "body": text],
                            facets: ["sector": [["ITU-R", "ITU-D"][i % 2]]], date: 20200101 + i)
        }
        return SearchIndex(schema: IndexSchema(fields: [FieldDefinition(name: "title", weight: 3), FieldDefinition(name: "body", weight: 1)],
                                               facets: ["sector"], snippetField: "body"), documents: documents)
    }()

    @Test func typingAQueryMatchesSearchingFromScratch() {
        var session = SearchSession(index: SessionTests.index)
        let query = "satellite spectrum sector:ITU-D"
        for length in 0...query.count {
            let prefix = String(query.prefix(length))
            #expect(session.search(prefix) == SessionTests.index.search(prefix), "\(prefix)")
        }
    }

    @Test func randomEditSequencesMatchSearchingFromScratch() {
        var generator = SeededGenerator(seed: 2026)
        let alphabet = Array("satelrpcumbgoidvn -\"*():")
        var mismatches = 0
        for sequence in 0..<300 {
            // Half the sessions narrow cached prefixes whenever they can, to cover that path too.
            var session = sequence % 2 == 0 ? SearchSession(index: SessionTests.index)
                                            : SearchSession(index: SessionTests.index, narrowingRatio: 0)
            var query = ""
            for _ in 0..<14 {
                switch Int.random(in: 0..<10, using: &generator) {
                case 0..<5:
                    query.append(alphabet.randomElement(using: &generator) ?? "a")
                case 5..<7:
                    let word = SessionTests.words.randomElement(using: &generator) ?? ""
                    query += String(word.prefix(Int.random(in: 1...word.count, using: &generator)))
                case 7..<9:
                    if !query.isEmpty { query.removeLast() }
                default:
                    query = query.isEmpty ? "" : String(query.prefix(Int.random(in: 0..<query.count, using: &generator)))
                }
                let options = SearchOptions(limit: Int.random(in: 1...12, using: &generator))
                if session.search(query, options: options) != SessionTests.index.search(query, options: options) { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
    }
}
