import ArgumentParser
import Foundation

/// `itu-browser browse` (also `itu-browser` alone): the interactive terminal browser.
struct BrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Open the interactive browser (the default command)."
    )

    @OptionGroup var catalogOptions: CatalogOptions
    @Flag(name: .customLong("no-cache"), help: CacheOptions.noCacheHelp)
    var noCache = false

    @Option(help: ArgumentHelp("Open this organization, Sector or news item first.", valueName: "ID"))
    var open: String?

    @Option(help: ArgumentHelp("Start with this search query.", valueName: "QUERY"))
    var query: String?

    func run() throws {
        let settings = try ConfigLoading().load()
        let cacheOptions = try CacheOptions.parse(noCache ? ["--no-cache"] : [])
        let cache = SnapshotCache(catalogOptions: catalogOptions, cacheOptions: cacheOptions)
        let snapshot = try cache.deferred()
        // A valid snapshot gives the catalog at once (its index follows from another thread,
        // see `BrowseLauncher`); else the fixtures are loaded.
        let opened = try cache.openedCatalog()
        let (catalog, warningCount) = try opened.map { ($0.catalog, $0.warningCount) } ?? catalogOptions.loadCatalogCountingWarnings()
        let fixtures = try catalogOptions.location().path
        let storage = StateStoreMarks.open(environment: ProcessInfo.processInfo.environment)
        try BrowseLauncher.run(catalog: catalog, options: .init(
            open: open, query: query, fixtures: fixtures, snapshot: snapshot, warningCount: warningCount,
            storage: storage, openCommand: settings.config.openCommand?.value, keys: settings.keys, colors: settings.colors))
    }
}
