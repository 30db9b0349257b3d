import ArgumentParser
import Browser
import Catalog
import CatalogSearch
import Foundation
import Terminal

/// Runs the interactive browser: opens the terminal, then feeds each event to `Browser.update`
/// and paints `Browser.render` until the state says quit.
///
/// The search index is built on another thread while the first frame is already on screen
/// (over 100,000 news items it takes a moment); until it is handed over, `/` still opens the
/// query line and the results follow. The terminal is restored on every way out: `close()`
/// here on a normal quit, and the `Terminal` module's signal and `atexit` handlers otherwise.
enum BrowseLauncher {
    /// How often the loop looks for the finished index while it is being built.
    static let indexPollMilliseconds = 50

    static func run(catalog: Catalog, open: String?, query: String?) throws {
        let terminal: Terminal
        do {
            let environment = ProcessInfo.processInfo.environment
            let crashReports = CrashReportFolder.path(environment: environment).map {
                CrashReportOptions(folder: $0, programName: CrashReportFolder.applicationName)
            }
            terminal = try Terminal.open(environment: environment, crashReports: crashReports)
        } catch {
            Console.error(error.description)
            throw ExitCode(ExitStatus.notFoundOrUsage)
        }
        defer { terminal.close() }

        let size = terminal.size
        var state = BrowserState(catalog: catalog, search: nil, width: size.width, height: size.height, openItem: open)
        state.expectSearch(query: query)
        terminal.paint(Browser.render(state))

        let pending = PendingIndex(catalog: catalog)
        var waitingForIndex = true
        while !state.shouldQuit {
            let event = terminal.nextEvent(timeoutMilliseconds: waitingForIndex ? indexPollMilliseconds : nil)
            guard terminal.isOpen else { break }
            var changed = false
            if waitingForIndex, let index = pending.take() {
                state.attachSearch(index)
                waitingForIndex = false
                changed = true
            }
            if let event {
                Browser.update(&state, event)
                changed = true
            }
            if changed, !state.shouldQuit { terminal.paint(Browser.render(state)) }
        }
    }
}

/// A search index being built on a background thread, collected with `take()`.
///
/// `@unchecked Sendable` because its one mutable field is only touched under `lock`.
private final class PendingIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var index: CatalogSearchIndex?

    init(catalog: Catalog) {
        let thread = Thread { [self] in
            let built = CatalogSearchIndex(catalog: catalog)
            lock.withLock { index = built }
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The index once it is built, else nil.
    func take() -> CatalogSearchIndex? {
        lock.withLock { index }
    }
}
