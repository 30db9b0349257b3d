import ArgumentParser
import Browser
import Catalog
import CatalogSearch
import Foundation
import Terminal

/// Runs the interactive browser: opens the terminal, then feeds each event to `Browser.update`
/// and paints `Browser.render` until the state says quit.
///
/// The terminal is restored on every way out: `close()` here on a normal quit, and the
/// `Terminal` module's signal and `atexit` handlers on signals and crashes.
enum BrowseLauncher {
    static func run(catalog: Catalog, open: String?, query: String?) throws {
        let search = CatalogSearchIndex(catalog: catalog)
        let terminal: Terminal
        do {
            terminal = try Terminal.open()
        } catch {
            Console.error(error.description)
            throw ExitCode(ExitStatus.notFoundOrUsage)
        }
        defer { terminal.close() }

        let size = terminal.size
        var state = BrowserState(catalog: catalog, search: search, width: size.width, height: size.height,
                                 openItem: open, query: query)
        terminal.paint(Browser.render(state))
        while !state.shouldQuit {
            guard let event = terminal.nextEvent(timeoutMilliseconds: nil) else { break }
            Browser.update(&state, event)
            if !state.shouldQuit { terminal.paint(Browser.render(state)) }
        }
    }
}
