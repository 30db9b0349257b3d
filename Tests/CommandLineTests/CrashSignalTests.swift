import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A crash of the running browser gives the terminal back: the built `itu-browser` runs on a
/// pseudo-terminal, in raw mode on the alternate screen, and is sent a fatal signal; within 2 s
/// `stty -a` must show `echo` and `icanon`, the process must have died of that signal, a crash
/// report must be in `$XDG_STATE_HOME/itu-browser/`, its path printed, and no interactive
/// backtracer prompt shown.
@Suite(.serialized)
struct CrashSignalTests {
    static let fatalSignals: [Int32] = [SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGFPE, SIGTRAP]

    @Test(arguments: fatalSignals)
    func aFatalSignalRestoresTheTerminalAndWritesAReport(signal: Int32) throws {
        let home = try TemporaryDirectory()
        let state = home.url.appendingPathComponent("state")
        let browser = try PseudoTerminalProcess(
            executable: try ITUBrowserProcess.executable(),
            arguments: ["--fixtures", ITUBrowserProcess.bundledFixtures],
            environment: [
                "TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TZ": "UTC",
                "HOME": home.url.path, "XDG_STATE_HOME": state.path,
                "XDG_CONFIG_HOME": home.url.appendingPathComponent("config").path,
                "XDG_CACHE_HOME": home.url.appendingPathComponent("cache").path,
                "XDG_DATA_HOME": home.url.appendingPathComponent("data").path,
            ])

        // Up and running: raw mode, and the first frame painted.
        let started = browser.wait(seconds: 30) {
            let modes = browser.modes
            return !modes.echo && !modes.canonical && browser.outputText.contains("Sectors")
        }
        try #require(started, "the browser did not reach raw mode with its first frame: \(browser.outputText.suffix(300))")

        kill(browser.pid, signal)
        let name = Self.name(of: signal)
        var stty = ""
        let restored = browser.wait(seconds: 2) {
            guard browser.reapedStatus() != nil, let text = try? browser.sttyAll() else { return false }
            stty = text
            let words = Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
            return words.contains("echo") && words.contains("icanon")
        }
        #expect(restored, "within 2 s of \(name), stty -a shows: \(stty)")
        #expect(browser.terminatingSignal == signal, "the browser did not die of \(name): status \(String(describing: browser.reapedStatus()))")

        let folder = state.appendingPathComponent("itu-browser")
        // The folder also holds the state database, which the browser opened at start.
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let reports = files.filter { $0.hasPrefix("crash-") }
        try #require(reports.count == 1, "expected one crash report in \(folder.path), found \(files)")
        let report = try #require(reports.first)
        #expect(report.hasSuffix(".txt"))
        let text = try String(contentsOf: folder.appendingPathComponent(report), encoding: .utf8)
        #expect(text.contains("Signal: \(name) (\(signal)), sent by process \(getpid())"), "\(text.prefix(300))")
        #expect(text.contains("Backtrace"))

        let screen = browser.outputText
        #expect(screen.contains("itu-browser crashed (\(name)); crash report: \(folder.path)/\(report)"))
        #expect(!screen.contains("Press space"), "the Swift backtracer's prompt appeared")
        #expect(!screen.contains("Program crashed"), "the Swift backtracer ran")
    }

    static func name(of signal: Int32) -> String {
        switch signal {
        case SIGSEGV: "SIGSEGV"
        case SIGABRT: "SIGABRT"
        case SIGBUS: "SIGBUS"
        case SIGILL: "SIGILL"
        case SIGFPE: "SIGFPE"
        case SIGTRAP: "SIGTRAP"
        default: "signal \(signal)"
        }
    }
}
