import Foundation

/// Wall-clock and CPU timing and the order statistics the report prints.
enum Timing {
    /// Seconds taken by `body`, measured with a monotonic clock.
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// CPU seconds this process has used so far, on all its threads.
    static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The nearest-rank percentile `p` (0...100) of `samples`.
    static func percentile(_ samples: [Double], _ p: Double) -> Double {
        guard !samples.isEmpty else { return .nan }
        let sorted = samples.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }

    static func milliseconds(_ seconds: Double) -> String { String(format: "%8.3f", seconds * 1000) }
}

/// The process's peak resident memory so far (VmHWM in /proc/self/status), in bytes.
func peakResidentBytes() -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return Int(line.filter(\.isNumber)).map { $0 * 1024 }
    }
    return nil
}

func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_048_576) }

/// Restricts this process to the first CPU it may run on, so that every thread it starts
/// shares one core; returns that CPU's number. (The C library's affinity calls are looked up
/// by name: Swift's Glibc module leaves these GNU extensions out.)
func pinToOneCPU() throws -> Int {
    typealias AffinityCall = @convention(c) (pid_t, Int, UnsafeMutableRawPointer) -> Int32
    guard let getSymbol = dlsym(nil, "sched_getaffinity"), let setSymbol = dlsym(nil, "sched_setaffinity") else {
        throw BenchError("the C library has no sched_getaffinity/sched_setaffinity")
    }
    let getAffinity = unsafeBitCast(getSymbol, to: AffinityCall.self)
    let setAffinity = unsafeBitCast(setSymbol, to: AffinityCall.self)
    var allowed = cpu_set_t()
    guard withUnsafeMutableBytes(of: &allowed, { getAffinity(0, $0.count, $0.baseAddress!) }) == 0 else {
        throw BenchError("sched_getaffinity failed: \(String(cString: strerror(errno)))")
    }
    let first = withUnsafeBytes(of: &allowed) { raw -> Int? in
        for (index, byte) in raw.enumerated() where byte != 0 {
            return index * 8 + byte.trailingZeroBitCount
        }
        return nil
    }
    guard let cpu = first else { throw BenchError("no CPU allowed to this process") }
    var one = cpu_set_t()
    let status = withUnsafeMutableBytes(of: &one) { raw in
        raw[cpu / 8] = UInt8(1) << UInt8(cpu % 8)
        return setAffinity(0, raw.count, raw.baseAddress!)
    }
    guard status == 0 else { throw BenchError("sched_setaffinity failed: \(String(cString: strerror(errno)))") }
    return cpu
}
