import Catalog
import Dispatch
import TextSearch

/// What goes into the search index for each catalog item: the fields, facets and date.
///
/// - News: title, summary, body; tags and category as `tags`; the names (name, short name,
///   aliases) of the linked organizations and the linked Sectors (id and name) as `names`.
/// - Organizations: name as `title`, short name and aliases as `names`, summary; people with
///   their roles, headquarters, memberships (Sector, category, labels), agreements (title,
///   kind, counterpart, note), facts and member states as `body`; kind and membership labels as `tags`.
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

    /// The catalog's items in index order (news, organizations, Sectors): their entries, and
    /// their documents made on demand, so that the index makes the many news documents in
    /// parallel while it analyzes them.
    struct Source: Sendable {
        let entries: [Entry]
        private let news: CatalogNews
        private let links: NewsLinks
        /// Organizations and Sectors, few enough to be made up front.
        private let others: [Document]

        init(_ catalog: Catalog) {
            // The links and the rest are independent: they are made on two threads.
            let links = ResultBox<NewsLinks>()
            let rest = ResultBox<(entries: [Entry], others: [Document])>()
            DispatchQueue.concurrentPerform(iterations: 2) { part in
                if part == 0 {
                    links.value = NewsLinks(catalog)
                } else {
                    rest.value = Source.entriesAndOthers(catalog)
                }
            }
            self.news = catalog.news
            self.links = links.value ?? NewsLinks(catalog)
            (self.entries, self.others) = rest.value ?? Source.entriesAndOthers(catalog)
        }

        private static func entriesAndOthers(_ catalog: Catalog) -> (entries: [Entry], others: [Document]) {
            var entries: [Entry] = []
            entries.reserveCapacity(catalog.news.count + catalog.organizations.count + catalog.sectors.count)
            var others: [Document] = []
            for item in catalog.news {
                entries.append(Entry(type: .news, id: item.id, title: item.title, date: item.date))
            }
            for organization in catalog.organizations {
                others.append(CatalogDocuments.organization(organization))
                entries.append(Entry(type: .organization, id: organization.id, title: organization.name, date: nil))
            }
            for sector in catalog.sectors {
                others.append(CatalogDocuments.sector(sector))
                entries.append(Entry(type: .sector, id: sector.id, title: sector.name, date: nil))
            }
            return (entries, others)
        }

        var count: Int { entries.count }

        /// The document of item `i`, in the order of `entries`.
        func document(_ i: Int) -> Document {
            i < news.count ? CatalogDocuments.news(news[i], links: links) : others[i - news.count]
        }
    }

    static func lines(_ parts: [String?]) -> String {
        parts.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    static func names(of organization: Organization) -> [String] {
        [organization.name] + [organization.shortName].compactMap { $0 } + organization.aliases
    }

    /// Appends `part` to `text` as a new line, as `lines` joins parts (empty parts skipped).
    static func appendLine(_ part: String, to text: inout String) {
        guard !part.isEmpty else { return }
        if !text.isEmpty { text += "\n" }
        text += part
    }

    static func news(_ item: NewsItem, links: NewsLinks) -> Document {
        var names = ""
        var organizationIDs: [String] = []
        for reference in item.organizations {
            guard let organization = links.organizations[reference] else { continue }
            appendLine(organization.lines, to: &names)
            organizationIDs.append(organization.id)
        }
        var sectorIDs: [String] = []
        for reference in item.sectors {
            guard let sector = links.sectors[reference] else { continue }
            appendLine(sector.id, to: &names)
            appendLine(sector.name, to: &names)
            sectorIDs.append(sector.id)
        }
        var tags = ""
        for tag in item.tags { appendLine(tag, to: &tags) }
        appendLine(item.category, to: &tags)
        return Document(
            id: "news/" + item.id,
            fields: [
                "title": item.title,
                "summary": item.summary,
                "body": item.body,
                "tags": tags,
                "names": names,
            ],
            facets: [
                "type": [SearchItemType.news.rawValue],
                "sector": sectorIDs,
                "org": organizationIDs,
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
        for agreement in organization.agreements {
            body.append(([agreement.title, agreement.kind, agreement.counterpart] + [agreement.note].compactMap { $0 }).joined(separator: ", "))
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

/// The organizations and Sectors news items link to, resolved once per distinct reference
/// (as `Catalog.organizations(of:)` and `sectors(of:)` would), keeping only what a news
/// document needs from them.
struct NewsLinks: Sendable {
    struct Linked: Sendable {
        var id: String
        var name: String
        /// An organization's name, short name and aliases as `lines` joins them ("" for a Sector).
        var lines: String
    }

    /// Reference as written in a news item → the organization it resolves to.
    private(set) var organizations: [String: Linked] = [:]
    /// Reference as written in a news item → the Sector it resolves to.
    private(set) var sectors: [String: Linked] = [:]

    init(_ catalog: Catalog) {
        var seenOrganizations: Set<String> = []
        var seenSectors: Set<String> = []
        for item in catalog.news {
            for reference in item.organizations where seenOrganizations.insert(reference).inserted {
                guard let organization = catalog.organization(id: reference) else { continue }
                organizations[reference] = Linked(id: organization.id, name: organization.name,
                                                  lines: CatalogDocuments.lines(CatalogDocuments.names(of: organization)))
            }
            for reference in item.sectors where seenSectors.insert(reference).inserted {
                guard let sector = catalog.sector(id: reference) else { continue }
                sectors[reference] = Linked(id: sector.id, name: sector.name, lines: "")
            }
        }
    }
}

/// A value computed by one iteration of `concurrentPerform` and read after it returns (which
/// orders the write before the read); no two iterations share a box.
private final class ResultBox<Value>: @unchecked Sendable {
    var value: Value?
}
