import CNcurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Restores the terminal on every way out of the process while a real terminal is open:
/// `atexit`, the termination signals (SIGINT, SIGTERM, SIGHUP) and the fatal ones (SIGSEGV,
/// SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGQUIT).
///
/// A signal handler may only do async-signal-safe work, so:
/// - a termination signal only writes its number into a pipe (see `SignalPipe`);
///   `Terminal.nextEvent` polls for it, closes the terminal with ncurses, and re-raises it. A second one before that (a program stuck
///   somewhere else) restores the terminal right away and re-raises.
/// - a fatal signal, first, restores the terminal: it writes the reset sequence captured at
///   open (mouse reporting off, rmkx, sgr0, op, cnorm, rmcup, which leaves the alternate screen)
///   with `write(2)` and puts back the saved `termios` with `tcsetattr`. Then it writes a crash
///   report (see `CrashReport`) when `arm` was given a folder, prints one line naming the
///   report on the now sane screen, and ends the process with the signal's default action
///   (default disposition, signal unblocked, re-raised). The handler runs on an alternate
///   signal stack, so a stack overflow (SIGSEGV on the guard page) is handled too.
///
/// How this chains with the Swift runtime's backtracer: on Linux the runtime enables its
/// backtracer by default and, before `main`, installs its own handlers (SA_SIGINFO|SA_ONSTACK)
/// for SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP and SIGQUIT; Swift's runtime traps
/// (`fatalError`, a failed precondition, an overflow) raise SIGILL (ud2) on x86_64 and SIGTRAP
/// on arm64. On a terminal its backtracer is interactive ("Press space to interact, D to
/// debug…") and waits for a key over the curses screen. Its settings (`SWIFT_BACKTRACE`) are read
/// once at process start, so setting `SWIFT_BACKTRACE=enable=no` from here would need a
/// re-exec. Instead `arm` installs these handlers after the runtime's (replacing them) and the
/// fatal handler never chains to them: while the terminal is open there is no interactive
/// prompt, and the report comes from `CrashReport`. `disarm` (at `close`) puts the runtime's
/// handlers back, so a crash after the terminal is closed gets Swift's usual backtrace on a
/// sane terminal.
enum SignalGuard {
    static let terminationSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    static let fatalSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGQUIT]

    /// Saves the terminal modes of `terminalFD`, prepares crash reports into
    /// `crashReports` (none when nil) and installs the handlers. Signals ignored when the
    /// process started (as `nohup` does) stay ignored.
    static func arm(terminalFD: Int32, crashReports: CrashReportOptions?) {
        let state = signalState
        state.pointee.terminationReceived = 0
        SignalPipe.open()
        SignalPipe.drain()
        state.pointee.terminalFD = terminalFD
        state.pointee.resetCount = 0
        state.pointee.hasTermios = tcgetattr(terminalFD, state.pointee.savedTermios) == 0 ? 1 : 0
        state.pointee.crashing = 0
        CrashReport.prepare(crashReports)
        AlternateSignalStack.ensure()
        state.pointee.armed = 1
        registerAtExitOnce()
        for signal in terminationSignals { install(signal, .termination) }
        for signal in fatalSignals { install(signal, .fatal) }
    }

    /// The bytes a fatal-signal handler writes to put the terminal back (terminfo strings
    /// without their padding), at most `resetCapacity` of them.
    static func setResetSequence(_ bytes: [UInt8]) {
        let state = signalState
        state.pointee.resetCount = 0
        let count = min(bytes.count, resetCapacity)
        for index in 0..<count { state.pointee.resetBytes[index] = bytes[index] }
        state.pointee.resetCount = count
    }

    /// Puts back the signal dispositions found by `arm` (the Swift runtime's, usually). The
    /// terminal is already restored.
    static func disarm() {
        signalState.pointee.armed = 0
        for signal in terminationSignals + fatalSignals where installed.contains(signal) {
            _ = sigaction(signal, previousActions + Int(signal), nil)
        }
        installed = []
    }

    /// The termination signal received since the last call, if any. It comes through a pipe
    /// (the handler writes its number, this reads it without blocking), since the handler may
    /// run on another thread than the one asking, and the pipe orders the two.
    static func takePendingSignal() -> Int32? {
        SignalPipe.read()
    }

    /// Ends the process the way `signal` would have, the terminal being restored already.
    /// The signal is unblocked first: a thread started by a library may block it, and the
    /// signal must reach this one. Async-signal-safe.
    static func reraise(_ signal: Int32) {
        setDefaultAction(signal)
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        sigaddset(&unblocked, signal)
        _ = pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
        raise(signal)
    }

    /// Sets the default action for `signal`. Async-signal-safe.
    static func setDefaultAction(_ signal: Int32) {
        var action = sigaction()
        action.handler = SIG_DFL
        sigemptyset(&action.sa_mask)
        _ = sigaction(signal, &action, nil)
    }

    /// Room for the reset sequence, allocated once so the handlers never allocate.
    static let resetCapacity = 256

    /// Signals whose handler this guard installed (main thread only).
    nonisolated(unsafe) private static var installed: Set<Int32> = []

    private enum Role { case termination, fatal }

    private static func install(_ signal: Int32, _ role: Role) {
        let previous = previousActions + Int(signal)
        var action = sigaction()
        switch role {
        case .termination:
            action.handler = onTerminationSignal
            action.sa_flags = Int32(SA_RESTART)
        case .fatal:
            // SA_RESETHAND: a fault inside the handler itself ends the process at once.
            action.infoHandler = onFatalSignal
            action.sa_flags = Int32(SA_SIGINFO) | Int32(SA_ONSTACK) | Int32(bitPattern: UInt32(SA_RESETHAND))
        }
        sigemptyset(&action.sa_mask)
        guard sigaction(signal, &action, previous) == 0 else { return }
        if previous.pointee.ignoresSignal {
            _ = sigaction(signal, previous, nil)
        } else {
            installed.insert(signal)
        }
    }

    nonisolated(unsafe) private static var atExitRegistered = false

    private static func registerAtExitOnce() {
        guard !atExitRegistered else { return }
        atExitRegistered = true
        atexit {
            guard signalState.pointee.armed != 0 else { return }
            signalState.pointee.armed = 0
            endwin()
        }
    }
}

/// An alternate stack for signal handlers on the thread that opens the terminal, so a handler
/// still runs when a stack overflow is what raised SIGSEGV. Kept when the thread has one already
/// (the Swift runtime's backtracer sets one up).
private enum AlternateSignalStack {
    static let size = 64 * 1024

    static func ensure() {
        var current = stack_t()
        guard sigaltstack(nil, &current) == 0, current.ss_flags & Int32(SS_DISABLE) != 0 else { return }
        var stack = stack_t()
        stack.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        stack.ss_size = size
        stack.ss_flags = 0
        _ = sigaltstack(&stack, nil)
    }
}

/// Carries termination signals from their handler to `Terminal.nextEvent`: a pipe whose ends
/// never block, opened once. `write(2)` is async-signal-safe, and the kernel orders the write
/// before the read, whatever threads they run on.
private enum SignalPipe {
    nonisolated(unsafe) static var ends: (read: Int32, write: Int32) = (-1, -1)

    static func open() {
        guard ends.read < 0 else { return }
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else { return }
        for descriptor in descriptors {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
        ends = (descriptors[0], descriptors[1])
    }

    /// Async-signal-safe.
    static func write(_ signal: Int32) {
        var byte = UInt8(truncatingIfNeeded: signal)
        withUnsafePointer(to: &byte) { writeAll(ends.write, $0, 1) }
    }

    static func read() -> Int32? {
        guard ends.read >= 0 else { return nil }
        var byte: UInt8 = 0
        #if canImport(Glibc)
        let count = Glibc.read(ends.read, &byte, 1)
        #else
        let count = Darwin.read(ends.read, &byte, 1)
        #endif
        return count == 1 ? Int32(byte) : nil
    }

    /// Forgets signals left from an earlier arming.
    static func drain() {
        while read() != nil {}
    }
}

/// What the signal handlers read and write.
///
/// Swift 6 forbids shared mutable globals, and a handler cannot allocate or take locks. So this
/// state is allocated once, up front, and reached only through the `nonisolated(unsafe)`
/// pointers below: they are set before any handler is installed and never change, and the
/// handlers write through them only fields that a single aligned store updates (the role
/// `volatile sig_atomic_t` plays in C).
private struct SignalState {
    /// Set by the first termination signal, read by the next one; only handlers touch it.
    var terminationReceived: Int32 = 0
    var armed: Int32 = 0
    /// Set by the first fatal handler to run, so a second thread crashing meanwhile only dies.
    var crashing: Int32 = 0
    var terminalFD: Int32 = -1
    var hasTermios: Int32 = 0
    var savedTermios: UnsafeMutablePointer<termios>
    var resetBytes: UnsafeMutablePointer<UInt8>
    var resetCount = 0
}

nonisolated(unsafe) private let signalState: UnsafeMutablePointer<SignalState> = {
    let termiosStorage = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    termiosStorage.initialize(to: termios())
    let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: SignalGuard.resetCapacity)
    bytes.initialize(repeating: 0, count: SignalGuard.resetCapacity)
    let state = UnsafeMutablePointer<SignalState>.allocate(capacity: 1)
    state.initialize(to: SignalState(savedTermios: termiosStorage, resetBytes: bytes))
    return state
}()

/// The dispositions found at `arm`, indexed by signal number.
nonisolated(unsafe) private let previousActions: UnsafeMutablePointer<sigaction> = {
    let actions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    actions.initialize(repeating: sigaction(), count: 65)
    return actions
}()

/// Writes the reset sequence and restores the saved modes, once. Async-signal-safe.
private func restoreTerminalFromSignalHandler() {
    let state = signalState
    guard state.pointee.armed != 0 else { return }
    state.pointee.armed = 0
    writeAll(state.pointee.terminalFD, state.pointee.resetBytes, state.pointee.resetCount)
    if state.pointee.hasTermios != 0 {
        _ = tcsetattr(state.pointee.terminalFD, TCSANOW, state.pointee.savedTermios)
    }
}

private func onTerminationSignal(_ signal: Int32) {
    if signalState.pointee.terminationReceived != 0 {
        restoreTerminalFromSignalHandler()
        SignalGuard.reraise(signal)
        return
    }
    signalState.pointee.terminationReceived = 1
    SignalPipe.write(signal)
}

/// Restores the terminal, writes the crash report, says where it is, and dies of `signal`.
private func onFatalSignal(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    let state = signalState
    guard state.pointee.crashing == 0 else {
        SignalGuard.reraise(signal)
        return
    }
    state.pointee.crashing = 1
    restoreTerminalFromSignalHandler()
    let written = CrashReport.write(signal: signal, info: info)
    announceCrash(signal: signal, reportWritten: written, on: state.pointee.terminalFD)
    SignalGuard.reraise(signal)
}

/// The line printed after a crash, once the terminal is back:
/// `itu-browser crashed (SIGSEGV); crash report: /home/a/.local/state/itu-browser/crash-….txt`.
private func announceCrash(signal: Int32, reportWritten: Bool, on descriptor: Int32) {
    let name = CrashReport.programName
    guard name.count > 0 else { return }
    let out = SignalSafeWriter(descriptor: descriptor, scratch: announceScratch)
    out.write(name.bytes, count: name.count)
    out.write(" crashed (")
    out.write(SignalNames.name(of: signal))
    if reportWritten {
        let path = CrashReport.path
        out.write("); crash report: ")
        out.write(path.bytes, count: path.count)
    } else {
        let folder = CrashReport.folder
        out.write("); no crash report could be written in ")
        out.write(folder.bytes, count: folder.count)
    }
    out.write("\n")
}

nonisolated(unsafe) private let announceScratch: UnsafeMutablePointer<UInt8> = {
    let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: SignalSafeWriter.scratchCapacity)
    bytes.initialize(repeating: 0, count: SignalSafeWriter.scratchCapacity)
    return bytes
}()

extension sigaction {
    /// The plain handler (`sa_handler`), whose storage the C library shares with `sa_sigaction`.
    fileprivate var handler: (@convention(c) (Int32) -> Void)? {
        get {
            #if os(Linux)
            __sigaction_handler.sa_handler
            #else
            __sigaction_u.__sa_handler
            #endif
        }
        set {
            #if os(Linux)
            __sigaction_handler.sa_handler = newValue
            #else
            __sigaction_u.__sa_handler = newValue
            #endif
        }
    }

    /// The handler taking `siginfo_t` (`sa_sigaction`, used with SA_SIGINFO).
    fileprivate var infoHandler: (@convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void)? {
        get {
            #if os(Linux)
            __sigaction_handler.sa_sigaction
            #else
            __sigaction_u.__sa_sigaction
            #endif
        }
        set {
            #if os(Linux)
            __sigaction_handler.sa_sigaction = newValue
            #else
            __sigaction_u.__sa_sigaction = newValue
            #endif
        }
    }

    /// Whether this disposition ignores its signal (as `nohup` arranges for SIGHUP).
    fileprivate var ignoresSignal: Bool {
        guard sa_flags & Int32(SA_SIGINFO) == 0, let handler else { return false }
        return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }
}
