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
        let schema = IndexSchema(fields: [FieldDefinition(name: "body", weight: 0), FieldDefinition(name: "title", weight: -2)],
                                 facets: [], snippetField: nil)
        let index = SearchIndex(schema: schema, documents: [Document(id: "a", fields: ["body": "spectrum", "title": "spectrum"])])
        let hit = try #require(index.search("spectrum").hits.first)
        #expect(hit.score.isFinite && hit.score > 0)
    }
}
