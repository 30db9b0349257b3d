import CNcurses
import Foundation
import Screen
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The ncurses backend: paints `Frame`s and turns what the terminal sends into `InputEvent`s.
///
/// The only code in the project that touches ncurses. Open one with `open()` on the real
/// terminal, or `openHeadless(...)` for tests; ncurses drives one screen at a time, so a second
/// open fails until the first is closed. Use it from one thread. `close()` restores the
/// terminal; signals and `atexit` restore it too (see `SignalGuard`).
public final class Terminal {
    /// Whether styles are painted in color (false on monochrome terminals and under `NO_COLOR`).
    public var usesColor: Bool { palette.enabled }
    public private(set) var isOpen = true

    private let screen: OpaquePointer
    let window: UnsafeMutablePointer<WINDOW>
    var palette: ColorPalette
    let streams: Streams
    /// Whether termination signals are watched: always for the real terminal, on request headless.
    let guardsSignals: Bool
    /// Whether the terminal is asked to report the mouse: when its terminfo entry has `kmous`.
    let reportsMouse: Bool
    /// The last frame painted and the screen size it was painted at, so unchanged cells are not
    /// handed to ncurses again.
    var painted: (frame: Frame, width: Int, height: Int)?
    /// Whether the cursor is shown, once a paint has decided it.
    var cursorShown: Bool?
    /// What to do once a termination signal has been noticed and the terminal closed. Tests
    /// replace it; the default ends the process the way the signal would have.
    var onTerminationSignal: (Int32) -> Void = SignalGuard.reraise

    /// How long `nextEvent` blocks in ncurses at a time, so a termination signal is noticed quickly.
    static let signalPollMilliseconds = 50
    /// How long ncurses waits after ESC for the rest of a key's sequence.
    private static let escapeDelayMilliseconds: Int32 = 25
    /// Only one ncurses screen may be active; open and close run on one thread.
    nonisolated(unsafe) private static var screenIsOpen = false

    /// The files ncurses reads and writes: the process's own, or the headless pipe and file.
    enum Streams {
        case terminal
        case headless(input: UnsafeMutablePointer<FILE>, inputWriter: Int32, output: UnsafeMutablePointer<FILE>)
    }

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, palette: ColorPalette,
                 streams: Streams, guardsSignals: Bool, reportsMouse: Bool) {
        self.screen = screen
        self.window = window
        self.palette = palette
        self.streams = streams
        self.guardsSignals = guardsSignals
        self.reportsMouse = reportsMouse
    }

    deinit { close() }

    // MARK: Opening

    /// Opens the real terminal on standard input and output.
    ///
    /// Sets the locale from the environment (falling back to a UTF-8 one for the character type,
    /// since Frames are Unicode), starts ncurses in raw mode with the keypad, the mouse (button 1
    /// and the wheel) and, when the terminal has them and `NO_COLOR` is unset or empty, colors on
    /// the terminal's own background. A crash while it is open (SIGSEGV, SIGABRT, a Swift
    /// runtime trap...) restores the terminal, then writes a report into `crashReports`' folder
    /// and names it on the screen (see `SignalGuard`); nil writes no report.
    public static func open(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        crashReports: CrashReportOptions? = nil
    ) throws(TerminalError) -> Terminal {
        guard isatty(STDIN_FILENO) == 1 else { throw .standardInputNotATerminal }
        guard isatty(STDOUT_FILENO) == 1 else { throw .standardOutputNotATerminal }
        guard !screenIsOpen else { throw .alreadyOpen }
        guard let term = environment["TERM"], !term.isEmpty else { throw .termNotSet }
        UnicodeLocale.ensure()
        SignalGuard.arm(terminalFD: STDOUT_FILENO, crashReports: crashReports)
        use_tioctl(true)
        guard let screen = newterm(term, itu_stdout(), itu_stdin()) else {
            SignalGuard.disarm()
            throw .unknownTerm(term)
        }
        guard TerminfoString.bytes(named: "cup") != nil else {
            _ = endwin()
            delscreen(screen)
            SignalGuard.disarm()
            throw .termCannotMoveCursor(term)
        }
        let terminal = start(screen: screen, environment: environment, streams: .terminal, guardsSignals: true)
        SignalGuard.setResetSequence(terminal.resetSequence())
        return terminal
    }

    /// Opens a terminal that paints into memory: input comes from a pipe fed by `feedInput`,
    /// output goes to a temporary file, and the screen is `width` × `height` whatever the process
    /// is attached to. For tests: read the result back with `screenText()` and `cell(x:y:)`.
    public static func openHeadless(
        width: Int, height: Int, term: String = "xterm-256color", environment: [String: String] = [:]
    ) throws(TerminalError) -> Terminal {
        try openHeadless(width: width, height: height, term: term, environment: environment, guardsSignals: false)
    }

    /// `openHeadless`, optionally watching signals as the real terminal does.
    static func openHeadless(
        width: Int, height: Int, term: String, environment: [String: String], guardsSignals: Bool,
        crashReports: CrashReportOptions? = nil
    ) throws(TerminalError) -> Terminal {
        guard !screenIsOpen else { throw .alreadyOpen }
        guard !term.isEmpty else { throw .termNotSet }
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { throw .systemFailure("cannot create the input pipe") }
        guard let input = fdopen(pipeEnds[0], "r"), let output = tmpfile() else {
            closeFileDescriptor(pipeEnds[0])
            closeFileDescriptor(pipeEnds[1])
            throw .systemFailure("cannot create the headless input and output")
        }
        UnicodeLocale.ensure()
        if guardsSignals { SignalGuard.arm(terminalFD: fileno(output), crashReports: crashReports) }
        let created = newterm(term, output, input)
        let problem: TerminalError? = if created == nil {
            .unknownTerm(term)
        } else if TerminfoString.bytes(named: "cup") == nil {
            .termCannotMoveCursor(term)
        } else {
            nil
        }
        guard let screen = created, problem == nil else {
            if let created {
                _ = endwin()
                delscreen(created)
            }
            if guardsSignals { SignalGuard.disarm() }
            fclose(input)
            fclose(output)
            closeFileDescriptor(pipeEnds[1])
            throw problem ?? .unknownTerm(term)
        }
        let streams = Streams.headless(input: input, inputWriter: pipeEnds[1], output: output)
        let terminal = start(screen: screen, environment: environment, streams: streams, guardsSignals: guardsSignals)
        if guardsSignals { SignalGuard.setResetSequence(terminal.resetSequence()) }
        _ = resize_term(Int32(max(1, height)), Int32(max(1, width)))
        return terminal
    }

    /// Configures the screen `newterm` just made current.
    private static func start(
        screen: OpaquePointer, environment: [String: String], streams: Streams, guardsSignals: Bool
    ) -> Terminal {
        screenIsOpen = true
        // `newterm` succeeded, so the screen has its standard window.
        let window = itu_stdscr()!
        _ = raw()
        _ = noecho()
        _ = nonl()
        _ = keypad(window, true)
        _ = intrflush(window, false)
        _ = set_escdelay(escapeDelayMilliseconds)
        _ = curs_set(0)
        // Mouse reports are decoded by `MouseReport`, not by ncurses (see there): ncurses must not
        // take the report's start for its mouse key.
        let reportsMouse = TerminfoString.bytes(named: "kmous") != nil
        if reportsMouse { _ = keyok(KEY_MOUSE, false) }
        for (sequence, code) in KeyDecoder.extraSequences where key_defined(sequence) == 0 {
            _ = define_key(sequence, code)
        }
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let colors = has_colors() && !noColor && start_color() == OK
        let defaultColors = colors && use_default_colors() == OK
        let palette = ColorPalette.forCurrentScreen(enabled: colors, hasDefaultColors: defaultColors)
        let terminal = Terminal(
            screen: screen, window: window, palette: palette, streams: streams, guardsSignals: guardsSignals,
            reportsMouse: reportsMouse)
        terminal.setMouseReporting(on: true)
        return terminal
    }

    /// The bytes that put the terminal back as a shell expects it: mouse reporting off when it
    /// was asked for, then the terminfo entry's own resets.
    func resetSequence() -> [UInt8] {
        var bytes = reportsMouse ? Terminal.mouseReportingSequence(on: false) : []
        for capability in ["rmkx", "sgr0", "op", "cnorm", "rmcup"] {
            bytes += TerminfoString.bytes(named: capability) ?? []
        }
        return bytes
    }

    // MARK: Closing

    /// Restores the terminal (`endwin`) and releases the screen. Safe to call more than once.
    public func close() {
        guard isOpen else { return }
        _ = set_term(screen)
        setMouseReporting(on: false)
        isOpen = false
        _ = endwin()
        if guardsSignals { SignalGuard.disarm() }
        delscreen(screen)
        if case .headless(let input, let inputWriter, let output) = streams {
            fclose(input)
            fclose(output)
            closeFileDescriptor(inputWriter)
        }
        Terminal.screenIsOpen = false
    }

    // MARK: Size

    /// The screen's size in cells.
    public var size: (width: Int, height: Int) {
        guard isOpen else { return (0, 0) }
        return (Int(getmaxx(window)), Int(getmaxy(window)))
    }

}

private func closeFileDescriptor(_ descriptor: Int32) {
    #if canImport(Glibc)
    _ = Glibc.close(descriptor)
    #elseif canImport(Darwin)
    _ = Darwin.close(descriptor)
    #endif
}
