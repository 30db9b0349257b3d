import Catalog

/// The `--format json` documents, as described in the README's "JSON output" section.
///
/// Every document is one object starting with `"schemaVersion": 1`. Keys come in a fixed
/// order; dates are ISO strings of their own precision (`2021`, `2021-10`, `2021-11-01`);
/// arrays are always present, maybe empty; a field that is not recorded is left out.
enum CatalogJSON {
    static let schemaVersion = 1

    /// `{"schemaVersion": 1, "type": …, "items": […]}` for `list`; `writeItem` writes one item,
    /// and `afterEachItem` may hand what was written so far to the output.
    static func list<Item>(_ type: String, _ items: [Item], into json: inout JSONWriter,
                           writeItem: (Item, inout JSONWriter) -> Void,
                           afterEachItem: (inout JSONWriter) -> Void = { _ in }) {
        json.beginObject()
        json.field("schemaVersion", schemaVersion)
        json.field("type", type)
        json.key("items")
        json.beginArray()
        for item in items {
            writeItem(item, &json)
            afterEachItem(&json)
        }
        json.endArray()
        json.endObject()
        json.finishLine()
    }

    /// `{"schemaVersion": 1, "type": …, "item": {…}, "related": {…}}` for `show`.
    static func show(_ item: CatalogItem, catalog: Catalog, into json: inout JSONWriter, extra: (inout JSONWriter) -> Void = { _ in }) {
        json.beginObject()
        json.field("schemaVersion", schemaVersion)
        switch item {
        case .organization(let organization):
            json.field("type", "organization")
            json.key("item")
            write(organization, into: &json)
            json.key("related")
            json.beginObject()
            json.field("sectors", catalog.sectors(of: organization), omitEmpty: false, reference)
            json.field("news", catalog.news(about: organization.id), omitEmpty: false, reference)
            json.endObject()
        case .sector(let sector):
            json.field("type", "sector")
            json.key("item")
            write(sector, into: &json)
            json.key("related")
            json.beginObject()
            json.field("membersByCategory", catalog.membersByCategory(of: sector.id), omitEmpty: false) { group, json in
                json.beginObject()
                json.field("category", group.category)
                json.field("members", group.members, omitEmpty: false, reference)
                json.endObject()
            }
            json.field("news", catalog.news(inSector: sector.id), omitEmpty: false, reference)
            json.endObject()
        case .news(let news):
            json.field("type", "news")
            json.key("item")
            write(news, into: &json)
            json.key("related")
            json.beginObject()
            json.field("organizations", catalog.organizations(of: news), omitEmpty: false, reference)
            json.field("sectors", catalog.sectors(of: news), omitEmpty: false, reference)
            json.endObject()
        }
        extra(&json)
        json.endObject()
        json.finishLine()
    }

    static func write(_ organization: Organization, into json: inout JSONWriter) {
        json.beginObject()
        json.field("id", organization.id)
        json.field("name", organization.name)
        json.field("shortName", organization.shortName)
        json.field("aliases", organization.aliases, omitEmpty: false)
        json.field("kind", organization.kind)
        if let place = organization.headquarters {
            json.key("headquarters")
            json.beginObject()
            json.field("city", place.city)
            json.field("country", place.country)
            json.endObject()
        }
        json.field("founded", organization.founded?.description)
        json.field("website", organization.website)
        json.field("summary", organization.summary)
        json.field("people", organization.people, omitEmpty: false) { person, json in
            json.beginObject()
            json.field("name", person.name)
            json.field("role", person.role)
            json.field("since", person.since?.description)
            json.field("until", person.until?.description)
            json.field("note", person.note)
            json.endObject()
        }
        json.field("memberStates", organization.memberStates, omitEmpty: false)
        json.field("memberships", organization.memberships, omitEmpty: false) { membership, json in
            json.beginObject()
            json.field("sector", membership.sector)
            json.field("category", membership.category)
            json.field("since", membership.since?.description)
            json.field("labels", membership.labels, omitEmpty: false)
            json.field("notes", membership.notes)
            json.endObject()
        }
        json.field("agreements", organization.agreements, omitEmpty: false) { agreement, json in
            json.beginObject()
            json.field("title", agreement.title)
            json.field("kind", agreement.kind)
            json.field("counterpart", agreement.counterpart)
            json.field("date", agreement.date?.description)
            json.field("sector", agreement.sector)
            json.field("organizations", agreement.organizations, omitEmpty: false)
            json.field("source", agreement.source)
            json.field("note", agreement.note)
            json.endObject()
        }
        json.field("facts", organization.facts, omitEmpty: false) { fact, json in
            json.beginObject()
            json.field("label", fact.label)
            json.field("value", fact.value)
            json.endObject()
        }
        json.field("sources", organization.sources, omitEmpty: false)
        json.endObject()
    }

    static func write(_ sector: Sector, into json: inout JSONWriter) {
        json.beginObject()
        json.field("id", sector.id)
        json.field("name", sector.name)
        json.key("bureau")
        json.beginObject()
        json.field("name", sector.bureau.name)
        json.field("abbreviation", sector.bureau.abbreviation)
        json.endObject()
        json.field("mandate", sector.mandate)
        json.field("predecessor", sector.predecessor)
        json.field("directors", sector.directors, omitEmpty: false) { director, json in
            json.beginObject()
            json.field("name", director.name)
            json.field("country", director.country)
            json.field("termStart", director.termStart?.description)
            json.field("termEnd", director.termEnd?.description)
            json.endObject()
        }
        json.field("studyGroups", sector.studyGroups, omitEmpty: false) { group, json in
            json.beginObject()
            json.field("id", group.id)
            json.field("title", group.title)
            json.endObject()
        }
        json.field("website", sector.website)
        json.field("sources", sector.sources, omitEmpty: false)
        json.endObject()
    }

    static func write(_ item: NewsItem, into json: inout JSONWriter) {
        json.beginObject()
        json.field("id", item.id)
        json.field("date", item.date.description)
        json.field("category", item.category)
        json.field("title", item.title)
        json.field("summary", item.summary)
        json.field("body", item.body)
        json.field("organizations", item.organizations, omitEmpty: false)
        json.field("sectors", item.sectors, omitEmpty: false)
        json.field("tags", item.tags, omitEmpty: false)
        json.field("source", item.source)
        json.endObject()
    }

    /// `{"id", "name"}`: how a document points at a related organization.
    static func reference(_ organization: Organization, into json: inout JSONWriter) {
        json.beginObject()
        json.field("id", organization.id)
        json.field("name", organization.name)
        json.endObject()
    }

    /// `{"id", "name"}`: how a document points at a related Sector.
    static func reference(_ sector: Sector, into json: inout JSONWriter) {
        json.beginObject()
        json.field("id", sector.id)
        json.field("name", sector.name)
        json.endObject()
    }

    /// `{"id", "date", "category", "title"}`: how a document points at a related news item.
    static func reference(_ item: NewsItem, into json: inout JSONWriter) {
        json.beginObject()
        json.field("id", item.id)
        json.field("date", item.date.description)
        json.field("category", item.category)
        json.field("title", item.title)
        json.endObject()
    }

}
