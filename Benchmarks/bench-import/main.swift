import Catalog
import Foundation
import Import

// bench-import: imports a generated RSS feed into a generated corpus and prints the time of
// each step and the peak memory. Usage: bench-import [--news N] [--items M] [--orgs K]
// [--repeats R] [--keep-news PATH] (defaults: a 100,000-item corpus, a 10,000-item feed,
// 2,000 organizations, no repeats). The first R items of the feed repeat items of the corpus
// under new links, so the near-duplicate check finds them; `--keep-news` copies the news.json
// the import wrote to PATH, and each item's outcome to PATH.outcomes, to compare two versions.

func textOption(_ name: String) -> String? {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

func option(_ name: String, default value: Int) -> Int {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let number = Int(arguments[index + 1]) else {
        return value
    }
    return number
}

/// The peak resident memory of this process so far, in bytes (`VmHWM`), or 0 where unknown.
func peakMemory() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return (line.split(separator: " ").compactMap { Int($0) }.first ?? 0) * 1024
    }
    return 0
}

/// CPU seconds this process has used so far: unlike wall time, it does not grow when other
/// programs compete for the processors.
func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func wallSeconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock().now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

func line(_ label: String, wall: Double, cpu: Double) -> String {
    label.padding(toLength: 34, withPad: " ", startingAt: 0) + String(format: "%8.3f s wall %8.3f s CPU", wall, cpu)
}

func timed<T>(_ label: String, _ work: () throws -> T) rethrows -> T {
    let start = ContinuousClock().now
    let cpu = processCPUSeconds()
    let value = try work()
    print(line(label, wall: wallSeconds(since: start), cpu: processCPUSeconds() - cpu))
    return value
}

/// A feed of `count` items made like the corpus's own news (the generator's items after the
/// corpus, so they are new, except the first `repeats`, which are the corpus's first items),
/// with unique links and RSS dates.
func makeFeed(count: Int, repeats: Int, generator: CorpusGenerator, organizations: [Organization]) -> [UInt8] {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
    formatter.timeZone = TimeZone(identifier: "UTC")
    var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Bench</title>\n"
    for index in 0..<count {
        let item = generator.makeNewsItem(at: index < repeats ? index : generator.newsCount + index, organizations: organizations)
        var components = DateComponents()
        components.year = item.date.year
        components.month = item.date.month ?? 1
        components.day = item.date.day ?? 1
        components.hour = 9
        let date = Calendar(identifier: .gregorian).date(from: components) ?? Date()
        text += "<item><title>\(escape(item.title))</title><link>https://bench.example.org/\(index)</link>"
            + "<pubDate>\(formatter.string(from: date))</pubDate><category>\(escape(item.category))</category>"
            + "<description>\(escape("<p>" + item.body + "</p>"))</description></item>\n"
    }
    return Array((text + "</channel></rss>\n").utf8)
}

func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
}

let newsCount = option("--news", default: 100_000)
let itemCount = option("--items", default: 10_000)
let organizationCount = option("--orgs", default: 2_000)
let repeatCount = option("--repeats", default: 0)
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-import-\(UUID().uuidString)").path
defer { try? FileManager.default.removeItem(atPath: folder) }

print("bench-import: a \(itemCount)-item RSS feed into a generated corpus of \(newsCount) news items and \(organizationCount) organizations")
let generator = CorpusGenerator(newsCount: newsCount, organizationCount: organizationCount, seed: 7)
do {
    try generator.write(to: folder)
} catch {
    print("cannot write the corpus: \(error)")
    exit(1)
}
let feed = makeFeed(count: itemCount, repeats: repeatCount, generator: generator, organizations: generator.makeOrganizations())
print("feed: \(feed.count / 1_000_000) MB; corpus written to a temporary folder")
let baseline = peakMemory()

let total = ContinuousClock().now
let totalCPU = processCPUSeconds()
/// The label of each step's line, in the order the steps end.
func label(_ step: NewsImport.Step) -> String {
    switch step {
    case .loaded: return "  load the fixtures (lock, read)"
    case .linked: return "  read and link the feed (the rest)"
    case .planned: return "  plan (sources, near duplicates)"
    case .checked: return "  edit news.json and check it"
    case .written: return "  write (temporary file, fsync)"
    }
}

var stepStart = (wall: ContinuousClock().now, cpu: processCPUSeconds())
var stepLines: [String] = []
let source = FetchedSource(bytes: feed, name: "bench.xml", fileName: "bench.xml")
let result = timed("read, link, plan, check and write") {
    stepStart = (ContinuousClock().now, processCPUSeconds())
    return NewsImport.run(reading: [source], with: SourceReader(), into: folder, options: ImportOptions(),
                          dryRun: false) { step in
        let now = (wall: ContinuousClock().now, cpu: processCPUSeconds())
        stepLines.append(line(label(step), wall: wallSeconds(since: stepStart.wall), cpu: now.cpu - stepStart.cpu)
                         + String(format: "  (peak so far %.0f MB)", Double(peakMemory()) / 1_048_576))
        stepStart = now
    }
}
for stepLine in stepLines { print(stepLine) }
let wall = wallSeconds(since: total)
let cpu = processCPUSeconds() - totalCPU
switch result {
case .failure(.sources(let failures)):
    print("the feed could not be read: \(failures.map(\.description).joined(separator: "; "))")
    exit(1)
case .failure(.fixtures(let failure)):
    print("import failed: \(failure.message)")
    for problem in failure.problems.prefix(5) { print("  \(problem)") }
    exit(1)
case .success(let imported):
    let counts = Dictionary(grouping: imported.plan.outcomes, by: \.action).mapValues(\.count)
    print("outcomes: " + counts.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.value) \($0.key.rawValue)" }.joined(separator: ", "))
}
if let keep = textOption("--keep-news") {
    do {
        try? FileManager.default.removeItem(atPath: keep)
        try FileManager.default.copyItem(atPath: folder + "/news.json", toPath: keep)
        if case .success(let imported) = result {
            let outcomes = imported.plan.outcomes.map { "\($0.action.rawValue) \($0.news.item.id) \($0.duplicateOf ?? "-")\n" }
            try outcomes.joined().write(toFile: keep + ".outcomes", atomically: false, encoding: .utf8)
        }
    } catch {
        print("cannot keep news.json: \(error)")
        exit(1)
    }
}
print(line("total", wall: wall, cpu: cpu) + "  (goal: under 5 s)")
print(String(format: "peak memory: %.0f MB (%.0f MB before the import, with the corpus generated)",
             Double(peakMemory()) / 1_048_576, Double(baseline) / 1_048_576))
