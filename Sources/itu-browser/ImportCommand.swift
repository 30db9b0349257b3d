import ArgumentParser
import Catalog
import Import

/// `itu-browser import SOURCE...`: adds announcements from press releases, web pages and feeds
/// to the fixtures, linked to the catalog, through the one fixtures writer.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import news from press releases, web pages and RSS/Atom feeds into the fixtures.",
        discussion: """
            SOURCE is a file, - for standard input, or an http(s):// address (15 s timeout, \
            10 MB cap, at most 5 redirects). Items are linked to the catalog's organizations, \
            Sectors and people; an item from a source or guid already imported is unchanged \
            (updated with --replace), and a near duplicate is not added unless --force.

            Exit status: 0 imported (dry runs too), 65 a source is invalid (nothing is written), \
            1 usage error or a source cannot be reached.
            """
    )

    /// `--as`: the format of the sources.
    enum SourceFormat: String, CaseIterable, ExpressibleByArgument {
        case auto, pressRelease = "press-release", html, rss, atom

        var importFormat: ImportFormat? {
            switch self {
            case .auto: return nil
            case .pressRelease: return .pressRelease
            case .html: return .html
            case .rss: return .rss
            case .atom: return .atom
            }
        }
    }

    @OptionGroup var catalogOptions: CatalogOptions

    @Argument(help: ArgumentHelp("Files, - for standard input, or http(s):// addresses.", valueName: "SOURCE"))
    var sources: [String]

    @Flag(help: "Show what would be imported; write nothing.")
    var dryRun = false

    @Option(help: "Output format: text or json.")
    var format: DetailFormat = .text

    @Option(name: .customLong("as"), help: "The format of the sources: auto (told from the content), press-release, html, rss or atom.")
    var sourceFormat: SourceFormat = .auto

    @Flag(help: "Replace items already imported from the same source or guid.")
    var replace = false

    @Flag(help: "Add near duplicates of existing items too.")
    var force = false

    func validate() throws {
        guard !sources.isEmpty else { throw ValidationError("give at least one SOURCE (a file, - or an address)") }
        guard sources.filter({ $0 == "-" }).count <= 1 else { throw ValidationError("standard input (-) can be read only once") }
    }

    func run() throws {
        let location = try catalogOptions.location()
        let reader = SourceReader(format: sourceFormat.importFormat)
        let fetches = sources.map { source in Swift.Result { () throws(ImportFailure) in try reader.fetch(source) } }
        let fetched = fetches.compactMap { try? $0.get() }
        if fetched.count < fetches.count {
            // Every source's problem is reported in the sources' order, those of the sources
            // that could be fetched but not read too.
            throw sourceFailure(fetches.compactMap { fetch -> ImportFailure? in
                switch fetch {
                case .failure(let failure): return failure
                case .success(let source):
                    return NewsImport.read([source], with: reader).failures.first
                }
            })
        }
        let options = ImportOptions(replace: replace, force: force)
        let result = NewsImport.run(reading: fetched, with: reader, into: location.path, options: options, dryRun: dryRun)
        switch result {
        case .failure(.sources(let failures)):
            throw sourceFailure(failures)
        case .failure(.fixtures(let failure)):
            let problems = failure.problems.map { $0.description }
            if format == .json { ImportReport.writeJSON(outcomes: [], problems: problems + [failure.message]) }
            throw CommandFailure(failure.message, status: failure.problems.isEmpty ? ExitStatus.notFoundOrUsage : ExitStatus.invalidData,
                                 details: format == .json ? [] : problems)
        case .success(let imported):
            let outcomes = imported.plan.outcomes
            switch format {
            case .json: ImportReport.writeJSON(outcomes: outcomes, problems: [])
            case .text:
                for line in ImportReport.text(outcomes) { Console.write(line) }
                Console.write(ImportReport.summary(outcomes, written: imported.written, dryRun: dryRun,
                                                   file: FolderName.display(location.path) + FixtureFile.Kind.news.fileName))
            }
        }
    }

    /// The failure of sources that could not be imported (printed as JSON first with `--format json`):
    /// exit status 65 when any of them is invalid, 1 when all are unreachable.
    private func sourceFailure(_ failures: [ImportFailure]) -> CommandFailure {
        let status = failures.contains { !$0.isUnreachable } ? ExitStatus.invalidData : ExitStatus.notFoundOrUsage
        let problems = failures.map(\.description)
        if format == .json { ImportReport.writeJSON(outcomes: [], problems: problems) }
        return CommandFailure(failures.count == 1 ? "the source could not be imported; nothing was written"
                                : "\(failures.count) sources could not be imported; nothing was written",
                              status: status, details: format == .json ? [] : problems)
    }
}
