/// Decoding of `news.json`: `{"schemaVersion": 1, "news": [ … ]}`.
extension FixtureDecoder {
    enum NewsField: String, FixtureField {
        case id, date, category, title, summary, body, organizations, sectors, tags, source
        static let table = FieldTable<NewsField>()
        static let required: [NewsField] = [.id, .date, .category, .title, .summary, .body]
    }

    /// Decodes one news item, registering its id and checking the organizations and Sectors it
    /// names; nil when a required field is missing or wrong.
    mutating func newsItem(index: Int, identifiers: inout FixtureIdentifiers) throws(JSONSyntaxError) -> NewsItem? {
        guard var scope = try beginObject() else { return nil }
        var id: String?, date: PartialDate?, category: String?, title: String?, summary: String?, body: String?
        var organizations: [String] = [], sectors: [String] = [], tags: [String] = []
        var source: String?
        while let field = try nextField(&scope, NewsField.table) {
            switch field {
            case .id:
                let start = valueOffset()
                id = try text()
                if let id, let problem = identifiers.registerNews(id: id, index: index) { report(problem, at: start) }
            case .date: date = try self.date()
            case .category: category = try text()
            case .title: title = try text()
            case .summary: summary = try text()
            case .body: body = try text()
            case .organizations:
                organizations = try list { (d: inout FixtureDecoder) throws(JSONSyntaxError) in
                    let start = d.valueOffset()
                    guard let reference = try d.text() else { return nil }
                    if let problem = identifiers.checkOrganization(reference) { d.report(problem, at: start) }
                    return reference
                }
            case .sectors:
                sectors = try list { (d: inout FixtureDecoder) throws(JSONSyntaxError) in
                    let start = d.valueOffset()
                    guard let reference = try d.text() else { return nil }
                    if let problem = identifiers.checkSector(reference) { d.report(problem, at: start) }
                    return reference
                }
            case .tags: tags = try textList()
            case .source: source = try text()
            }
        }
        requireFields(NewsField.required, in: scope, NewsField.table)
        guard let id, let date, let category, let title, let summary, let body else { return nil }
        return NewsItem(id: id, date: date, category: category, title: title, summary: summary, body: body,
                        organizations: organizations, sectors: sectors, tags: tags, source: source)
    }
}
