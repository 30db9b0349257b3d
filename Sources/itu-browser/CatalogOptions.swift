import ArgumentParser
import Catalog

/// The `--fixtures DIR` option every command shares, and the loading of the catalog from it.
struct CatalogOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The fixtures folder to read (default: $ITU_BROWSER_FIXTURES, else the config's [data] fixtures, else $XDG_DATA_HOME/itu-browser/fixtures, else the bundled fixtures/).",
        valueName: "DIR"))
    var fixtures: String?

    /// The fixtures folder this invocation reads.
    func location() throws(CommandFailure) -> FixturesLocator.Location {
        var locator = FixturesLocator(explicitPath: fixtures)
        if fixtures == nil && (locator.environment[FixturesLocator.environmentVariable] ?? "").isEmpty {
            locator.configured = try ConfigLoading().load().fixtures
        }
        return try locator.locate()
    }

    /// Loads the catalog. Errors in the data end the command with every problem listed and exit
    /// status 65; warnings alone only earn a one-line note on standard error.
    func loadCatalog() throws(CommandFailure) -> Catalog {
        try loadCatalogCountingWarnings().catalog
    }

    /// `loadCatalog`, with how many warnings the data gave; `notingWarnings: false` leaves out
    /// the note (given already, from a snapshot of the same data).
    func loadCatalogCountingWarnings(notingWarnings: Bool = true) throws(CommandFailure) -> (catalog: Catalog, warningCount: Int) {
        let location = try location()
        let result = FixtureLoader.load(directory: location.path)
        let folder = FolderName.display(location.path)
        guard let catalog = result.catalog, result.errors.isEmpty else {
            throw CommandFailure(
                "\(Plural.count(result.errors.count, "error")) in \(folder); the data cannot be used",
                status: ExitStatus.invalidData,
                details: result.problems.map(\.description))
        }
        if notingWarnings { CatalogOptions.noteWarnings(result.warnings.count, location: location) }
        return (catalog, result.warnings.count)
    }

    /// The one-line note on standard error for data that loaded with warnings.
    static func noteWarnings(_ count: Int, location: FixturesLocator.Location) {
        guard count > 0 else { return }
        Console.error("itu-browser: \(Plural.count(count, "warning")) in \(FolderName.display(location.path)) "
            + "(see: itu-browser validate \(location.path))")
    }
}

/// How folders are named in messages: with a trailing slash, as in `fixtures/`.
enum FolderName {
    static func display(_ path: String) -> String { path.hasSuffix("/") ? path : path + "/" }
}

/// Counted nouns: "1 error", "2 errors".
enum Plural {
    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
    }
}
