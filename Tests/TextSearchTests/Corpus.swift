import TextSearch

/// Small hand-made indexes for the tests.
enum Corpus {
    static let newsSchema = IndexSchema(
        fields: [FieldDefinition(name: "title", weight: 3), FieldDefinition(name: "summary", weight: 1.5),
                 FieldDefinition(name: "body", weight: 1)],
        facets: ["sector", "org", "category", "type"],
        facetAliases: ["organization": "org"],
        snippetField: "body")

    static func news(_ id: String, title: String, body: String = "", summary: String = "",
                     sector: [String] = [], org: [String] = [], category: String? = nil, date: Int? = nil) -> Document {
        var facets: [String: [String]] = ["type": ["news"], "sector": sector, "org": org]
        if let category { facets["category"] = [category] }
        return Document(id: id, fields: ["title": title, "summary": summary, "body": body], facets: facets, date: date)
    }

    /// One field of weight 1, for checking scores by hand.
    static func bodies(_ texts: [String], dates: [Int?]? = nil) -> SearchIndex {
        let schema = IndexSchema(fields: [FieldDefinition(name: "body", weight: 1)], facets: [], snippetField: "body")
        let documents = texts.enumerated().map { i, text in
            Document(id: "d\(i)", fields: ["body": text], date: dates?[i] ?? nil)
        }
        return SearchIndex(schema: schema, documents: documents)
    }

    /// Searches with the last word complete (no prefix), returning the ids in order.
    static func ids(_ index: SearchIndex, _ query: String, limit: Int = 20) -> [String] {
        index.search(query, options: SearchOptions(limit: limit, lastWordIsPrefix: false)).hits.map(\.id)
    }
}
