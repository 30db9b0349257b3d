import Catalog
import Screen

/// Builds the detail document of an organization, a Sector or a news item.
///
/// Related items are links. Long relations are capped (a Sector of a large corpus may have
/// tens of thousands of news items) with a dim "… and N more" line, so a detail opens at once.
enum DetailBuilder {
    static let maxNewsLinks = 50
    static let maxMembersPerCategory = 200

    /// `sectorNews` is needed for a Sector only; without it the Sector's news are found by a scan.
    /// `marks` (read, starred, note) show under the title of a news item or an organization.
    static func document(for target: DetailTarget, catalog: Catalog, sectorNews: SectorNews?, width: Int,
                         marks: ItemMarks = ItemMarks()) -> DetailDocument {
        var writer = DetailWriter(width: width)
        switch target {
        case .organization(let id):
            guard let org = catalog.organization(id: id) else { missing(id, into: &writer); break }
            organization(org, catalog: catalog, marks: marks, into: &writer)
        case .sector(let id):
            guard let sector = catalog.sector(id: id) else { missing(id, into: &writer); break }
            let news = (sectorNews ?? SectorNews(catalog: catalog)).news(of: sector.id, in: catalog)
            self.sector(sector, catalog: catalog, news: news, into: &writer)
        case .news(let id):
            guard let item = catalog.newsItem(id: id) else { missing(id, into: &writer); break }
            news(item, catalog: catalog, marks: marks, into: &writer)
        }
        return writer.document
    }

    private static func missing(_ id: String, into w: inout DetailWriter) {
        w.note("no item with id \"\(SafeText.sanitize(id))\"")
    }

    static func dates(_ since: PartialDate?, _ until: PartialDate?) -> String {
        switch (since, until) {
        case (nil, nil): return ""
        case (let s?, nil): return "since \(s.longDescription)"
        case (nil, let u?): return "until \(u.longDescription)"
        case (let s?, let u?): return "\(s.longDescription) – \(u.longDescription)"
        }
    }

    // MARK: Organization

    private static func organization(_ org: Organization, catalog: Catalog, marks: ItemMarks, into w: inout DetailWriter) {
        w.title(org.name)
        personal(marks, showsRead: false, into: &w)
        w.blank()
        w.field("Short name", org.shortName)
        w.field("Aliases", org.aliases.joined(separator: ", "))
        w.field("Kind", org.kind)
        w.field("Headquarters", org.headquarters.map { [$0.city, $0.country].compactMap { $0 }.joined(separator: ", ") })
        w.field("Founded", org.founded?.longDescription)
        w.field("Website", org.website)

        w.heading("Memberships", count: org.memberships.count)
        if org.memberships.isEmpty { w.notRecorded() }
        for membership in org.memberships {
            let sectorID = catalog.sector(id: membership.sector)?.id ?? membership.sector
            var rest = membership.category ?? "category not recorded"
            if !membership.labels.isEmpty { rest += " · " + membership.labels.joined(separator: " · ") }
            w.link(sectorID, to: .sector(sectorID), followedBy: rest)
            let indent = DisplayWidth.of(sectorID) + 2
            w.indented(membership.since.map { "since " + $0.longDescription } ?? "joined: not recorded", indent: indent, role: .date)
            if let notes = membership.notes, !notes.isEmpty { w.indented(notes, indent: indent, role: .dim) }
        }

        w.heading("People", count: org.people.isEmpty ? nil : org.people.count)
        if org.people.isEmpty { w.notRecorded() }
        for person in org.people {
            var text = "\(person.role): \(person.name)"
            let period = dates(person.since, person.until)
            if !period.isEmpty { text += " (\(period))" }
            w.indented(text)
            if let note = person.note, !note.isEmpty { w.indented(note, indent: 2, role: .dim) }
        }

        w.heading("Agreements", count: org.agreements.count)
        if org.agreements.isEmpty { w.notRecorded() }
        for agreement in org.agreements { self.agreement(agreement, catalog: catalog, into: &w) }

        w.heading("Member states", count: org.memberStates.isEmpty ? nil : org.memberStates.count)
        w.indented(org.memberStates.isEmpty ? nil : org.memberStates.joined(separator: ", "))

        w.heading("Facts")
        if org.facts.isEmpty { w.notRecorded() }
        for fact in org.facts { w.field(fact.label, fact.value) }

        w.heading("Summary")
        w.indented(org.summary)

        let news = catalog.news(about: org.id)
        w.heading("News", count: news.count)
        newsLinks(news, into: &w)

        w.heading("Sources")
        if org.sources.isEmpty { w.notRecorded() }
        for source in org.sources { w.indented(source) }
    }

    /// An agreement: its title, kind and counterpart, date, the Sector and the other parties
    /// as links, then its note and source.
    private static func agreement(_ agreement: Organization.Agreement, catalog: Catalog, into w: inout DetailWriter) {
        w.indented(agreement.title, role: .label)
        w.indented("\(agreement.kind) · with \(agreement.counterpart)", indent: 2)
        w.indented(agreement.date?.longDescription ?? "date: not recorded", indent: 2, role: .date)
        if let sector = agreement.sector.flatMap({ catalog.sector(id: $0) }) {
            w.link(sector.id, to: .sector(sector.id), indent: 2, prefix: [Span("Sector  ", .dim)], suffix: Span("  " + sector.name, .dim))
        }
        for party in agreement.organizations.compactMap({ catalog.organization(id: $0) }) {
            w.link(party.name, to: .organization(party.id), indent: 2, prefix: [Span("Party   ", .dim)])
        }
        if let note = agreement.note { w.indented(note, indent: 2, role: .dim) }
        if let source = agreement.source { w.indented(source, indent: 2, role: .dim) }
    }

    // MARK: Sector

    private static func sector(_ sector: Sector, catalog: Catalog, news: NewsList, into w: inout DetailWriter) {
        w.title("\(sector.id)  \(sector.name)")
        w.blank()
        w.field("Id", sector.id)
        w.field("Bureau", "\(sector.bureau.name) (\(sector.bureau.abbreviation))")
        w.field("Predecessor", sector.predecessor)
        w.field("Website", sector.website)

        w.heading("Mandate")
        w.indented(sector.mandate)

        w.heading("Directors", count: sector.directors.isEmpty ? nil : sector.directors.count)
        if sector.directors.isEmpty { w.notRecorded() }
        for director in sector.directors {
            var text = director.name
            if let country = director.country { text += " (\(country))" }
            let start = director.termStart?.longDescription ?? "?"
            let end = director.termEnd?.longDescription ?? "present"
            if director.termStart != nil || director.termEnd != nil { text += "  \(start) – \(end)" }
            w.indented(text)
        }

        w.heading("Study groups", count: sector.studyGroups.isEmpty ? nil : sector.studyGroups.count)
        if sector.studyGroups.isEmpty { w.notRecorded() }
        for group in sector.studyGroups { w.field(group.id, group.title) }

        let groups = catalog.membersByCategory(of: sector.id)
        w.heading("Members", count: groups.reduce(0) { $0 + $1.members.count })
        if groups.isEmpty { w.notRecorded() }
        for group in groups {
            w.blank()
            w.indented("\(group.category) (\(group.members.count))", role: .label)
            for org in group.members.prefix(maxMembersPerCategory) {
                let labels = org.membership(in: sector.id)?.labels ?? []
                w.link(org.name, to: .organization(org.id), indent: 2,
                       suffix: labels.isEmpty ? nil : Span("  · " + labels.joined(separator: " · "), .dim))
            }
            if group.members.count > maxMembersPerCategory {
                w.note("… and \(group.members.count - maxMembersPerCategory) more", indent: 2)
            }
        }

        w.heading("Recent news", count: news.count)
        newsLinks(news, into: &w)

        w.heading("Sources")
        if sector.sources.isEmpty { w.notRecorded() }
        for source in sector.sources { w.indented(source) }
    }

    // MARK: News

    private static func news(_ item: NewsItem, catalog: Catalog, marks: ItemMarks, into w: inout DetailWriter) {
        w.title(item.title)
        personal(marks, showsRead: true, into: &w)
        w.blank()
        w.field("Date", item.date.longDescription)
        w.field("Category", item.category)
        w.blank()
        let body = item.body.isEmpty ? item.summary : item.body
        w.indented(body.isEmpty ? nil : body)

        let orgs = catalog.organizations(of: item)
        w.heading("Organizations", count: orgs.isEmpty ? nil : orgs.count)
        if orgs.isEmpty { w.notRecorded() }
        for org in orgs { w.link(org.name, to: .organization(org.id)) }

        let sectors = catalog.sectors(of: item)
        w.heading("Sectors", count: sectors.isEmpty ? nil : sectors.count)
        if sectors.isEmpty { w.notRecorded() }
        for sector in sectors { w.link(sector.id, to: .sector(sector.id), suffix: Span("  " + sector.name, .dim)) }

        w.blank()
        w.field("Tags", item.tags.joined(separator: ", "))
        w.field("Source", item.source)
    }

    /// What the person recorded: `● unread` (news), `★ starred`, and their note under a heading.
    private static func personal(_ marks: ItemMarks, showsRead: Bool, into w: inout DetailWriter) {
        var spans: [Span] = []
        if showsRead { spans.append(marks.isRead ? Span("read", .dim) : Span("● unread", .unread)) }
        if marks.isStarred { spans.append(Span("★ starred", .star)) }
        if !spans.isEmpty {
            w.blank()
            w.line(spans, separator: Span(" · ", .dim))
        }
        if let note = marks.note {
            w.heading("Note")
            for line in note.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init) {
                if line.allSatisfy(\.isWhitespace) { w.blank() } else { w.indented(line) }
            }
        }
    }

    private static func newsLinks(_ news: some RandomAccessCollection<NewsItem>, into w: inout DetailWriter) {
        if news.isEmpty { w.notRecorded() }
        for item in news.prefix(maxNewsLinks) {
            w.link(item.title, to: .news(item.id), prefix: [Span(item.date.description + "  ", .date)])
        }
        if news.count > maxNewsLinks { w.note("… and \(news.count - maxNewsLinks) more") }
    }
}
