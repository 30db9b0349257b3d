import TextSearch
import Testing

@Suite struct EdgeCaseTests {
    @Test func emptyIndexAndOddOptionsAreSafe() {
        let empty = SearchIndex(schema: Corpus.newsSchema, documents: [])
        #expect(empty.search("anything").hits.isEmpty)
        #expect(empty.search("sort:date").totalMatches == 0)
        let index = Corpus.bodies(["one satellite", "two satellites"])
        #expect(index.search("satellite", options: SearchOptions(limit: Int.max)).hits.count == 2)
        #expect(index.search("satellite", options: SearchOptions(limit: -5)).hits.isEmpty)
        #expect(index.search("satellite", options: SearchOptions(limit: 0)).totalMatches == 2)
        let filtered = index.search("satellite", options: SearchOptions(filters: ["nope": ["x"]]))
        #expect(filtered.problems.map(\.message) == ["unknown facet \"nope\" in filters — known: "])
    }

    @Test func nonPositiveWeightsCountAsOne() throws {
        let odd = IndexSchema(fields: [FieldDefinition(name: "body", weight: 0), FieldDefinition(name: "title", weight: -2),
                                       FieldDefinition(name: "note", weight: .nan)],
                              facets: [], snippetField: nil)
        let ones = IndexSchema(fields: [FieldDefinition(name: "body", weight: 1), FieldDefinition(name: "title", weight: 1),
                                        FieldDefinition(name: "note", weight: 1)],
                               facets: [], snippetField: nil)
        let documents = [Document(id: "a", fields: ["body": "spectrum", "title": "spectrum"]),
                         Document(id: "b", fields: ["note": "spectrum orbit"])]
        let options = SearchOptions(lastWordIsPrefix: false)
        let hits = SearchIndex(schema: odd, documents: documents).search("spectrum", options: options).hits
        // N = 2, df = 2: idf = ln(1 + 0.5 / 2.5) = 0.182322. Average lengths: body 0.5, title 0.5,
        // note 1. Document a: norm = 1 / (0.25 + 0.75 * 1 / 0.5) = 0.571429 in body and title, each
        // of weight 1: tf~ = 1.142857, score = 0.182322 * 1.142857 * 2.2 / 2.342857 = 0.195662.
        // Document b: norm = 1 / (0.25 + 0.75 * 2 / 1) = 0.571429, tf~ = 0.571429,
        // score = 0.182322 * 0.571429 * 2.2 / 1.771429 = 0.129389. Field factor 1 for both.
        #expect(hits.map(\.id) == ["a", "b"])
        #expect(abs(hits[0].score - 0.195662) < 0.000001)
        #expect(abs(hits[1].score - 0.129389) < 0.000001)
        // Exactly what weights of 1 give.
        let same = SearchIndex(schema: ones, documents: documents).search("spectrum", options: options).hits
        #expect(hits == same)
    }
}
