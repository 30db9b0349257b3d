import CNcurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Restores the terminal on every way out of the process while a real terminal is open:
/// `atexit`, the termination signals (SIGINT, SIGTERM, SIGHUP) and the fatal ones (SIGSEGV,
/// SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGQUIT).
///
/// A signal handler may only do async-signal-safe work, so:
/// - a termination signal only records itself; `Terminal.nextEvent` polls for it, closes the
///   terminal with ncurses, and re-raises it. A second one before that (a program stuck
///   somewhere else) restores the terminal right away and re-raises.
/// - a fatal signal writes the reset sequence captured at open (rmcup, cnorm, sgr0...) with
///   `write(2)`, puts back the saved `termios` with `tcsetattr`, restores the disposition that
///   was there before (the default action, or Swift's crash reporter) and re-raises.
enum SignalGuard {
    static let terminationSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    static let fatalSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGQUIT]

    /// Saves the terminal modes of `terminalFD` and installs the handlers. Signals ignored when
    /// the process started (as `nohup` does) stay ignored.
    static func arm(terminalFD: Int32) {
        let state = signalState
        state.pointee.pendingSignal = 0
        state.pointee.terminalFD = terminalFD
        state.pointee.resetCount = 0
        state.pointee.hasTermios = tcgetattr(terminalFD, state.pointee.savedTermios) == 0 ? 1 : 0
        state.pointee.armed = 1
        registerAtExitOnce()
        for signal in terminationSignals { install(signal, handler: onTerminationSignal, once: false) }
        for signal in fatalSignals { install(signal, handler: onFatalSignal, once: true) }
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

    /// Puts back the signal dispositions found by `arm`. The terminal is already restored.
    static func disarm() {
        signalState.pointee.armed = 0
        for signal in terminationSignals + fatalSignals where installed.contains(signal) {
            _ = sigaction(signal, previousActions + Int(signal), nil)
        }
        installed = []
    }

    /// The termination signal received since the last call, if any.
    static func takePendingSignal() -> Int32? {
        let signal = signalState.pointee.pendingSignal
        guard signal != 0 else { return nil }
        signalState.pointee.pendingSignal = 0
        return signal
    }

    /// Ends the process the way `signal` would have, the terminal being restored already.
    /// The signal is unblocked first: a thread started by a library may block it, and the
    /// signal must reach this one.
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

    private static func install(_ signal: Int32, handler: @convention(c) (Int32) -> Void, once: Bool) {
        let previous = previousActions + Int(signal)
        var action = sigaction()
        action.handler = handler
        action.sa_flags = Int32(SA_RESTART) | (once ? Int32(bitPattern: UInt32(SA_RESETHAND)) : 0)
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

/// What the signal handlers read and write.
///
/// Swift 6 forbids shared mutable globals, and a handler cannot allocate or take locks. So this
/// state is allocated once, up front, and reached only through the `nonisolated(unsafe)`
/// pointers below: they are set before any handler is installed and never change, and the
/// handlers write through them only fields that a single aligned store updates (the role
/// `volatile sig_atomic_t` plays in C).
private struct SignalState {
    var pendingSignal: Int32 = 0
    var armed: Int32 = 0
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
    var offset = 0
    while offset < state.pointee.resetCount {
        let written = write(state.pointee.terminalFD, state.pointee.resetBytes + offset, state.pointee.resetCount - offset)
        if written > 0 { offset += written } else if written < 0 && errno == EINTR { continue } else { break }
    }
    if state.pointee.hasTermios != 0 {
        _ = tcsetattr(state.pointee.terminalFD, TCSANOW, state.pointee.savedTermios)
    }
}

private func onTerminationSignal(_ signal: Int32) {
    if signalState.pointee.pendingSignal != 0 {
        restoreTerminalFromSignalHandler()
        SignalGuard.setDefaultAction(signal)
        raise(signal)
        return
    }
    signalState.pointee.pendingSignal = signal
}

private func onFatalSignal(_ signal: Int32) {
    restoreTerminalFromSignalHandler()
    _ = sigaction(signal, previousActions + Int(signal), nil)
    raise(signal)
}

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

    /// Whether this disposition ignores its signal (as `nohup` arranges for SIGHUP).
    fileprivate var ignoresSignal: Bool {
        guard sa_flags & Int32(SA_SIGINFO) == 0, let handler else { return false }
        return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }
}
