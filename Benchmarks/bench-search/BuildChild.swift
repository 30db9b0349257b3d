import Foundation

/// One engine built alone in a child process, so that its build time and peak memory are its
/// own and both engines are measured the same way.
///
/// The parent runs this program again as `bench-search --child MODE SIZE LIMIT`; the child makes
/// the corpus's documents, builds the engine of `MODE` (nothing for `documents`, the baseline),
/// and prints one line `RESULT <wall s> <cpu s> <VmHWM bytes> <cpu or ->`.
enum BuildChild {
    enum Mode: String, CaseIterable {
        /// The documents only: the memory every engine's child needs before building anything.
        case documents
        /// Our index, built with its usual parallelism on every CPU the process may use.
        case ours
        /// Our index, the process pinned to one CPU, so its threads share one core.
        case oursOneCore = "ours-one-core"
        /// FTS5, which builds on one thread.
        case fts5
    }

    /// What a child printed.
    struct Measurement {
        var wallSeconds: Double
        var cpuSeconds: Double
        var peakBytes: Int
        var pinnedCPU: Int?
    }

    /// Runs in the child: builds and prints the measurement line.
    static func run(mode: Mode, size: Int, limit: Int) throws {
        let pinned = mode == .oursOneCore ? try pinToOneCPU() : nil
        let corpus = BenchCorpus(size: size)
        let cpuStart = Timing.processCPUSeconds()
        var built = 0
        let wall = try Timing.seconds {
            switch mode {
            case .documents: built = corpus.documents.count
            case .ours, .oursOneCore: built = corpus.ourIndex().documentCount
            case .fts5: built = try corpus.fts5Index(limit: limit).documentCount
            }
        }
        let cpu = Timing.processCPUSeconds() - cpuStart
        guard built == size else { throw BenchError("\(mode.rawValue) holds \(built) documents, not \(size)") }
        let peak = peakResidentBytes() ?? 0
        print("RESULT\t\(wall)\t\(cpu)\t\(peak)\t\(pinned.map(String.init) ?? "-")")
    }

    /// Runs this program as a child in `mode` and reads its measurement; a child that fails
    /// fails the benchmark.
    static func measure(_ mode: Mode, size: Int, limit: Int) throws -> Measurement {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        process.arguments = ["--child", mode.rawValue, String(size), String(limit)]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw BenchError("the \(mode.rawValue) child failed with status \(process.terminationStatus)")
        }
        let text = String(decoding: data, as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("RESULT\t") }) else {
            throw BenchError("the \(mode.rawValue) child printed no result: \(text.prefix(200))")
        }
        let fields = line.split(separator: "\t").map(String.init)
        guard fields.count == 5, let wall = Double(fields[1]), let cpu = Double(fields[2]), let peak = Int(fields[3]) else {
            throw BenchError("the \(mode.rawValue) child printed an unreadable result: \(line)")
        }
        return Measurement(wallSeconds: wall, cpuSeconds: cpu, peakBytes: peak, pinnedCPU: Int(fields[4]))
    }
}
