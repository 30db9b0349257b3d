import Catalog
import Screen

/// The text `show` prints for each kind of item, fitted to a width.
enum ShowText {
    /// How many of a Sector's news items its page lists.
    static let sectorNewsShown = 5

    static func organization(_ organization: Organization, catalog: Catalog, width: Int) -> [String] {
        var text = DetailText(width: width)
        text.title(organization.name)
        text.field("ID", organization.id)
        text.field("Short name", organization.shortName)
        text.field("Also known as", organization.aliases.joined(separator: ", "))
        text.field("Kind", organization.kind)
        text.field("Headquarters", organization.headquarters.map(place))
        text.field("Founded", organization.founded?.description)
        text.field("Website", organization.website, wrap: false)

        text.section("Summary")
        text.paragraph(organization.summary)

        text.section("ITU memberships", count: organization.memberships.count)
        if organization.memberships.isEmpty { text.line(DetailText.notRecorded) }
        for membership in organization.memberships {
            let sectorName = catalog.sector(id: membership.sector)?.name
            text.hanging("  " + DetailText.clean(membership.sector) + "  ", sectorName ?? "")
            text.field("Category", membership.category, indent: 4)
            text.field("Since", membership.since?.description, indent: 4)
            text.field("Labels", membership.labels.joined(separator: ", "), indent: 4)
            if let notes = membership.notes { text.field("Notes", notes, indent: 4) }
        }

        text.section("People", count: organization.people.count)
        if organization.people.isEmpty { text.line(DetailText.notRecorded) }
        for person in organization.people {
            var line = "\(person.role): \(person.name)"
            if let term = term(from: person.since, to: person.until) { line += " (\(term))" }
            if let note = person.note { line += " — " + note }
            text.line(line)
        }

        text.section("Agreements", count: organization.agreements.count)
        if organization.agreements.isEmpty { text.line(DetailText.notRecorded) }
        for agreement in organization.agreements {
            text.line(agreement.title)
            text.field("Kind", agreement.kind, indent: 4)
            text.field("With", agreement.counterpart, indent: 4)
            text.field("Date", agreement.date?.description, indent: 4)
            if let sector = agreement.sector {
                text.field("Sector", catalog.sector(id: sector).map { "\($0.id) (\($0.name))" } ?? sector, indent: 4)
            }
            if !agreement.organizations.isEmpty {
                let parties = agreement.organizations.map { reference in
                    catalog.organization(id: reference).map { "\($0.displayName) (\($0.id))" } ?? reference
                }
                text.field("Parties", parties.joined(separator: ", "), indent: 4)
            }
            if let note = agreement.note { text.field("Note", note, indent: 4) }
            text.field("Source", agreement.source, indent: 4, wrap: false)
        }

        text.section("Member states", count: organization.memberStates.count)
        text.paragraph(organization.memberStates.joined(separator: ", "))

        text.section("Facts")
        if organization.facts.isEmpty { text.line(DetailText.notRecorded) }
        for fact in organization.facts { text.line("\(fact.label): \(fact.value)") }

        let news = catalog.news(about: organization.id)
        text.section("News mentioning \(organization.displayName)", count: news.count)
        if news.isEmpty { text.line("none in this catalog") }
        for item in news { newsLine(item, into: &text) }

        text.section("Sources")
        if organization.sources.isEmpty { text.line(DetailText.notRecorded) }
        for source in organization.sources { text.unwrapped(source) }
        return text.lines
    }

    static func sector(_ sector: Sector, catalog: Catalog, width: Int) -> [String] {
        var text = DetailText(width: width)
        text.title("\(sector.id) — \(sector.name)")
        text.field("ID", sector.id)
        text.field("Bureau", "\(sector.bureau.name) (\(sector.bureau.abbreviation))")
        text.field("Predecessor", sector.predecessor)
        text.field("Website", sector.website, wrap: false)

        text.section("Mandate")
        text.paragraph(sector.mandate)

        text.section("Directors", count: sector.directors.count)
        if sector.directors.isEmpty { text.line(DetailText.notRecorded) }
        for director in sector.directors {
            var line = director.name
            if let country = director.country { line += " (\(country))" }
            line += ", " + (term(from: director.termStart, to: director.termEnd) ?? "term not recorded")
            text.line(line)
        }

        text.section("Study groups", count: sector.studyGroups.count)
        if sector.studyGroups.isEmpty { text.line(DetailText.notRecorded) }
        let groupIDWidth = sector.studyGroups.map { DisplayWidth.of(DetailText.clean($0.id)) }.max() ?? 0
        for group in sector.studyGroups {
            text.hanging("  " + TextLayout.pad(DetailText.clean(group.id), to: groupIDWidth) + "  ", group.title)
        }

        let groups = catalog.membersByCategory(of: sector.id)
        text.section("Members by category", count: groups.reduce(0) { $0 + $1.members.count })
        if groups.isEmpty { text.line("none in this catalog") }
        for group in groups {
            text.line("\(group.category) (\(group.members.count))")
            let idWidth = group.members.map { DisplayWidth.of(DetailText.clean($0.id)) }.max() ?? 0
            for member in group.members {
                text.hanging("    " + TextLayout.pad(DetailText.clean(member.id), to: idWidth) + "  ", member.name)
            }
        }

        let news = catalog.news(inSector: sector.id)
        let shown = news.prefix(sectorNewsShown)
        text.section(news.count > shown.count ? "News, latest \(shown.count) of \(news.count)" : "News", count: news.count > shown.count ? nil : news.count)
        if news.isEmpty { text.line("none in this catalog") }
        for item in shown { newsLine(item, into: &text) }
        if news.count > shown.count { text.line("all of them: itu-browser list news --sector \(sector.id)") }
        return text.lines
    }

    static func news(_ item: NewsItem, catalog: Catalog, width: Int) -> [String] {
        var text = DetailText(width: width)
        text.title(item.title)
        text.field("ID", item.id)
        text.field("Date", "\(item.date.longDescription) (\(item.date))")
        text.field("Category", item.category)

        text.blank()
        text.paragraph(item.body)

        let organizations = catalog.organizations(of: item)
        text.section("Organizations", count: organizations.count)
        if organizations.isEmpty { text.line("none") }
        for organization in organizations { text.line("\(organization.name) (\(organization.id))") }

        let sectors = catalog.sectors(of: item)
        text.section("Sectors", count: sectors.count)
        if sectors.isEmpty { text.line("none") }
        for sector in sectors { text.line("\(sector.name) (\(sector.id))") }

        text.blank()
        text.field("Tags", item.tags.joined(separator: ", "))
        text.field("Source", item.source, wrap: false)
        return text.lines
    }

    /// A news item as two lines: date and title, then its id under the title.
    private static func newsLine(_ item: NewsItem, into text: inout DetailText) {
        let date = TextLayout.pad(item.date.description, to: 10) + "  "
        text.hanging("  " + date, item.title)
        text.hanging("  " + String(repeating: " ", count: DisplayWidth.of(date)), "id: " + item.id)
    }

    private static func place(_ place: Organization.Place) -> String {
        [place.city, place.country].compactMap { $0 }.joined(separator: ", ")
    }

    /// "since 2021", "2015-01-01 – 2022-12-31", "until 2020", or nil when neither end is known.
    private static func term(from start: PartialDate?, to end: PartialDate?) -> String? {
        switch (start, end) {
        case let (start?, end?): return "\(start) – \(end)"
        case let (start?, nil): return "since \(start)"
        case let (nil, end?): return "until \(end)"
        case (nil, nil): return nil
        }
    }
}
