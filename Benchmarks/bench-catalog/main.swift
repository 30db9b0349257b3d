// Measures fixture loading: the bundled fixtures and generated corpora of 10,000 and 100,000
// news items, each loaded (read, validated, catalog built) in a child process of its own so
// that its peak memory is its own. Foundation's JSONDecoder on the same news.json is measured
// beside it as a baseline.
//
//     swift run -c release --scratch-path .build-cat bench-catalog [--fixtures DIR]
//
// Child modes (used by the parent): `--load DIR RUNS` and `--baseline DIR RUNS`; and
// `--generate DIR NEWS ORGANIZATIONS` writes a corpus to look at.
import Catalog
import Foundation

/// Wall-clock seconds of a piece of work.
func seconds(_ work: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try work()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// CPU seconds this process has used so far: unlike wall time, it does not grow when other
/// programs compete for the processors.
func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// The peak resident memory of this process so far, in bytes (`VmHWM`), or 0 where unknown.
func peakMemory() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
        return kilobytes * 1024
    }
    return 0
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func jsonSize(_ directory: String) -> Int {
    FixtureFile.Kind.allCases.reduce(0) { total, kind in
        let attributes = try? FileManager.default.attributesOfItem(atPath: directory + "/" + kind.fileName)
        return total + ((attributes?[.size] as? Int) ?? 0)
    }
}

// MARK: Child: load with FixtureLoader

func runLoad(directory: String, runs: Int) {
    var times: [Double] = []
    var cpuTimes: [Double] = []
    var summary = ""
    var firstPeak = 0
    for _ in 0..<runs {
        var result: FixtureLoadResult?
        let cpuStart = processCPUSeconds()
        times.append(seconds { result = FixtureLoader.load(directory: directory) })
        cpuTimes.append(processCPUSeconds() - cpuStart)
        if firstPeak == 0 { firstPeak = peakMemory() }
        guard let result else { continue }
        if let catalog = result.catalog {
            summary = "\(catalog.sectors.count) sectors, \(catalog.organizations.count) organizations, \(catalog.news.count) news, \(result.warnings.count) warnings"
        } else {
            summary = "FAILED: \(result.errors.count) errors; first: \(result.errors.first?.description ?? "")"
        }
    }
    let peak = peakMemory()
    // How much of the load is building the store (indexes, relations, sorting) from the values.
    if let catalog = FixtureLoader.load(directory: directory).catalog {
        let build = seconds { _ = Catalog(sectors: catalog.sectors, organizations: catalog.organizations, news: Array(catalog.news)) }
        summary += "; Catalog(...) alone on already decoded values takes \(milliseconds(build)) (the values shared, so copied once)"
    }
    summary += "; CPU time median \(milliseconds(median(cpuTimes)))"
    print("RESULT\t\(median(times))\t\(times.min() ?? 0)\t\(peak)\t\(summary)\t\(firstPeak)")
}

// MARK: Child: baseline with JSONDecoder

struct NewsFileMirror: Decodable {
    struct Item: Decodable {
        var id: String
        var date: String
        var category: String
        var title: String
        var summary: String
        var body: String
        var organizations: [String]?
        var sectors: [String]?
        var tags: [String]?
        var source: String?
    }
    var schemaVersion: Int
    var news: [Item]
}

func runBaseline(directory: String, runs: Int) {
    var times: [Double] = []
    var cpuTimes: [Double] = []
    var count = 0
    for _ in 0..<runs {
        let cpuStart = processCPUSeconds()
        defer { cpuTimes.append(processCPUSeconds() - cpuStart) }
        times.append(seconds {
            guard let data = FileManager.default.contents(atPath: directory + "/news.json"),
                  let file = try? JSONDecoder().decode(NewsFileMirror.self, from: data) else { return }
            count = file.news.count
        })
    }
    print("RESULT\t\(median(times))\t\(times.min() ?? 0)\t\(peakMemory())\t\(count) news decoded; CPU time median \(milliseconds(median(cpuTimes)))\t0")
}

// MARK: Parent

struct Measurement {
    var medianSeconds: Double
    var bestSeconds: Double
    /// The peak after all the runs, and after the first one alone (0 when not measured).
    var peakBytes: Int
    var summary: String
    var firstRunPeakBytes: Int
}

func child(_ arguments: [String]) -> Measurement? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    do { try process.run() } catch {
        print("cannot start a child process: \(error)")
        return nil
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("RESULT") }) else { return nil }
    let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    guard fields.count >= 6 else { return nil }
    return Measurement(medianSeconds: Double(fields[1]) ?? 0, bestSeconds: Double(fields[2]) ?? 0,
                       peakBytes: Int(fields[3]) ?? 0, summary: fields[4], firstRunPeakBytes: Int(fields[5]) ?? 0)
}

func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_048_576) }
func milliseconds(_ seconds: Double) -> String { String(format: "%.0f ms", seconds * 1000) }

func report(_ label: String, directory: String, runs: Int) {
    let size = jsonSize(directory)
    print("\n\(label): \(megabytes(size)) of JSON in \(directory)")
    if let load = child(["--load", directory, String(runs)]) {
        func ratio(_ bytes: Int) -> String { String(format: "%.2f", Double(bytes) / Double(max(size, 1))) + "x the JSON" }
        print("  FixtureLoader.load: median \(milliseconds(load.medianSeconds)), best \(milliseconds(load.bestSeconds)) of \(runs); "
            + "peak memory of the first load \(megabytes(load.firstRunPeakBytes)) (\(ratio(load.firstRunPeakBytes))), "
            + "after \(runs) loads in one process \(megabytes(load.peakBytes)) (\(ratio(load.peakBytes)))")
        print("    \(load.summary)")
    }
    if FileManager.default.fileExists(atPath: directory + "/news.json"),
       let baseline = child(["--baseline", directory, String(runs)]) {
        print("  baseline JSONDecoder, news.json only: median \(milliseconds(baseline.medianSeconds)), best \(milliseconds(baseline.bestSeconds)); peak memory \(megabytes(baseline.peakBytes)); \(baseline.summary)")
    }
}

func bundledFixtures() -> String {
    if let index = CommandLine.arguments.firstIndex(of: "--fixtures"), index + 1 < CommandLine.arguments.count {
        return CommandLine.arguments[index + 1]
    }
    if FileManager.default.fileExists(atPath: "fixtures") { return "fixtures" }
    // Benchmarks/bench-catalog/main.swift → the repository root.
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return root.appendingPathComponent("fixtures").path
}

func runParent() {
    print("bench-catalog: fixture loading (each case in its own process; peak memory is VmHWM)")
    report("bundled fixtures", directory: bundledFixtures(), runs: 9)
    let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("bench-catalog-\(ProcessInfo.processInfo.processIdentifier)").path
    defer { try? FileManager.default.removeItem(atPath: temporary) }
    for (newsCount, organizationCount, runs) in [(10_000, 500, 5), (100_000, 2_000, 3)] {
        let directory = temporary + "/corpus-\(newsCount)"
        let generator = CorpusGenerator(newsCount: newsCount, organizationCount: organizationCount, seed: 42)
        var failure: String?
        let time = seconds {
            do { try generator.write(to: directory) } catch { failure = "\(error)" }
        }
        if let failure {
            print("\ngenerating \(newsCount) news failed: \(failure)")
            continue
        }
        print("\ngenerated \(newsCount) news, \(organizationCount) organizations in \(milliseconds(time))")
        report("corpus of \(newsCount) news", directory: directory, runs: runs)
    }
}

let arguments = CommandLine.arguments
if arguments.count >= 4, arguments[1] == "--load" {
    runLoad(directory: arguments[2], runs: Int(arguments[3]) ?? 1)
} else if arguments.count >= 4, arguments[1] == "--baseline" {
    runBaseline(directory: arguments[2], runs: Int(arguments[3]) ?? 1)
} else if arguments.count >= 5, arguments[1] == "--generate" {
    do {
        try CorpusGenerator(newsCount: Int(arguments[3]) ?? 0, organizationCount: Int(arguments[4]) ?? 0, seed: 42).write(to: arguments[2])
    } catch {
        print(error.description)
    }
} else {
    runParent()
}
