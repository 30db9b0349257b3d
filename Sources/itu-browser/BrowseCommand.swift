import ArgumentParser

/// `itu-browser browse` (also `itu-browser` alone): the interactive terminal browser.
struct BrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Open the interactive browser (the default command)."
    )

    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var cacheOptions: CacheOptions

    @Option(help: ArgumentHelp("Open this organization, Sector or news item first.", valueName: "ID"))
    var open: String?

    @Option(help: ArgumentHelp("Start with this search query.", valueName: "QUERY"))
    var query: String?

    func run() throws {
        let snapshot = try SnapshotCache(catalogOptions: catalogOptions, cacheOptions: cacheOptions.quiet).deferred()
        let (catalog, warningCount) = try catalogOptions.loadCatalogCountingWarnings()
        try BrowseLauncher.run(catalog: catalog, open: open, query: query) {
            snapshot.searchIndex(catalog: catalog, warningCount: warningCount)
        }
    }
}
