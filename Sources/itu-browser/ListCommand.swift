import ArgumentParser
import Catalog
import UserState

/// `itu-browser list orgs|sectors|news`: the catalog's items as an aligned table or as JSON.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List organizations, Sectors or news items.",
        discussion: """
            Filters: --sector (orgs, news), --kind (orgs), --category, --org, --since, --until (news), \
            --unread and --starred (orgs, news; from the state database). \
            Tables fit $COLUMNS, else the terminal, else 100 columns; JSON is never cut.
            """
    )

    /// What `list` lists.
    enum Subject: String, CaseIterable, ExpressibleByArgument {
        case orgs, sectors, news
    }

    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var cacheOptions: CacheOptions

    @Argument(help: "What to list: orgs, sectors or news.")
    var subject: Subject

    @Option(help: ArgumentHelp("Only items of this Sector (ITU-R, ITU-T, ITU-D).", valueName: "ID"))
    var sector: String?

    @Option(name: .customLong("kind"), help: ArgumentHelp("Only organizations of this kind.", valueName: "KIND"))
    var organizationKind: String?

    @Option(help: ArgumentHelp("Only news of this category.", valueName: "CATEGORY"))
    var category: String?

    @Option(name: .customLong("org"), help: ArgumentHelp("Only news about this organization (id, short name or alias).", valueName: "ID"))
    var organization: String?

    @Option(help: ArgumentHelp("Only news on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "DATE"))
    var since: String?

    @Option(help: ArgumentHelp("Only news on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "DATE"))
    var until: String?

    @Flag(help: "Only items you have not read (orgs, news).")
    var unread = false

    @Flag(help: "Only items you starred (orgs, news).")
    var starred = false

    @Option(help: ArgumentHelp("At most N items.", valueName: "N"))
    var limit: Int?

    @Option(help: "Output format: table or json.")
    var format: TableFormat = .table

    func run() throws {
        try checkFiltersFit()
        if let limit, limit < 1 { throw CommandFailure("--limit must be a positive number, not \(limit)") }
        try SnapshotCache(catalogOptions: catalogOptions, cacheOptions: cacheOptions).answer(with: list)
    }

    /// What to print, with every item shown already read from the catalog (so damage met in a
    /// snapshot while reading them is known before anything is printed).
    private func list(_ catalog: Catalog) throws -> () -> Void {
        let values = FilterValues(catalog: catalog)
        let states = unread || starred ? try UserStateAccess.recordedStates() : [:]
        func marked(_ kind: ItemKind, _ id: String) -> Bool {
            let state = states[ItemKey(kind, id)] ?? ItemState()
            return (!unread || !state.isRead) && (!starred || state.isStarred)
        }
        switch subject {
        case .orgs:
            let organizations = catalog.organizations(
                inSector: try sector.map(values.sectorID), kind: try organizationKind.map(values.kind))
                .filter { marked(.organization, $0.id) }
            return emitter(limited(organizations), noun: "organizations",
                 json: { items, json in CatalogJSON.list("organization", items, into: &json, writeItem: CatalogJSON.write, afterEachItem: JSONOutput.flushIfLarge) },
                 table: { ListTables.organizations($0, catalog: catalog) })
        case .sectors:
            return emitter(limited(catalog.sectors), noun: "Sectors",
                 json: { items, json in CatalogJSON.list("sector", items, into: &json, writeItem: CatalogJSON.write, afterEachItem: JSONOutput.flushIfLarge) },
                 table: { ListTables.sectors($0, catalog: catalog) })
        case .news:
            let sinceDate = try since.map { text throws(CommandFailure) in try FilterValues.date(text, option: "--since") }
            let untilDate = try until.map { text throws(CommandFailure) in try FilterValues.date(text, option: "--until") }
            if let sinceDate, let untilDate, sinceDate.earliestKey > untilDate.latestKey {
                throw CommandFailure("--since \(sinceDate) is after --until \(untilDate)")
            }
            var news = catalog.news(
                inSector: try sector.map(values.sectorID), about: try organization.map(values.organizationID),
                category: try category.map(values.category), since: sinceDate, until: untilDate)
            if unread || starred { news = news.selecting { marked(.news, news.id(at: $0)) } }
            return emitter(limited(news), noun: "news items",
                 json: { items, json in CatalogJSON.list("news", items, into: &json, writeItem: CatalogJSON.write, afterEachItem: JSONOutput.flushIfLarge) },
                 table: { ListTables.news($0) })
        }
    }

    /// Rejects filters that do not apply to the subject, naming where they do apply.
    private func checkFiltersFit() throws(CommandFailure) {
        let given: [(option: String, isSet: Bool, subjects: [Subject])] = [
            ("--sector", sector != nil, [.orgs, .news]),
            ("--kind", organizationKind != nil, [.orgs]),
            ("--category", category != nil, [.news]),
            ("--org", organization != nil, [.news]),
            ("--since", since != nil, [.news]),
            ("--until", until != nil, [.news]),
            ("--unread", unread, [.orgs, .news]),
            ("--starred", starred, [.orgs, .news]),
        ]
        for filter in given where filter.isSet && !filter.subjects.contains(subject) {
            let applies = filter.subjects.map { "list \($0.rawValue)" }.joined(separator: " and ")
            throw CommandFailure("\(filter.option) does not apply to list \(subject.rawValue); it filters \(applies)")
        }
    }

    /// The first `--limit` items, read.
    private func limited<Items: Collection>(_ items: Items) -> [Items.Element] {
        guard let limit else { return Array(items) }
        return Array(items.prefix(limit))
    }

    private func emitter<Item>(_ items: [Item], noun: String, json: @escaping ([Item], inout JSONWriter) -> Void,
                               table: ([Item]) -> Table) -> () -> Void {
        switch format {
        case .json:
            return { JSONOutput.write { json(items, &$0) } }
        case .table:
            let lines = table(items).lines(width: Console.width)
            return {
                for line in lines { Console.write(line) }
                if items.isEmpty { Console.error("itu-browser: no \(noun) match") }
            }
        }
    }
}
