/// A searchable text field of the documents and its weight in ranking (BM25F).
public struct FieldDefinition: Hashable, Sendable {
    public var name: String
    /// How much a match in this field counts relative to the others; a weight that is not
    /// positive counts as 1. Only the first 256 fields of a schema are indexed.
    public var weight: Double

    public init(name: String, weight: Double) {
        self.name = name
        self.weight = weight
    }

    /// The weight ranking and snippets use: `weight`, or 1 when it is not a positive number.
    var effectiveWeight: Double { weight > 0 && weight.isFinite ? weight : 1 }
}

/// What an index holds: its weighted text fields, its keyword facets and the field snippets come from.
///
/// Field and facet names are what the query language accepts before a colon (`title:word`,
/// `sector:ITU-D`); `facetAliases` adds other spellings for facets or fields
/// (`organization` → `org`). Names compare case-insensitively.
public struct IndexSchema: Sendable {
    public var fields: [FieldDefinition]
    public var facets: [String]
    /// Alternative name → canonical field or facet name.
    public var facetAliases: [String: String]
    /// The field snippets are cut from; when it holds no match, another lower-weighted field that
    /// does is used (see `Highlighter`).
    public var snippetField: String?

    public init(fields: [FieldDefinition], facets: [String], facetAliases: [String: String] = [:], snippetField: String?) {
        self.fields = fields
        self.facets = facets
        self.facetAliases = facetAliases
        self.snippetField = snippetField
    }

    /// The index of a field by name or alias, ignoring case.
    func fieldIndex(named name: String) -> Int? {
        let key = canonicalName(name)
        return fields.firstIndex { $0.name.lowercased() == key }
    }

    /// The index of a facet by name or alias, ignoring case.
    func facetIndex(named name: String) -> Int? {
        let key = canonicalName(name)
        return facets.firstIndex { $0.lowercased() == key }
    }

    private func canonicalName(_ name: String) -> String {
        let lowered = name.lowercased()
        for (alias, target) in facetAliases where alias.lowercased() == lowered { return target.lowercased() }
        return lowered
    }
}

/// One document to index: an id, the text of its fields, its facet values and an optional date.
public struct Document: Sendable {
    public var id: String
    /// Field name → text. Fields not in the schema are ignored.
    public var fields: [String: String]
    /// Facet name → values (matched ignoring case and accents).
    public var facets: [String: [String]]
    /// A date as `yyyymmdd` (e.g. 20211101), for `sort:date` and date filters; nil when unknown.
    public var date: Int?

    public init(id: String, fields: [String: String], facets: [String: [String]] = [:], date: Int? = nil) {
        self.id = id
        self.fields = fields
        self.facets = facets
        self.date = date
    }
}
