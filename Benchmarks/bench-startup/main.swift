import Foundation

// bench-startup: cold-process times and peak memory of the itu-browser command line over a
// generated corpus, with and without the fixtures' snapshot, against the sqlite3 command on an
// FTS5 database of the same news.
//
// Usage: bench-startup [--news N] [--binary PATH] [--work DIR]
//   N       news items of the generated corpus (default 100000; 2000 organizations per 100000)
//   PATH    the itu-browser executable to measure (default .build/release/itu-browser)
//   DIR     where the corpus, the cache and the FTS5 database go (default a folder under /tmp, kept)
//
// Each one-shot command runs once to warm the page cache, then three times; the best time and
// the largest peak RSS of the three are printed (RSS from wait4 of the child). The first run
// without a snapshot is compared with `--no-cache` in three alternating rounds, best of each.
// The browser is measured the same way on a pseudo-terminal of 120x40: `browse --query
// "satellite spec"`, from the start of the process to its first frame (the title "ITU Browser"
// written) and to its first results (the results pane's title gaining `for “satellite spec”`:
// curses writes only the cells that change, so the "Results" already on screen is not written
// again). Installs nothing: without sqlite3 on PATH the peer is skipped with a note.

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String, _ fallback: String) -> String {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return fallback }
    return arguments[i + 1]
}
let newsCount = Int(option("--news", "100000")) ?? 100_000
let binary = option("--binary", ".build/release/itu-browser")
let work = option("--work", NSTemporaryDirectory() + "itu-bench-startup-\(newsCount)")
let corpus = work + "/corpus"
let cache = work + "/cache"

guard FileManager.default.isExecutableFile(atPath: binary) else {
    print("bench-startup: \(binary) is not an executable (build it: swift build -c release --product itu-browser)")
    exit(2)
}

/// Runs a child with the environment pinned to the bench's cache; returns seconds, peak RSS in MB and its output.
/// Starts `program` (looked up on PATH) with the file actions `actions` (then destroyed) and the
/// bench's environment plus `extra`; returns its pid and the start time in nanoseconds.
func spawn(_ program: String, _ args: [String], actions: inout posix_spawn_file_actions_t,
           extra: [String: String] = [:]) -> (pid: pid_t, start: UInt64)? {
    var environment = ProcessInfo.processInfo.environment
    environment["XDG_CACHE_HOME"] = cache
    environment.merge(extra) { _, new in new }
    let argv = ([program] + args).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    var pid: pid_t = 0
    let start = DispatchTime.now().uptimeNanoseconds
    let spawned = posix_spawnp(&pid, program, &actions, nil, argv, envp)
    posix_spawn_file_actions_destroy(&actions)
    for pointer in argv + envp { free(pointer) }
    return spawned == 0 ? (pid, start) : nil
}

func run(_ program: String, _ args: [String], stdinPath: String? = nil) -> (seconds: Double, peakMB: Double, output: String, status: Int32) {
    let outPath = work + "/out.txt"
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_TRUNC, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    if let stdinPath { posix_spawn_file_actions_addopen(&actions, 0, stdinPath, O_RDONLY, 0) }
    guard let (pid, start) = spawn(program, args, actions: &actions) else { return (0, 0, "cannot run \(program)", -1) }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    return (seconds, Double(usage.ru_maxrss) / 1024, output, status)
}

/// Best time and largest peak of three runs after one warm-up.
func measure(_ program: String, _ args: [String]) -> (ms: Double, peakMB: Double, output: String) {
    let warm = run(program, args)
    var best = Double.infinity, peak = 0.0
    for _ in 0..<3 {
        let r = run(program, args)
        best = min(best, r.seconds)
        peak = max(peak, r.peakMB)
    }
    return (best * 1000, peak, warm.output)
}

func row(_ label: String, _ ms: Double, _ peakMB: Double) {
    print(String(format: "%-48@ %9.1f ms %8.1f MB", label as NSString, ms, peakMB))
}

func size(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
}

try? FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
if size(corpus + "/news.json") == 0 {
    print("generating \(newsCount) news into \(corpus) …")
    _ = run(binary, ["generate", "--news", "\(newsCount)", "--orgs", "\(max(10, newsCount / 50))", "--out", corpus])
}
let jsonBytes = ["sectors.json", "organizations.json", "news.json"].reduce(0) { $0 + size(corpus + "/" + $1) }
print("corpus: \(newsCount) news, \(String(format: "%.1f", Double(jsonBytes) / 1e6)) MB of JSON; binary \(binary)")
print("")

// First run: today's in-memory build (--no-cache) against a build that also writes the snapshot,
// in three rounds of one each (the cache cleared before each first run); best of each and the
// ratio of each round, since a single pair of these multi-second runs moves by 10% or more.
let query = "satellite spec"
var noCacheBest = (seconds: Double.infinity, peakMB: 0.0), firstRunBest = (seconds: Double.infinity, peakMB: 0.0)
var roundRatios: [String] = []
for _ in 0..<3 {
    let noCache = run(binary, ["search", query, "--no-cache", "--fixtures", corpus])
    _ = run(binary, ["cache", "clear", "--fixtures", corpus])
    let firstRun = run(binary, ["search", query, "--fixtures", corpus])
    noCacheBest = (min(noCacheBest.seconds, noCache.seconds), max(noCacheBest.peakMB, noCache.peakMB))
    firstRunBest = (min(firstRunBest.seconds, firstRun.seconds), max(firstRunBest.peakMB, firstRun.peakMB))
    roundRatios.append(String(format: "%.2f", firstRun.seconds / max(0.001, noCache.seconds)))
}
row("search, no snapshot (--no-cache, today)", noCacheBest.seconds * 1000, noCacheBest.peakMB)
row("search, first run (builds + writes snapshot)", firstRunBest.seconds * 1000, firstRunBest.peakMB)
let snapshotPath = run(binary, ["cache", "info", "--fixtures", corpus]).output
    .split(separator: "\n").first.map { String($0.dropFirst("snapshot: ".count)) } ?? ""
let snapshotBytes = size(snapshotPath)
print(String(format: "snapshot: %.1f MB = %.2f × the JSON; build cost %.2f × today's (best of 3 each; rounds: %@)",
             Double(snapshotBytes) / 1e6, Double(snapshotBytes) / Double(max(1, jsonBytes)),
             firstRunBest.seconds / max(0.001, noCacheBest.seconds), roundRatios.joined(separator: ", ") as NSString))
print("")

let search = measure(binary, ["search", query, "--fixtures", corpus])
row("search \"\(query)\" (snapshot)", search.ms, search.peakMB)
let list = measure(binary, ["list", "news", "--limit", "20", "--fixtures", corpus])
row("list news --limit 20", list.ms, list.peakMB)
let id = search.output.split(separator: "\n").dropFirst().first.map { $0.trimmingCharacters(in: .whitespaces) } ?? "itu-r"
let show = measure(binary, ["show", id, "--fixtures", corpus])
row("show \(id.prefix(24))…", show.ms, show.peakMB)

// The browser, on a pseudo-terminal (posix_openpt and friends, which the Glibc module does not
// export, are looked up in the C library).
struct PseudoTerminalCalls {
    let open: @convention(c) (Int32) -> Int32
    let grant: @convention(c) (Int32) -> Int32
    let unlock: @convention(c) (Int32) -> Int32
    let name: @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?

    init?() {
        let library = dlopen(nil, RTLD_NOW)
        guard let open = dlsym(library, "posix_openpt"), let grant = dlsym(library, "grantpt"),
              let unlock = dlsym(library, "unlockpt"), let name = dlsym(library, "ptsname") else { return nil }
        self.open = unsafeBitCast(open, to: (@convention(c) (Int32) -> Int32).self)
        self.grant = unsafeBitCast(grant, to: (@convention(c) (Int32) -> Int32).self)
        self.unlock = unsafeBitCast(unlock, to: (@convention(c) (Int32) -> Int32).self)
        self.name = unsafeBitCast(name, to: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)
    }
}

/// Starts the browser on a fresh 120x40 pseudo-terminal and returns the seconds until its output
/// holds `firstFrame`, then `results`; nil when it did not get there within 60 s.
func browserRun(_ args: [String], firstFrame: String, results: String) -> (frame: Double, results: Double)? {
    guard let calls = PseudoTerminalCalls() else { return nil }
    let controller = calls.open(O_RDWR | O_NOCTTY)
    guard controller >= 0, calls.grant(controller) == 0, calls.unlock(controller) == 0,
          let namePointer = calls.name(controller) else { return nil }
    defer { close(controller) }
    let terminal = open(String(cString: namePointer), O_RDWR | O_NOCTTY)
    guard terminal >= 0 else { return nil }
    var size = winsize(ws_row: 40, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(terminal, UInt(TIOCSWINSZ), &size)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    for standard in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] { posix_spawn_file_actions_adddup2(&actions, terminal, standard) }
    posix_spawn_file_actions_addclose(&actions, controller)
    posix_spawn_file_actions_addclose(&actions, terminal)
    let spawned = spawn(binary, args, actions: &actions,
                        extra: ["XDG_STATE_HOME": work + "/state", "XDG_CONFIG_HOME": work + "/config", "TERM": "xterm-256color"])
    close(terminal)
    guard let (pid, start) = spawned else { return nil }
    defer {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }
    func seconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
    var output: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    var frameSeconds: Double?
    let frameBytes = Array(firstFrame.utf8), resultBytes = Array(results.utf8)
    while seconds() < 60 {
        var descriptor = pollfd(fd: controller, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 100) >= 0 else { return nil }
        guard descriptor.revents & Int16(POLLIN) != 0 else { continue }
        let count = chunk.withUnsafeMutableBytes { read(controller, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        let searchFrom = max(0, output.count - max(frameBytes.count, resultBytes.count))
        output += chunk.prefix(count)
        if frameSeconds == nil, contains(output, frameBytes, from: searchFrom) { frameSeconds = seconds() }
        if let frameSeconds, contains(output, resultBytes, from: searchFrom) { return (frameSeconds, seconds()) }
    }
    return nil
}

/// Whether `needle` occurs in `haystack` at or after `from`.
func contains(_ haystack: [UInt8], _ needle: [UInt8], from: Int) -> Bool {
    guard from + needle.count <= haystack.count else { return false }
    return (from...(haystack.count - needle.count)).contains { start in haystack[start..<start + needle.count].elementsEqual(needle) }
}

let browseArguments = ["browse", "--query", query, "--fixtures", corpus]
let resultsTitle = "for “\(query)”"
if browserRun(browseArguments, firstFrame: "ITU Browser", results: resultsTitle) == nil {
    print("browser: no first frame and results within 60 s on a pseudo-terminal")
} else {
    var bestFrame = Double.infinity, bestResults = Double.infinity
    for _ in 0..<3 {
        guard let times = browserRun(browseArguments, firstFrame: "ITU Browser", results: resultsTitle) else { continue }
        bestFrame = min(bestFrame, times.frame)
        bestResults = min(bestResults, times.results)
    }
    print(String(format: "%-48@ %9.1f ms", "browse: first frame (snapshot)" as NSString, bestFrame * 1000))
    print(String(format: "%-48@ %9.1f ms", "browse --query: first results (snapshot)" as NSString, bestResults * 1000))
}

// The peer: the sqlite3 command on an on-disk FTS5 database of the same news.
let sqlite = "sqlite3"
let database = work + "/news-fts5.sqlite"
if run("/bin/sh", ["-c", "command -v sqlite3"]).status != 0 {
    print("sqlite3: not on PATH; the FTS5 peer is skipped (install the sqlite3 command to compare)")
} else {
    if size(database) == 0 {
        // Our field weights (title 3, summary 1.5, body 1, tags 2); prefix indexes for 1 to 3
        // letters; the index merged into one segment (`optimize`), FTS5's fastest form to query.
        let script = """
            CREATE VIRTUAL TABLE news USING fts5(title, summary, body, tags, tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');
            INSERT INTO news(news, rank) VALUES('rank', 'bm25(3, 1.5, 1, 2)');
            INSERT INTO news(title, summary, body, tags)
              SELECT json_extract(value, '$.title'), json_extract(value, '$.summary'), json_extract(value, '$.body'),
                     json_extract(value, '$.category') || ' ' || coalesce((SELECT group_concat(t.value, ' ') FROM json_each(json_extract(n.value, '$.tags')) t), '')
              FROM json_each(readfile('\(corpus)/news.json'), '$.news') AS n;
            INSERT INTO news(news) VALUES('optimize');
            """
        try? script.write(toFile: work + "/build.sql", atomically: true, encoding: .utf8)
        _ = run(sqlite, [database], stdinPath: work + "/build.sql")
    }
    let sql = "SELECT rowid, highlight(news, 0, '[', ']'), snippet(news, 2, '[', ']', '…', 24) FROM news "
        + "WHERE news MATCH 'satellite spec*' ORDER BY rank LIMIT 20"
    let peer = measure(sqlite, [database, sql])
    let rows = peer.output.split(separator: "\n").count
    row("sqlite3 FTS5 \"satellite spec*\" (\(rows) rows)", peer.ms, peer.peakMB)
    print(String(format: "one-shot search: %.2f × sqlite3", search.ms / max(0.001, peer.ms)))
}
