import Foundation

/// One run of a helper program with its output captured within limits: standard output up to a
/// cap (the program is killed as soon as it passes it), the first 4 KiB of standard error, and a
/// deadline for its output and its exit (the program is killed when it is reached). Standard
/// input is /dev/null.
///
/// Both pipes are read in the calling thread with `poll`, so a program that fills one pipe while
/// the other is waited on cannot block the run.
struct HelperProcess {
    var path: String
    var arguments: [String]

    /// How the run ended.
    enum End: Equatable {
        case exited(Int32)
        case signaled(Int32)
        /// Killed: its standard output passed the cap.
        case outputOverCap
        /// Killed: the deadline came first.
        case pastDeadline
    }

    struct Outcome {
        var output: [UInt8]
        /// Standard error, at most `errorCap` bytes of it, decoded with repairs.
        var errorText: String
        var end: End
    }

    static let errorCap = 4096

    /// Runs the program and waits for it; throws when it cannot be started.
    func run(outputCap: Int, deadline seconds: Double) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        try? output.fileHandleForWriting.close()
        try? errors.fileHandleForWriting.close()
        var collected: [UInt8] = []
        var errorBytes: [UInt8] = []
        var killedFor: End?
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, seconds) * 1e9)
        var descriptors = [pollfd(fd: output.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: errors.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)]
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        reading: while descriptors.contains(where: { $0.fd >= 0 }) {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else {
                killedFor = .pastDeadline
                break
            }
            let waitMilliseconds = Int32(min(1_000, (deadline - now) / 1_000_000 + 1))
            if poll(&descriptors, nfds_t(descriptors.count), waitMilliseconds) < 0 {
                if errno == EINTR { continue }
                break
            }
            for index in descriptors.indices where descriptors[index].fd >= 0 && descriptors[index].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(descriptors[index].fd, $0.baseAddress, $0.count) }
                if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
                guard count > 0 else {
                    descriptors[index].fd = -1
                    continue
                }
                if index == 0 {
                    collected.append(contentsOf: buffer[..<count])
                    if collected.count > outputCap {
                        collected = []
                        killedFor = .outputOverCap
                        break reading
                    }
                } else if errorBytes.count < Self.errorCap {
                    errorBytes.append(contentsOf: buffer[..<min(count, Self.errorCap - errorBytes.count)])
                }
            }
        }
        // A program may close both pipes and go on running: the deadline holds for its exit too.
        if killedFor == nil && !Self.exits(process, before: deadline) { killedFor = .pastDeadline }
        if killedFor != nil { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let end: End
        if let killedFor {
            end = killedFor
        } else if process.terminationReason == .uncaughtSignal {
            end = .signaled(process.terminationStatus)
        } else {
            end = .exited(process.terminationStatus)
        }
        return Outcome(output: collected, errorText: String(decoding: errorBytes, as: UTF8.self), end: end)
    }

    /// Whether `process` ends before `deadline` (uptime nanoseconds), looked at every 2 ms.
    private static func exits(_ process: Process, before deadline: UInt64) -> Bool {
        while process.isRunning {
            guard DispatchTime.now().uptimeNanoseconds < deadline else { return false }
            usleep(2_000)
        }
        return true
    }
}
