import ArgumentParser
import Catalog

/// `itu-browser validate [DIR]`: checks a fixtures folder and lists every problem in it.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a fixtures folder and list every problem in it.",
        discussion: "Prints each problem on its own line, then a summary. Exit status 65 when there are errors, 0 otherwise (warnings alone pass)."
    )

    @OptionGroup var catalogOptions: CatalogOptions

    @Argument(help: ArgumentHelp("The fixtures folder (default: as for --fixtures).", valueName: "DIR"))
    var directory: String?

    func run() throws {
        let location = try directory.map { FixturesLocator(explicitPath: $0, explicitSource: nil) }?.locate()
            ?? catalogOptions.location()
        let result = FixtureLoader.load(directory: location.path)
        for problem in result.problems { Console.write(problem.description) }
        let folder = FolderName.display(location.path)
        let errors = result.errors.count
        let warnings = result.warnings.count
        guard errors == 0, let catalog = result.catalog else {
            var summary = Plural.count(errors, "error")
            if warnings > 0 { summary += ", " + Plural.count(warnings, "warning") }
            Console.write("\(summary) in \(folder)")
            throw ExitCode(ExitStatus.invalidData)
        }
        var summary = "\(folder): OK — " + Plural.count(catalog.sectors.count, "Sector") + ", "
            + Plural.count(catalog.organizations.count, "organization") + ", "
            + Plural.count(catalog.news.count, "news item")
        if warnings > 0 { summary += " (\(Plural.count(warnings, "warning")))" }
        Console.write(summary)
    }
}
