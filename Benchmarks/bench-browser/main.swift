// Measures the Browser's response to keystrokes over a generated corpus of 100,000 news items:
// for each class of keystroke, update + render at 140×40, a few hundred times, printed as
// median, p99 and max in milliseconds. The goal is a p99 within one 60 Hz frame (16 ms).
//
//     swift run -c release --scratch-path .build-br bench-browser [NEWS_COUNT]
import Browser
import Catalog
import CatalogSearch
import Screen

let clock = ContinuousClock()

func milliseconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1000 + Double(attoseconds) / 1e15
}

func measure<T>(_ work: () -> T) -> (T, Double) {
    var result: T?
    let duration = clock.measure { result = work() }
    guard let result else { fatalError("measured work produced nothing") }
    return (result, milliseconds(duration))
}

/// The figures of one class of keystroke.
struct Summary {
    var name: String
    var samples: [Double]

    func percentile(_ p: Double) -> Double {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return 0 }
        let index = min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))
        return sorted[index]
    }

    var line: String {
        func f(_ v: Double) -> String {
            let hundredths = Int((v * 100).rounded())
            let text = "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
            return String(repeating: " ", count: max(0, 8 - text.count)) + text
        }
        let verdict = percentile(0.99) <= 16 ? "ok" : "SLOW"
        let label = name + String(repeating: " ", count: max(0, 40 - name.count))
        return "\(label)\(String(repeating: " ", count: max(0, 5 - String(samples.count).count)))\(samples.count) \(f(percentile(0.5))) \(f(percentile(0.99))) \(f(samples.max() ?? 0))  \(verdict)"
    }
}

/// Applies `event` and renders, returning the time both took.
func step(_ state: inout BrowserState, _ event: InputEvent) -> Double {
    var copy = state
    let (_, ms) = measure { () -> Frame in
        Browser.update(&copy, event)
        return Browser.render(copy)
    }
    state = copy
    return ms
}

let newsCount = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 100_000
let (width, height) = (140, 40)
print("bench-browser: \(newsCount) news items, \(width)×\(height), times in ms")

let (corpus, generateMs) = measure { CorpusGenerator(newsCount: newsCount, organizationCount: 2_000, seed: 42).makeCorpus() }
let (catalog, catalogMs) = measure { Catalog(sectors: corpus.sectors, organizations: corpus.organizations, news: corpus.news) }
let (index, indexMs) = measure { CatalogSearchIndex(catalog: catalog) }
/// The first frame: a fresh state over the loaded catalog and index, rendered.
func firstFrame() -> (BrowserState, Frame) {
    let state = BrowserState(catalog: catalog, search: index, width: width, height: height)
    return (state, Browser.render(state))
}
let (_, coldFrameMs) = measure(firstFrame)
let (initial, warmFrameMs) = measure(firstFrame)
print("generate corpus \(Int(generateMs)) ms · build catalog \(Int(catalogMs)) ms · build search index \(Int(indexMs)) ms")
print("first frame after loading: \(Int(coldFrameMs.rounded())) ms the first time in the process, \(Int(warmFrameMs.rounded())) ms after")
print("")
print("class" + String(repeating: " ", count: 35) + " runs   median      p99      max")

var state = initial.0
var summaries: [Summary] = []

@MainActor func run(_ name: String, _ body: (inout BrowserState) -> [Double]) {
    let samples = body(&state)
    let summary = Summary(name: name, samples: samples)
    summaries.append(summary)
    print(summary.line)
}

func key(_ k: Key) -> InputEvent { .key(k) }

run("move j/k in Organizations (preview)") { state in
    (0..<400).map { i in step(&state, key(.character(i % 5 == 4 ? "k" : "j"))) }
}
_ = step(&state, key(.character("3")))
run("move j/k in News") { state in
    (0..<400).map { i in step(&state, key(.character(i % 5 == 4 ? "k" : "j"))) }
}
run("page down (PgDn) in News") { state in
    (0..<400).map { _ in step(&state, key(.pageDown)) }
}
run("switch panes (Tab)") { state in
    (0..<300).map { _ in step(&state, key(.tab)) }
}
_ = step(&state, key(.character("3")))
run("open a detail (Enter)") { state in
    (0..<200).flatMap { _ -> [Double] in
        let open = step(&state, key(.enter))
        _ = step(&state, key(.escape))
        _ = step(&state, key(.character("j")))
        return [open]
    }
}
run("back from a detail (Esc)") { state in
    (0..<200).map { _ in
        _ = step(&state, key(.enter))
        return step(&state, key(.escape))
    }
}
run("Sector filter on and off (Enter, Esc)") { state in
    _ = step(&state, key(.character("2")))
    return (0..<100).flatMap { _ in [step(&state, key(.enter)), step(&state, key(.escape))] }
}
let query = "satellite spectrum"
run("type “\(query)” char by char") { state in
    (0..<20).flatMap { _ -> [Double] in
        _ = step(&state, key(.character("/")))
        let times = query.map { step(&state, key(.character($0))) }
        _ = step(&state, key(.escape))
        return times
    }
}
run("Backspace in the query") { state in
    (0..<20).flatMap { _ -> [Double] in
        _ = step(&state, key(.character("/")))
        for c in query { _ = step(&state, key(.character(c))) }
        let times = query.map { _ in step(&state, key(.backspace)) }
        _ = step(&state, key(.escape))
        return times
    }
}
for limit in Set([20, 50, Browser.searchLimit]).sorted() {
    var session = index.makeSession()
    let samples = (0..<5).flatMap { _ -> [Double] in
        (1...query.count).map { n in measure { session.search(String(query.prefix(n)), limit: limit) }.1 }
    }
    print(Summary(name: "(search alone, limit \(limit))", samples: samples).line)
}
print("")
let slow = summaries.filter { $0.percentile(0.99) > 16 }
print(slow.isEmpty ? "every class within 16 ms at p99" : "over 16 ms at p99: " + slow.map(\.name).joined(separator: ", "))
