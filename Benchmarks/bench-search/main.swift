import Catalog
import CatalogSearch
import Foundation
import TextSearch

/// Benchmark: our TextSearch against SQLite FTS5, in one process, on the same generated corpus.
///
/// Usage: `swift run -c release bench-search [--sizes 10000,100000] [--repeats N]`
///
/// For each corpus size it builds both indexes (time and memory), then answers every query
/// class with both engines, top 20 with highlights and snippets, and prints per class the
/// median and p99 latency of each engine and FTS5's time divided by ours.
struct Arguments {
    var sizes = [10_000, 100_000]
    var repeats = 5
    var limit = 20

    init(_ arguments: [String]) throws {
        var rest = arguments.dropFirst()
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { throw BenchError("\(flag) needs a value") }
            switch flag {
            case "--sizes": sizes = value.split(separator: ",").compactMap { Int($0) }
            case "--repeats": repeats = max(1, Int(value) ?? repeats)
            case "--limit": limit = max(1, Int(value) ?? limit)
            default: throw BenchError("unknown option \(flag); known: --sizes, --repeats, --limit")
            }
        }
    }
}

/// The FTS5 row of a news item, in `FTS5Engine.columns` order, filled as our adapter fills
/// the same fields.
func fts5Row(_ item: NewsItem, catalog: Catalog) -> [String] {
    let names = catalog.organizations(of: item).flatMap { [$0.name, $0.shortName].compactMap { $0 } + $0.aliases }
        + catalog.sectors(of: item).flatMap { [$0.id, $0.name] }
    return [item.title, names.joined(separator: "\n"), (item.tags + [item.category]).joined(separator: "\n"), item.summary, item.body]
}

/// Our engine over exactly the rows FTS5 indexes (news only, same columns and weights).
func newsOnlyIndex(_ rows: [[String]]) -> SearchIndex {
    let fields = zip(FTS5Engine.columns, FTS5Engine.weights).map { FieldDefinition(name: $0, weight: $1) }
    let schema = IndexSchema(fields: fields, facets: [], snippetField: "body")
    return SearchIndex(schema: schema, documentCount: rows.count) { i in
        Document(id: String(i), fields: Dictionary(uniqueKeysWithValues: zip(FTS5Engine.columns, rows[i])))
    }
}

func run() throws {
    let arguments = try Arguments(CommandLine.arguments)
    print("bench-search: TextSearch vs SQLite FTS5 (unicode61 remove_diacritics 2), top \(arguments.limit) with highlight and snippet")
    print("Times are per query in milliseconds; ratio = FTS5 median / ours (higher is better for us).")
    for size in arguments.sizes {
        let generator = CorpusGenerator(newsCount: size, organizationCount: max(50, size / 50), seed: 2026)
        let corpus = generator.makeCorpus()
        let catalog = Catalog(sectors: corpus.sectors, organizations: corpus.organizations, news: corpus.news)
        print("\n== \(size) news items, \(catalog.organizations.count) organizations ==")

        let rssBeforeOurs = residentBytes() ?? 0
        var ours: CatalogSearchIndex?
        let oursBuild = Timing.seconds { ours = CatalogSearchIndex(catalog: catalog) }
        guard let index = ours?.index else { throw BenchError("index not built") }
        let rssAfterOurs = residentBytes() ?? 0
        let firstQuery = Timing.seconds {
            _ = index.search("s", options: SearchOptions(limit: arguments.limit, filters: ["type": ["news"]]))
        }

        let rows = catalog.news.map { fts5Row($0, catalog: catalog) }
        let fts5 = try FTS5Engine(limit: arguments.limit)
        let fts5Build = try Timing.seconds { try fts5.insert(rows) }
        let newsOnlyBuild = Timing.seconds { _ = newsOnlyIndex(rows) }

        print("index build   ours \(String(format: "%6.2f", oursBuild)) s   FTS5 \(String(format: "%6.2f", fts5Build)) s   ratio \(String(format: "%5.1f", fts5Build / oursBuild))x   (whole catalog; FTS5 holds the news)")
        print("news only     ours \(String(format: "%6.2f", newsOnlyBuild)) s   (TextSearch over the same rows as FTS5)   first query after build \(Timing.milliseconds(firstQuery)) ms")
        print("index memory  ours \(megabytes(index.memoryEstimate)) (estimate; RSS grew \(megabytes(max(0, rssAfterOurs - rssBeforeOurs))))   FTS5 \(megabytes(fts5.memoryUsed)) (sqlite3_memory_used)")
        print("\(pad("class", 16)) \(pad("ours median", 12)) \(pad("ours p99", 10)) \(pad("FTS5 median", 12)) \(pad("FTS5 p99", 10))  ratio")

        for queryClass in QueryClass.all() {
            var oursSamples: [Double] = []
            var fts5Samples: [Double] = []
            for _ in 0..<arguments.repeats {
                if queryClass.asYouType {
                    var session = SearchSession(index: index)
                    for query in queryClass.queries {
                        let options = SearchOptions(limit: arguments.limit, lastWordIsPrefix: true, filters: ["type": ["news"]])
                        oursSamples.append(Timing.seconds { _ = session.search(query.ours, options: options) })
                    }
                } else {
                    let prefix = queryClass.name.hasSuffix("prefix")
                    for query in queryClass.queries {
                        let options = SearchOptions(limit: arguments.limit, lastWordIsPrefix: prefix, filters: ["type": ["news"]])
                        oursSamples.append(Timing.seconds { _ = index.search(query.ours, options: options) })
                    }
                }
                for query in queryClass.queries {
                    fts5Samples.append(Timing.seconds { _ = fts5.search(query.fts5) })
                }
            }
            let oursMedian = Timing.percentile(oursSamples, 50), fts5Median = Timing.percentile(fts5Samples, 50)
            print("\(pad(queryClass.name, 16)) \(Timing.milliseconds(oursMedian))     \(Timing.milliseconds(Timing.percentile(oursSamples, 99)))   \(Timing.milliseconds(fts5Median))     \(Timing.milliseconds(Timing.percentile(fts5Samples, 99)))  \(String(format: "%7.1f", fts5Median / oursMedian))x")
        }
    }
    if let peak = peakResidentBytes() { print("\npeak RSS of the whole run: \(megabytes(peak))") }
}

func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }

do {
    try run()
} catch {
    FileHandle.standardError.write(Data("bench-search: \(error)\n".utf8))
    exit(1)
}
