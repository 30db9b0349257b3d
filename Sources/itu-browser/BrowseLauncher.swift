import ArgumentParser
import Browser
import Catalog
import CatalogSearch
import Foundation
import Terminal
import UserState
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the interactive browser: the one place where the outside world meets the pure core.
///
/// The loop waits in one `poll()` on the terminal's descriptor, a self-pipe that background
/// work writes to (the search index built, the fixtures loaded again) and the fixtures
/// watcher's inotify descriptor. Each source becomes a `BrowserEvent` for `Browser.update`,
/// whose effects `EffectPerformer` carries out. The only timer is the state store's: SQLite has
/// no wake-up, so once a second the loop asks it whether another process wrote (and, where
/// inotify is missing, the watcher compares the fixture files).
///
/// The first frame does not wait for the search index: it is read from the fixtures' snapshot
/// or built on another thread, and so is the index of each reloaded catalog. The
/// terminal is restored on every way out: `close()` here on a normal quit, and the `Terminal`
/// module's signal and `atexit` handlers otherwise.
enum BrowseLauncher {
    static let externalChangesInterval: Duration = .seconds(1)

    struct Options {
        var open: String?
        var query: String?
        /// The fixtures folder, watched and reloaded.
        var fixtures: String
        /// Where each catalog's search index comes from: the fixtures' snapshot, else a build.
        var snapshot: SnapshotCache.Deferred
        /// The warnings the catalog given to `run` loaded with (kept in a snapshot written for it).
        var warningCount: Int
        var storage: MarksStorage?
        var openCommand: String?
        var keys: BoundKeys = .standard
        var colors = RoleColors()
        var environment: [String: String] = ProcessInfo.processInfo.environment
    }

    static func run(catalog: Catalog, options: Options) throws {
        guard let inbox = EventInbox<LoopEvent>() else {
            throw CommandFailure("cannot create the browser's wake-up pipe: no file descriptors left")
        }
        // The index is opened (or built) while the terminal is set up and the first frame drawn.
        BackgroundLoading.makeIndex(of: catalog, warningCount: options.warningCount, snapshot: options.snapshot,
                                    generation: Loop.firstGeneration, inbox: inbox)
        let terminal: Terminal
        do {
            // Crash reports go beside the state database, in the one state folder.
            let stateFolder = StateStore.defaultLocation(environment: options.environment).deletingLastPathComponent()
            let crashReports = CrashReportOptions(folder: stateFolder.path, programName: "itu-browser")
            terminal = try Terminal.open(environment: options.environment, crashReports: crashReports)
        } catch {
            Console.error(error.description)
            throw ExitCode(ExitStatus.notFoundOrUsage)
        }
        defer { terminal.close() }

        let size = terminal.size
        var state = BrowserState(catalog: catalog, search: nil, width: size.width, height: size.height)
        state.keys = options.keys
        state.colors = options.colors
        state.expectSearch(query: options.query)
        var loop = Loop(catalog: catalog, fixtures: options.fixtures, snapshot: options.snapshot, inbox: inbox,
                        performer: EffectPerformer(terminal: terminal, storage: options.storage,
                                                   environment: options.environment, openCommand: options.openCommand))
        var events = loop.startingEvents() + (options.open.map { [.openItem($0)] } ?? [])

        while true {
            loop.apply(events, to: &state)
            if state.shouldQuit { break }
            terminal.paint(Browser.render(state))
            let terminalGone = loop.wait(terminal: terminal)
            guard terminal.isOpen, !terminalGone else { break }
            events = loop.collect(terminal: terminal)
        }
    }

    /// The loop's own state: which catalog is current, the reload in flight, the timers.
    private struct Loop {
        var catalog: Catalog
        let fixtures: String
        let snapshot: SnapshotCache.Deferred
        let inbox: EventInbox<LoopEvent>
        let performer: EffectPerformer
        let watcher: FixturesWatcher
        /// Bumped by each catalog put in place, so an index built for an older one is dropped.
        var generation = Loop.firstGeneration
        static let firstGeneration = 0
        var isReloading = false
        /// A change or `R` came during a reload: reload once more when it ends.
        var reloadAgain: (pending: Bool, requested: Bool) = (false, false)
        /// Damage met in the snapshot the current catalog or index is read from, already acted on.
        var isRebuildingDamagedSnapshot = false
        var nextExternalCheck: ContinuousClock.Instant = .now + BrowseLauncher.externalChangesInterval

        init(catalog: Catalog, fixtures: String, snapshot: SnapshotCache.Deferred, inbox: EventInbox<LoopEvent>,
             performer: EffectPerformer) {
            self.catalog = catalog
            self.fixtures = fixtures
            self.snapshot = snapshot
            self.inbox = inbox
            self.performer = performer
            watcher = FixturesWatcher(folder: fixtures)
        }

        /// The marks at start, or why they are read-only.
        func startingEvents() -> [BrowserEvent] {
            guard let storage = performer.storage else { return [] }
            var events = performer.currentMarks()
            if let reason = storage.readOnlyReason { events.append(.marksReadOnly(reason: reason)) }
            return events
        }

        /// Feeds the events to `update` and performs the effects, whose answers are fed in turn.
        mutating func apply(_ events: [BrowserEvent], to state: inout BrowserState) {
            var queue = events[...]
            while let event = queue.popFirst() {
                for effect in Browser.update(&state, event) {
                    if effect == .reload {
                        startReload(requested: true)
                    } else {
                        queue.append(contentsOf: performer.perform(effect))
                    }
                }
            }
            rebuildIfDamaged(state)
        }

        /// Damage met in the snapshot while showing items or hits (parts checked only when used,
        /// see `Catalog.storageDamage` and `CatalogSearchIndex.snapshotDamage`): the fixtures are
        /// loaded again and the snapshot rebuilt, as a reload that replaces what is on screen.
        private mutating func rebuildIfDamaged(_ state: BrowserState) {
            guard !isRebuildingDamagedSnapshot, !isReloading,
                  catalog.storageDamage != nil || state.searchIndex?.snapshotDamage != nil else { return }
            isRebuildingDamagedSnapshot = true
            isReloading = true
            BackgroundLoading.reload(folder: fixtures, replacing: catalog, requested: false, rebuildingSnapshot: true,
                                     snapshot: snapshot, inbox: inbox)
        }

        /// Blocks until the terminal, the inbox or the watcher has something, or a timer is due.
        /// Returns true when the terminal has gone (hung up or closed), as nothing will come.
        func wait(terminal: Terminal) -> Bool {
            let deadline = [nextExternalCheck, watcher.deadline].compactMap { $0 }.min() ?? nextExternalCheck
            let remaining = ContinuousClock.now.duration(to: deadline)
            let timeout = max(0, Int32(clamping: Int((remaining / .milliseconds(1)).rounded(.up))))
            var descriptors = [terminal.inputDescriptor, inbox.readDescriptor, watcher.descriptor].compactMap { $0 }
                .map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            _ = poll(&descriptors, nfds_t(descriptors.count), timeout)
            return descriptors[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
        }

        /// Everything that happened since the last wait, as events for the Browser.
        mutating func collect(terminal: Terminal) -> [BrowserEvent] {
            var events: [BrowserEvent] = []
            while let input = terminal.nextEvent(timeoutMilliseconds: 0) { events.append(.input(input)) }
            for event in inbox.take() { events += translate(event) }
            if watcher.check() { startReload(requested: false) }
            let now = ContinuousClock.now
            if now >= nextExternalCheck {
                nextExternalCheck = now + BrowseLauncher.externalChangesInterval
                if performer.storage?.hasExternalChanges() == true { events += performer.currentMarks() }
            }
            return events
        }

        private mutating func translate(_ event: LoopEvent) -> [BrowserEvent] {
            switch event {
            case .indexBuilt(let built, let index):
                return built == generation ? [.searchIndexReady(index)] : []
            case .reloaded(let result):
                isReloading = false
                var events: [BrowserEvent]
                switch result {
                case .success(let reload):
                    catalog = reload.catalog
                    generation += 1
                    isRebuildingDamagedSnapshot = false
                    events = [.catalogReloaded(reload)]
                case .failure(let failure):
                    events = [.reloadFailed(failure.message)]
                }
                if reloadAgain.pending {
                    let requested = reloadAgain.requested
                    reloadAgain = (false, false)
                    startReload(requested: requested)
                }
                return events
            }
        }

        private mutating func startReload(requested: Bool) {
            guard !isReloading else {
                reloadAgain = (true, reloadAgain.requested || requested)
                return
            }
            isReloading = true
            BackgroundLoading.reload(folder: fixtures, replacing: catalog, requested: requested, rebuildingSnapshot: false,
                                     snapshot: snapshot, inbox: inbox)
        }
    }
}
