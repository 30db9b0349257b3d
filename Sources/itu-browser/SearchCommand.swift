import ArgumentParser
import CatalogSearch
import Foundation

/// `itu-browser search QUERY`: ranked results over news, organizations and Sectors, in the
/// query language the browser's `/` uses.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search news, organizations and Sectors.",
        discussion: """
            Matched words are bold on a terminal and plain in a pipe. With --stdin, each line of \
            standard input is one query (with --format json, one JSON object per line). Problems \
            in a query go to standard error as "itu-browser: query: …"; a single query with \
            problems and no results exits with status 1. is:unread, is:read, is:starred and \
            has:note read the state database ($XDG_STATE_HOME/itu-browser/state.sqlite).
            """
    )

    /// `--type`: which kinds of item to search.
    enum ItemTypes: String, CaseIterable, ExpressibleByArgument {
        case all, news, orgs, sectors

        var searchTypes: Set<SearchItemType> {
            switch self {
            case .all: return Set(SearchItemType.allCases)
            case .news: return [.news]
            case .orgs: return [.organization]
            case .sectors: return [.sector]
            }
        }
    }

    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var cacheOptions: CacheOptions

    @Argument(help: "The query (leave it out with --stdin).")
    var query: String?

    @Option(name: .customLong("type"), help: "What to search: all, news, orgs or sectors.")
    var types: ItemTypes = .all

    @Option(help: ArgumentHelp("At most N results per query.", valueName: "N"))
    var limit: Int = 20

    @Option(help: "Output format: table or json.")
    var format: TableFormat = .table

    @Flag(help: "Read one query per line from standard input.")
    var stdin = false

    func validate() throws {
        if stdin && query != nil { throw ValidationError("give a QUERY or --stdin, not both") }
        if !stdin && query == nil { throw ValidationError("missing QUERY (or --stdin to read queries from standard input)") }
        if limit < 1 { throw ValidationError("--limit must be a positive number, not \(limit)") }
    }

    func run() throws {
        let cache = SnapshotCache(catalogOptions: catalogOptions, cacheOptions: cacheOptions)
        var index = try cache.searchIndex()
        let flags = UserStateAccess.flags(try UserStateAccess.recordedStates())
        let printer = SearchResultPrinter(format: format, bold: Console.outputIsTerminal, width: Console.width)
        /// The results of `query`, searched again over a rebuilt index when the snapshot's turned out damaged.
        func answer(_ query: String) throws(CommandFailure) -> CatalogSearchResults {
            // Only JSON prints every field's highlights (`matchedFields`).
            let allFields = format == .json
            let results = index.search(query, types: types.searchTypes, limit: limit, flags: flags, allMatchedFields: allFields)
            guard let damage = index.snapshotDamage else { return results }
            index = try cache.rebuilt(after: damage)
            return index.search(query, types: types.searchTypes, limit: limit, flags: flags, allMatchedFields: allFields)
        }
        guard stdin else {
            let query = self.query ?? ""
            let results = try answer(query)
            printer.print(results, for: query, batch: false)
            if !results.problems.isEmpty && results.hits.isEmpty {
                throw ExitCode(ExitStatus.notFoundOrUsage)
            }
            return
        }
        while let line = readLine() {
            let query = line.trimmingCharacters(in: .whitespaces)
            if query.isEmpty { continue }
            let results = try answer(query)
            printer.print(results, for: query, batch: true)
        }
    }
}
