import Catalog

/// Starts the interactive browser on a loaded catalog.
///
/// A stand-in until the browser is wired in: the lead replaces this file.
enum BrowseLauncher {
    static func run(catalog: Catalog, open: String?, query: String?) throws {
        Console.write("The interactive browser is not wired in yet; try: itu-browser list news")
    }
}
