import ArgumentParser

/// `itu-browser browse` (also `itu-browser` alone): the interactive terminal browser.
struct BrowseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "browse",
        abstract: "Open the interactive browser (the default command)."
    )

    @OptionGroup var catalogOptions: CatalogOptions

    @Option(help: ArgumentHelp("Open this organization, Sector or news item first.", valueName: "ID"))
    var open: String?

    @Option(help: ArgumentHelp("Start with this search query.", valueName: "QUERY"))
    var query: String?

    func run() throws {
        let settings = try ConfigLoading().load()
        let catalog = try catalogOptions.loadCatalog()
        try BrowseLauncher.run(catalog: catalog, open: open, query: query, keys: settings.keys, colors: settings.colors)
    }
}
