#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where and under what name a crash of the program is reported while the terminal is open.
public struct CrashReportOptions: Sendable, Equatable {
    /// The folder the report goes into (created, with its parents, at the crash), e.g.
    /// `$XDG_STATE_HOME/itu-browser`.
    public var folder: String
    /// The program's name, the first word of the report and of the line printed after a crash.
    public var programName: String

    public init(folder: String, programName: String) {
        self.folder = folder
        self.programName = programName
    }
}

/// Writes the crash report from inside a fatal-signal handler: `crash-<time>.txt` in the
/// prepared folder (`crash-<time>-<pid>.txt` when that name is taken), holding the signal, who
/// sent it or the faulting address, the time in UTC, the process id and a backtrace.
///
/// Everything the handler touches is prepared by `prepare` beforehand, so writing a report
/// only calls async-signal-safe functions (`mkdir`, `open`, `write`, `close`, `time`, `getpid`)
/// on preallocated memory: no allocation, no lock, no Swift string.
///
/// The backtrace comes from the C library's `backtrace` and `backtrace_symbols_fd`, looked up
/// with `dlsym` at `prepare` (they are not in Swift's C library module) and called once there,
/// so the unwinder they load is in memory before any crash. They are not on POSIX's list of
/// async-signal-safe functions; glibc documents `backtrace_symbols_fd` as made for this use (it
/// does not allocate). A crash inside them is caught (the handler is reset to the default
/// action on entry) and only loses the rest of the report, never the terminal, which is
/// restored before. Frames show as `binary(symbol+offset)[address]`; Swift symbols are mangled
/// (`swift demangle` reads them), and addresses inside the executable resolve with
/// `addr2line -e <binary> <offset>`.
enum CrashReport {
    /// Room for a path: the folder plus the file name.
    static let pathCapacity = 4096
    /// The most frames a backtrace shows.
    static let frameCapacity = 128

    /// Records where reports go (nil: no reports) and warms up the backtrace functions.
    static func prepare(_ options: CrashReportOptions?) {
        let state = reportState
        state.pointee.folderLength = 0
        state.pointee.programNameLength = 0
        guard let options else { return }
        let folder = Array(options.folder.utf8)
        let name = Array(options.programName.utf8.prefix(programNameCapacity))
        // Room for "/crash-YYYYMMDDTHHMMSSZ-<pid>.txt" and the final NUL.
        guard !folder.isEmpty, !folder.contains(0), folder.count + 64 < pathCapacity else { return }
        for (index, byte) in folder.enumerated() { state.pointee.folder[index] = byte }
        state.pointee.folderLength = folder.count
        for (index, byte) in name.enumerated() { state.pointee.programName[index] = byte }
        state.pointee.programNameLength = name.count
        BacktraceFunctions.resolve()
    }

    /// Writes the report for `signal`, leaving its path, NUL-terminated, in `path`; returns
    /// whether the file was written. Async-signal-safe.
    static func write(signal: Int32, info: UnsafeMutablePointer<siginfo_t>?) -> Bool {
        let state = reportState
        guard state.pointee.folderLength > 0 else { return false }
        let now = time(nil)
        makeFolders(state.pointee.folder, length: state.pointee.folderLength)
        var descriptor = openReport(now: now, withProcessID: false)
        if descriptor < 0 && errno == EEXIST { descriptor = openReport(now: now, withProcessID: true) }
        guard descriptor >= 0 else { return false }
        let out = SignalSafeWriter(descriptor: descriptor, scratch: state.pointee.scratch)
        out.write(state.pointee.programName, count: state.pointee.programNameLength)
        out.write(" crash report\nSignal: ")
        out.write(SignalNames.name(of: signal))
        out.write(" (")
        out.writeDecimal(Int(signal))
        out.write(")")
        if let info { describeOrigin(of: signal, info: info, to: out) }
        out.write("\nTime: ")
        out.writeTimestamp(now, style: .extended)
        out.write("\nProcess: ")
        out.writeDecimal(Int(getpid()))
        out.write("\n")
        writeBacktrace(to: out)
        _ = close(descriptor)
        return true
    }

    /// The report's path after a successful `write`, and its length.
    static var path: (bytes: UnsafeMutablePointer<UInt8>, count: Int) {
        (reportState.pointee.path, reportState.pointee.pathLength)
    }

    /// The folder reports go to, and its length (0 when there are no reports).
    static var folder: (bytes: UnsafeMutablePointer<UInt8>, count: Int) {
        (reportState.pointee.folder, reportState.pointee.folderLength)
    }

    /// The program name given to `prepare`, and its length.
    static var programName: (bytes: UnsafeMutablePointer<UInt8>, count: Int) {
        (reportState.pointee.programName, reportState.pointee.programNameLength)
    }

    static let programNameCapacity = 64

    /// `mkdir` of each ancestor of `folder` and of the folder itself (existing ones fail
    /// harmlessly). The folders are private to the user, as XDG asks of the state folder.
    private static func makeFolders(_ folder: UnsafeMutablePointer<UInt8>, length: Int) {
        folder[length] = 0
        for index in 1..<max(1, length) where folder[index] == UInt8(ascii: "/") {
            folder[index] = 0
            _ = mkdir(UnsafeRawPointer(folder).assumingMemoryBound(to: CChar.self), 0o700)
            folder[index] = UInt8(ascii: "/")
        }
        _ = mkdir(UnsafeRawPointer(folder).assumingMemoryBound(to: CChar.self), 0o700)
    }

    /// Builds `<folder>/crash-<time>[-<pid>].txt` in `path` and creates it (never over an
    /// existing file).
    private static func openReport(now: time_t, withProcessID: Bool) -> Int32 {
        let state = reportState
        var path = SignalSafeBuffer(bytes: state.pointee.path, capacity: CrashReport.pathCapacity - 1)
        path.append(state.pointee.folder, count: state.pointee.folderLength)
        path.append("/crash-")
        path.appendTimestamp(now, style: .basic)
        if withProcessID {
            path.append("-")
            path.appendDecimal(Int(getpid()))
        }
        path.append(".txt")
        state.pointee.path[path.count] = 0
        state.pointee.pathLength = path.count
        let name = UnsafeRawPointer(state.pointee.path).assumingMemoryBound(to: CChar.self)
        return open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    }

    private static func describeOrigin(of signal: Int32, info: UnsafeMutablePointer<siginfo_t>, to out: SignalSafeWriter) {
        let code = info.pointee.si_code
        #if os(Linux)
        let sender = info.pointee._sifields._kill.si_pid
        let address = info.pointee._sifields._sigfault.si_addr
        #else
        let sender = info.pointee.si_pid
        let address = info.pointee.si_addr
        #endif
        if code <= 0 {
            // SI_USER, SI_TKILL, SI_QUEUE...: sent by kill(2), raise(3) or abort(3).
            out.write(", sent by process ")
            out.writeDecimal(Int(sender))
        } else if SignalNames.isFault(signal) {
            out.write(", at address ")
            out.writeHex(UInt(bitPattern: address))
        }
    }

    private static func writeBacktrace(to out: SignalSafeWriter) {
        guard let functions = BacktraceFunctions.resolved else {
            out.write("Backtrace: not available on this system\n")
            return
        }
        out.write("Backtrace (innermost first; the first frames are the signal handler):\n")
        let frames = reportState.pointee.frames
        let count = functions.backtrace(frames, Int32(frameCapacity))
        functions.symbolsToDescriptor(frames, count, out.descriptor)
    }
}

/// The C library's backtrace functions, when it has them.
private struct BacktraceFunctions {
    typealias Capture = @convention(c) (UnsafeMutablePointer<UnsafeMutableRawPointer?>?, Int32) -> Int32
    typealias Print = @convention(c) (UnsafePointer<UnsafeMutableRawPointer?>?, Int32, Int32) -> Void

    var backtrace: Capture
    var symbolsToDescriptor: Print

    /// Set once by `resolve` on the main thread before any handler can run; read by handlers.
    nonisolated(unsafe) static var resolved: BacktraceFunctions?

    static func resolve() {
        guard resolved == nil, let library = dlopen(nil, RTLD_NOW),
              let capture = dlsym(library, "backtrace"), let print = dlsym(library, "backtrace_symbols_fd") else { return }
        let functions = BacktraceFunctions(
            backtrace: unsafeBitCast(capture, to: Capture.self),
            symbolsToDescriptor: unsafeBitCast(print, to: Print.self))
        // The first call loads the unwinder (which allocates); do it now, not in a crash.
        _ = functions.backtrace(reportState.pointee.frames, 2)
        resolved = functions
    }
}

/// What `CrashReport` keeps for the handler: allocated once, reached through one pointer (see
/// `SignalState` for why).
private struct CrashReportState {
    var folder: UnsafeMutablePointer<UInt8>
    var folderLength = 0
    var path: UnsafeMutablePointer<UInt8>
    var pathLength = 0
    var programName: UnsafeMutablePointer<UInt8>
    var programNameLength = 0
    var frames: UnsafeMutablePointer<UnsafeMutableRawPointer?>
    var scratch: UnsafeMutablePointer<UInt8>
}

nonisolated(unsafe) private let reportState: UnsafeMutablePointer<CrashReportState> = {
    func bytes(_ count: Int) -> UnsafeMutablePointer<UInt8> {
        let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: count)
        pointer.initialize(repeating: 0, count: count)
        return pointer
    }
    let frames = UnsafeMutablePointer<UnsafeMutableRawPointer?>.allocate(capacity: CrashReport.frameCapacity)
    frames.initialize(repeating: nil, count: CrashReport.frameCapacity)
    let state = UnsafeMutablePointer<CrashReportState>.allocate(capacity: 1)
    state.initialize(to: CrashReportState(
        folder: bytes(CrashReport.pathCapacity), path: bytes(CrashReport.pathCapacity),
        programName: bytes(CrashReport.programNameCapacity), frames: frames,
        scratch: bytes(SignalSafeWriter.scratchCapacity)))
    return state
}()
