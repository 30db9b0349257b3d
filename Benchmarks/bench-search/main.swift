import CatalogSearch
import Foundation
import TextSearch

/// Benchmark: our TextSearch against SQLite FTS5 on the same documents with the same weights.
///
/// Usage: `swift run -c release bench-search [--sizes 10000] [--samples 200] [--limit 20]`
///
/// The default (10,000 news items) took 50 s on an idle two-core machine; 100,000 items
/// (`--sizes 100000`) take far longer, most of it in FTS5's prefix queries.
///
/// For each corpus size, both engines hold exactly the news documents CatalogSearch makes for
/// a generated catalog (organizations and Sectors are left out of both, so ours runs without a
/// type filter), ranked with CatalogSearch's field weights. Each engine is built alone in a
/// child process (this program run again with `--child`) for its build time and peak memory;
/// ours is built both pinned to one core and in parallel. Then both are built here, every query
/// is run once on each (warming them) and the number of results in the top `limit` is compared:
/// a disagreement, a query problem or an SQLite error ends the run with status 1. Last, each
/// query class is timed with at least `samples` samples per engine, the engines taking turns
/// (and, as a diagnostic, each round run again back to back; see `timeClasses`).
struct Arguments {
    var sizes = [10_000]
    var samples = 200
    var limit = 20

    init(_ arguments: [String]) throws {
        var rest = arguments.dropFirst()
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { throw BenchError("\(flag) needs a value") }
            switch flag {
            case "--sizes":
                sizes = try value.split(separator: ",").map {
                    guard let size = Int($0), size > 0 else { throw BenchError("--sizes: \"\($0)\" is not a positive number") }
                    return size
                }
            case "--samples": samples = try Arguments.positive(value, flag)
            case "--limit": limit = try Arguments.positive(value, flag)
            default: throw BenchError("unknown option \(flag); known: --sizes, --samples, --limit")
            }
        }
    }

    private static func positive(_ text: String, _ flag: String) throws -> Int {
        guard let value = Int(text), value > 0 else { throw BenchError("\(flag): \"\(text)\" is not a positive number") }
        return value
    }
}

/// Our search options for a query of a class: the title's highlights and a snippet, the work
/// FTS5's `highlight()` of the title and `snippet()` do.
func ourOptions(_ queryClass: QueryClass, limit: Int) -> SearchOptions {
    var options = SearchOptions(limit: limit, lastWordIsPrefix: queryClass.asYouType || queryClass.name.hasSuffix("prefix"))
    options.highlightedFields = ["title"]
    return options
}

/// Answers one query with our engine; a query problem fails the benchmark.
func ourCount(_ results: SearchResults, query: String) throws -> Int {
    guard results.problems.isEmpty else {
        throw BenchError("our engine reported a problem for '\(query)': \(results.problems.map(\.message).joined(separator: "; "))")
    }
    return results.hits.count
}

/// Runs every query of every class once on each engine (which also warms both) and checks that
/// both return the same number of results in the top `limit`; prints the counts per class.
func crossCheck(ours index: SearchIndex, fts5: FTS5Engine, limit: Int) throws {
    print("cross-check: results in the top \(limit), ours/FTS5, per query")
    var disagreements: [String] = []
    for queryClass in QueryClass.all() {
        var session = SearchSession(index: index)
        var counts: [String] = []
        for query in queryClass.queries {
            let options = ourOptions(queryClass, limit: limit)
            let results = queryClass.asYouType ? session.search(query.ours, options: options) : index.search(query.ours, options: options)
            let ours = try ourCount(results, query: query.ours)
            let theirs = try fts5.search(query.fts5)
            counts.append(ours == theirs ? "\(ours)" : "\(ours)/\(theirs)!")
            if ours != theirs { disagreements.append("'\(query.ours)' (FTS5 '\(query.fts5)'): ours \(ours), FTS5 \(theirs)") }
        }
        print("  \(pad(queryClass.name, 16)) \(counts.joined(separator: " "))")
    }
    guard disagreements.isEmpty else {
        throw BenchError("the engines disagree on \(disagreements.count) queries:\n  " + disagreements.joined(separator: "\n  "))
    }
    print("  every query: both engines return the same number of results")
}

/// Times every class with at least `samples` samples per engine; rounds over the class's
/// queries alternate between the engines so that both see the same machine. The ratio of these
/// medians is the benchmark's.
///
/// As a diagnostic, each round is run twice in a row by the same engine, and the second run
/// is timed apart ("back to back"): its queries start with the caches their own engine left,
/// where the first run's start with those the other engine's round has just filled. The
/// difference between an engine's two medians is what the other engine's round costs it;
/// taken in the same turns, both see the same machine.
func timeClasses(ours index: SearchIndex, fts5: FTS5Engine, samples: Int, limit: Int) throws {
    print("\(pad("", 16)) \(pad("", 8)) in turns\(String(repeating: " ", count: 53))back to back")
    print("\(pad("class", 16)) \(pad("samples", 8)) \(pad("ours median", 12)) \(pad("ours p99", 10)) \(pad("FTS5 median", 12)) \(pad("FTS5 p99", 10))  FTS5/ours"
        + "   ours median  FTS5 median  FTS5/ours")
    for queryClass in QueryClass.all() {
        var oursSamples: [Double] = [], oursBackToBack: [Double] = []
        var fts5Samples: [Double] = [], fts5BackToBack: [Double] = []
        let options = ourOptions(queryClass, limit: limit)
        while oursSamples.count < samples {
            try oursSamples += timeOurRound(queryClass, index: index, options: options)
            try oursBackToBack += timeOurRound(queryClass, index: index, options: options)
            try fts5Samples += timeFTS5Round(queryClass, fts5: fts5)
            try fts5BackToBack += timeFTS5Round(queryClass, fts5: fts5)
        }
        let oursMedian = Timing.percentile(oursSamples, 50), fts5Median = Timing.percentile(fts5Samples, 50)
        let oursBackToBackMedian = Timing.percentile(oursBackToBack, 50), fts5BackToBackMedian = Timing.percentile(fts5BackToBack, 50)
        print("\(pad(queryClass.name, 16)) \(pad(String(oursSamples.count), 8)) \(Timing.milliseconds(oursMedian))     "
            + "\(Timing.milliseconds(Timing.percentile(oursSamples, 99)))   \(Timing.milliseconds(fts5Median))     "
            + "\(Timing.milliseconds(Timing.percentile(fts5Samples, 99)))  \(String(format: "%7.1f", fts5Median / oursMedian))x"
            + "     \(Timing.milliseconds(oursBackToBackMedian))     \(Timing.milliseconds(fts5BackToBackMedian))  \(String(format: "%7.1f", fts5BackToBackMedian / oursBackToBackMedian))x")
    }
}

/// One round of a class's queries on our engine (typed into one session for as-you-type),
/// each query's time in seconds.
func timeOurRound(_ queryClass: QueryClass, index: SearchIndex, options: SearchOptions) throws -> [Double] {
    var session = SearchSession(index: index)
    var times: [Double] = []
    for query in queryClass.queries {
        var results = SearchResults()
        times.append(Timing.seconds {
            results = queryClass.asYouType ? session.search(query.ours, options: options) : index.search(query.ours, options: options)
        })
        _ = try ourCount(results, query: query.ours)
    }
    return times
}

/// One round of a class's queries on FTS5, each query's time in seconds.
func timeFTS5Round(_ queryClass: QueryClass, fts5: FTS5Engine) throws -> [Double] {
    try queryClass.queries.map { query in try Timing.seconds { _ = try fts5.search(query.fts5) } }
}

/// Builds each engine alone in a child and prints build times and peak memory.
func reportBuilds(size: Int, limit: Int) throws {
    let baseline = try BuildChild.measure(.documents, size: size, limit: limit)
    let fts5 = try BuildChild.measure(.fts5, size: size, limit: limit)
    let oneCore = try BuildChild.measure(.oursOneCore, size: size, limit: limit)
    let parallel = try BuildChild.measure(.ours, size: size, limit: limit)
    func seconds(_ m: BuildChild.Measurement) -> String {
        String(format: "%6.2f s wall, %6.2f s CPU", m.wallSeconds, m.cpuSeconds)
    }
    print("build (each engine alone in a child process)")
    print("  FTS5, one thread        \(seconds(fts5))   (insert in one transaction + optimize)")
    print("  ours, one core          \(seconds(oneCore))   FTS5/ours \(String(format: "%5.1f", fts5.wallSeconds / oneCore.wallSeconds))x   (pinned to CPU \(oneCore.pinnedCPU.map(String.init) ?? "?"))")
    print("  ours, parallel          \(seconds(parallel))   FTS5/ours \(String(format: "%5.1f", fts5.wallSeconds / parallel.wallSeconds))x   (\(ProcessInfo.processInfo.activeProcessorCount) CPUs)")
    print("memory (peak RSS, VmHWM, of each child; the documents alone are the baseline)")
    print("  documents only          \(megabytes(baseline.peakBytes))")
    for (name, m) in [("FTS5", fts5), ("ours, one core", oneCore), ("ours, parallel", parallel)] {
        print("  \(pad(name, 23)) \(megabytes(m.peakBytes))   (+\(megabytes(max(0, m.peakBytes - baseline.peakBytes))) over the documents)")
    }
}

func run() throws {
    let arguments = try Arguments(CommandLine.arguments)
    let schema = CatalogSearchIndex.schema
    let peer = try FTS5Engine(schema: schema, limit: arguments.limit)
    print("bench-search: TextSearch vs SQLite FTS5, top \(arguments.limit) with highlights and a snippet, at least \(arguments.samples) samples per class")
    print("documents: the news documents CatalogSearch makes (fields \(schema.fields.map(\.name).joined(separator: ", "))), the same in both engines; no organizations or Sectors in either")
    print("weights (CatalogSearch's schema): " + schema.fields.map { "\($0.name) \($0.weight)" }.joined(separator: ", "))
    print("FTS5 configuration:")
    for line in peer.configuration { print("  \(line)") }
    print("Times are per query in milliseconds; FTS5/ours is FTS5's median over ours (higher is better for us).")
    for size in arguments.sizes {
        print("\n== \(size) news items (catalog of \(BenchCorpus.organizationCount(size)) organizations, seed 2026) ==")
        try reportBuilds(size: size, limit: arguments.limit)
        let corpus = BenchCorpus(size: size)
        let index = corpus.ourIndex()
        let fts5 = try corpus.fts5Index(limit: arguments.limit)
        try crossCheck(ours: index, fts5: fts5, limit: arguments.limit)
        try timeClasses(ours: index, fts5: fts5, samples: arguments.samples, limit: arguments.limit)
    }
}

func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }

do {
    let arguments = CommandLine.arguments
    if arguments.count == 5, arguments[1] == "--child" {
        guard let mode = BuildChild.Mode(rawValue: arguments[2]), let size = Int(arguments[3]), let limit = Int(arguments[4]) else {
            throw BenchError("--child MODE SIZE LIMIT; modes: \(BuildChild.Mode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        try BuildChild.run(mode: mode, size: size, limit: limit)
    } else {
        try run()
    }
} catch {
    FileHandle.standardError.write(Data("bench-search: FAILED: \(error)\n".utf8))
    exit(1)
}
