import Browser
import Catalog
import CatalogSearch
import Foundation

/// What background work hands the run loop through its `EventInbox`.
enum LoopEvent: Sendable {
    /// The search index of the catalog of `generation` is built.
    case indexBuilt(generation: Int, CatalogSearchIndex)
    /// The fixtures were loaded again (with a new index), or could not be.
    case reloaded(Result<CatalogReload, ReloadFailure>)
}

/// Why fixtures could not be loaded again, as one line for the status line.
struct ReloadFailure: Error, Sendable {
    var message: String

    init(problems: [FixtureProblem]) {
        let first = problems.first.map { SafeLine.text($0.description) } ?? "the fixtures could not be read"
        let more = problems.count > 1 ? " (and \(Plural.count(problems.count - 1, "more problem")))" : ""
        message = "not reloaded, the data on screen is unchanged: \(first)\(more)"
    }
}

/// Work done on background threads, each result posted to the loop's inbox: making the search
/// index of a catalog, and loading the fixtures again (then making their index). An index is
/// viewed in the fixtures' snapshot when it is valid, else built and saved as the new snapshot
/// (see `SnapshotCache.Deferred`).
/// The threads get a large stack, which the index build needs over a big corpus.
enum BackgroundLoading {
    static func makeIndex(of catalog: Catalog, warningCount: Int, snapshot: SnapshotCache.Deferred, generation: Int,
                          inbox: EventInbox<LoopEvent>) {
        start {
            inbox.post(.indexBuilt(generation: generation, snapshot.searchIndex(catalog: catalog, warningCount: warningCount)))
        }
    }

    /// Loads `folder`; a catalog with errors is refused whole, so the old one stays on screen.
    /// The fixture files are stamped for the snapshot before they are read; `rebuildingSnapshot`
    /// builds the index and writes the snapshot even when the one there looks valid (it met damage).
    static func reload(folder: String, replacing previous: Catalog, requested: Bool, rebuildingSnapshot: Bool,
                       snapshot: SnapshotCache.Deferred, inbox: EventInbox<LoopEvent>) {
        start {
            let snapshot = snapshot.restamped()
            let result = FixtureLoader.load(directory: folder)
            guard let catalog = result.catalog, result.errors.isEmpty else {
                inbox.post(.reloaded(.failure(ReloadFailure(problems: result.errors))))
                return
            }
            let index = snapshot.searchIndex(catalog: catalog, warningCount: result.warnings.count, rebuilding: rebuildingSnapshot)
            let reload = CatalogReload(catalog: catalog, searchIndex: index,
                                       changes: CatalogChanges(from: previous, to: catalog), isRequested: requested)
            inbox.post(.reloaded(.success(reload)))
        }
    }

    private static func start(_ work: @escaping @Sendable () -> Void) {
        let thread = Thread(block: work)
        thread.stackSize = 8 << 20
        thread.start()
    }
}
