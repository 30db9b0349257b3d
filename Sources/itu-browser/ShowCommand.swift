import ArgumentParser
import Catalog
import UserState

/// `itu-browser show ID`: one organization, Sector or news item with everything related to it.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show an organization, a Sector or a news item in full.",
        discussion: """
            ID is an id, or an organization's short name or alias, in any case: show intersputnik, \
            show itu-r, show Интерспутник. News items and organizations end with what you \
            recorded: read, starred, note.
            """
    )

    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var cacheOptions: CacheOptions

    @Argument(help: "The id, short name or alias of the item.")
    var id: String

    @Option(help: "Output format: text or json.")
    var format: DetailFormat = .text

    func run() throws {
        try SnapshotCache(catalogOptions: catalogOptions, cacheOptions: cacheOptions).answer(with: show)
    }

    /// What to print, made in full before anything is printed (so damage met in a snapshot
    /// while reading the items shown is known first).
    private func show(_ catalog: Catalog) throws -> () -> Void {
        guard let item = catalog.item(id: id) else { throw Self.notFound(id, in: catalog) }
        let key = Self.stateKey(of: item)
        let state = try key.map { key throws(CommandFailure) in try UserStateAccess.recordedStates()[key] ?? ItemState() }
        switch format {
        case .json:
            var json = JSONWriter(prettyPrinted: true)
            CatalogJSON.show(item, catalog: catalog, into: &json) { json in
                if let state { StateText.write(state, into: &json) }
            }
            return { JSONOutput.flush(&json) }
        case .text:
            let width = Console.width
            var lines: [String]
            switch item {
            case .organization(let organization): lines = ShowText.organization(organization, catalog: catalog, width: width)
            case .sector(let sector): lines = ShowText.sector(sector, catalog: catalog, width: width)
            case .news(let news): lines = ShowText.news(news, catalog: catalog, width: width)
            }
            if let state { lines += StateText.lines(state, width: width) }
            return { for line in lines { Console.write(line) } }
        }
    }

    /// The key of an item's state; Sectors have none.
    static func stateKey(of item: CatalogItem) -> ItemKey? {
        switch item {
        case .news(let news): return ItemKey(.news, news.id)
        case .organization(let organization): return ItemKey(.organization, organization.id)
        case .sector: return nil
        }
    }

    /// The failure for an unknown id, suggesting the nearest known name within two edits.
    static func notFound(_ id: String, in catalog: Catalog) -> CommandFailure {
        var names = catalog.sectors.map(\.id)
        for organization in catalog.organizations {
            names.append(organization.id)
            if let shortName = organization.shortName { names.append(shortName) }
            names += organization.aliases
        }
        names += catalog.news.ids
        var message = "no organization, Sector or news item with id \"\(id)\""
        if let suggestion = Suggestions.closest(to: id, in: names) { message += " (did you mean \"\(suggestion)\"?)" }
        return CommandFailure(message + "; valid Sectors: " + catalog.sectors.map(\.id).joined(separator: ", ")
            + "; organizations and news items are listed by itu-browser list orgs and itu-browser list news")
    }
}
