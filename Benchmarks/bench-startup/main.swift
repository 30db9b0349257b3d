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
// the largest peak RSS of the three are printed (RSS from wait4 of the child). Installs nothing:
// without sqlite3 on PATH the peer is skipped with a note.

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
func run(_ program: String, _ args: [String], stdinPath: String? = nil) -> (seconds: Double, peakMB: Double, output: String, status: Int32) {
    var environment = ProcessInfo.processInfo.environment
    environment["XDG_CACHE_HOME"] = cache
    let outPath = work + "/out.txt"
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_TRUNC, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    if let stdinPath { posix_spawn_file_actions_addopen(&actions, 0, stdinPath, O_RDONLY, 0) }
    let argv = ([program] + args).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    var pid: pid_t = 0
    let start = DispatchTime.now().uptimeNanoseconds
    let spawned = posix_spawnp(&pid, program, &actions, nil, argv, envp)
    posix_spawn_file_actions_destroy(&actions)
    for pointer in argv + envp { free(pointer) }
    guard spawned == 0 else { return (0, 0, "cannot run \(program)", -1) }
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

// First run: today's in-memory build (--no-cache) against a build that also writes the snapshot.
let query = "satellite spec"
let noCache = run(binary, ["search", query, "--no-cache", "--fixtures", corpus])
_ = run(binary, ["cache", "clear", "--fixtures", corpus])
let firstRun = run(binary, ["search", query, "--fixtures", corpus])
row("search, no snapshot (--no-cache, today)", noCache.seconds * 1000, noCache.peakMB)
row("search, first run (builds + writes snapshot)", firstRun.seconds * 1000, firstRun.peakMB)
let snapshotPath = run(binary, ["cache", "info", "--fixtures", corpus]).output
    .split(separator: "\n").first.map { String($0.dropFirst("snapshot: ".count)) } ?? ""
let snapshotBytes = size(snapshotPath)
print(String(format: "snapshot: %.1f MB = %.2f × the JSON; build cost %.2f × today's",
             Double(snapshotBytes) / 1e6, Double(snapshotBytes) / Double(max(1, jsonBytes)),
             firstRun.seconds / max(0.001, noCache.seconds)))
print("")

let search = measure(binary, ["search", query, "--fixtures", corpus])
row("search \"\(query)\" (snapshot)", search.ms, search.peakMB)
let list = measure(binary, ["list", "news", "--limit", "20", "--fixtures", corpus])
row("list news --limit 20", list.ms, list.peakMB)
let id = search.output.split(separator: "\n").dropFirst().first.map { $0.trimmingCharacters(in: .whitespaces) } ?? "itu-r"
let show = measure(binary, ["show", id, "--fixtures", corpus])
row("show \(id.prefix(24))…", show.ms, show.peakMB)

// The peer: the sqlite3 command on an on-disk FTS5 database of the same news.
let sqlite = "sqlite3"
let database = work + "/news-fts5.sqlite"
if run("/bin/sh", ["-c", "command -v sqlite3"]).status != 0 {
    print("sqlite3: not on PATH; the FTS5 peer is skipped (install the sqlite3 command to compare)")
} else {
    if size(database) == 0 {
        // Our field weights (title 3, summary 1.5, body 1, tags 2); prefix indexes for 1 to 3 letters.
        let script = """
            CREATE VIRTUAL TABLE news USING fts5(title, summary, body, tags, tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');
            INSERT INTO news(news, rank) VALUES('rank', 'bm25(3, 1.5, 1, 2)');
            INSERT INTO news(title, summary, body, tags)
              SELECT json_extract(value, '$.title'), json_extract(value, '$.summary'), json_extract(value, '$.body'),
                     json_extract(value, '$.category') || ' ' || coalesce((SELECT group_concat(t.value, ' ') FROM json_each(json_extract(n.value, '$.tags')) t), '')
              FROM json_each(readfile('\(corpus)/news.json'), '$.news') AS n;
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
