import Catalog
import TextSearch

/// What goes into the search index for each catalog item: the fields, facets and date.
///
/// - News: title, summary, body; tags and category as `tags`; the names (name, short name,
///   aliases) of the linked organizations and the linked Sectors (id and name) as `names`.
/// - Organizations: name as `title`, short name and aliases as `names`, summary; people with
///   their roles, headquarters, memberships (Sector, category, labels), facts and member
///   states as `body`; kind and membership labels as `tags`.
/// - Sectors: name as `title`; id, bureau name and abbreviation as `names`; mandate as
///   `summary`; directors, study groups and predecessor as `body`.
///
/// Facets: `type`; `sector` (a news item's Sectors, an organization's memberships, a Sector
/// itself); `org` (a news item's organizations, an organization itself); `category` (news);
/// `kind` (organizations); `year` (news). Dates: news only, unknown parts as 01.
enum CatalogDocuments {
    static let schema = IndexSchema(
        fields: [
            FieldDefinition(name: "title", weight: 3.0),
            FieldDefinition(name: "summary", weight: 1.5),
            FieldDefinition(name: "body", weight: 1.0),
            FieldDefinition(name: "tags", weight: 2.0),
            FieldDefinition(name: "names", weight: 3.0),
        ],
        facets: ["sector", "org", "category", "kind", "type", "year"],
        facetAliases: ["organization": "org", "organisation": "org", "sectors": "sector", "orgs": "org"],
        snippetField: "body"
    )

    /// One indexed item: what the index needs and what a hit shows.
    struct Entry: Sendable {
        var type: SearchItemType
        var id: String
        var title: String
        var date: PartialDate?
    }

    static func make(_ catalog: Catalog) -> (documents: [Document], entries: [Entry]) {
        var documents: [Document] = []
        var entries: [Entry] = []
        documents.reserveCapacity(catalog.news.count + catalog.organizations.count + catalog.sectors.count)
        entries.reserveCapacity(documents.capacity)
        for item in catalog.news {
            documents.append(news(item, catalog: catalog))
            entries.append(Entry(type: .news, id: item.id, title: item.title, date: item.date))
        }
        for organization in catalog.organizations {
            documents.append(self.organization(organization))
            entries.append(Entry(type: .organization, id: organization.id, title: organization.name, date: nil))
        }
        for sector in catalog.sectors {
            documents.append(self.sector(sector))
            entries.append(Entry(type: .sector, id: sector.id, title: sector.name, date: nil))
        }
        return (documents, entries)
    }

    private static func lines(_ parts: [String?]) -> String {
        parts.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    static func names(of organization: Organization) -> [String] {
        [organization.name] + [organization.shortName].compactMap { $0 } + organization.aliases
    }

    static func news(_ item: NewsItem, catalog: Catalog) -> Document {
        let organizations = catalog.organizations(of: item)
        let sectors = catalog.sectors(of: item)
        var names = organizations.flatMap(names(of:))
        names += sectors.flatMap { [$0.id, $0.name] }
        return Document(
            id: "news/" + item.id,
            fields: [
                "title": item.title,
                "summary": item.summary,
                "body": item.body,
                "tags": lines(item.tags + [item.category]),
                "names": lines(names),
            ],
            facets: [
                "type": [SearchItemType.news.rawValue],
                "sector": sectors.map(\.id),
                "org": organizations.map(\.id),
                "category": [item.category],
                "year": [String(item.date.year)],
            ],
            date: item.date.earliestKey
        )
    }

    static func organization(_ organization: Organization) -> Document {
        var body: [String?] = organization.people.map { "\($0.name), \($0.role)" }
        if let place = organization.headquarters {
            body.append("Headquarters: " + [place.city, place.country].compactMap { $0 }.joined(separator: ", "))
        }
        for membership in organization.memberships {
            body.append(([membership.sector, membership.category].compactMap { $0 } + membership.labels).joined(separator: ", "))
        }
        body += organization.facts.map { "\($0.label): \($0.value)" }
        if !organization.memberStates.isEmpty { body.append("Member states: " + organization.memberStates.joined(separator: ", ")) }
        return Document(
            id: "organization/" + organization.id,
            fields: [
                "title": organization.name,
                "names": lines([organization.shortName] + organization.aliases),
                "summary": organization.summary ?? "",
                "body": lines(body),
                "tags": lines([organization.kind] + organization.memberships.flatMap(\.labels)),
            ],
            facets: [
                "type": [SearchItemType.organization.rawValue],
                "sector": organization.memberships.map(\.sector),
                "org": [organization.id],
                "kind": [organization.kind],
            ],
            date: nil
        )
    }

    static func sector(_ sector: Sector) -> Document {
        var body: [String?] = sector.directors.map { director in
            [director.name, director.country].compactMap { $0 }.joined(separator: ", ")
        }
        body += sector.studyGroups.map { "\($0.id) \($0.title)" }
        body.append(sector.predecessor)
        return Document(
            id: "sector/" + sector.id,
            fields: [
                "title": sector.name,
                "names": lines([sector.id, sector.bureau.name, sector.bureau.abbreviation]),
                "summary": sector.mandate,
                "body": lines(body),
            ],
            facets: [
                "type": [SearchItemType.sector.rawValue],
                "sector": [sector.id],
            ],
            date: nil
        )
    }
}
