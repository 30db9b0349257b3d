import Catalog
import CatalogSearch
import Screen

/// Everything that can happen to the Browser: input from the terminal, and the answers of the
/// run loop to effects and to changes outside (another process's marks, the fixtures folder).
public enum BrowserEvent: Sendable {
    case input(InputEvent)
    /// The marks of every item, as the state store holds them now.
    case marksChanged([ItemReference: ItemMarks])
    /// The state store cannot be written; `reason` says why (shown on every attempt to mark).
    case marksReadOnly(reason: String)
    /// Open an item's detail by id (as `--open` does); opening unread news marks it read.
    case openItem(String)
    /// A one-line message for the status line (an effect's outcome, or why it failed).
    case message(String)
    /// The search index promised by `BrowserState.expectSearch` is ready.
    case searchIndexReady(CatalogSearchIndex)
    /// The fixtures were loaded again; positions, history and the query are kept by id.
    case catalogReloaded(CatalogReload)
    /// Loading the fixtures again failed; the data on screen stays as it was.
    case reloadFailed(String)
}

/// A catalog loaded again, with its search index and what changed since the one on screen.
public struct CatalogReload: Sendable {
    public var catalog: Catalog
    public var searchIndex: CatalogSearchIndex
    public var changes: CatalogChanges
    /// True when the person asked for it (`R`); false when the fixtures folder changed.
    public var isRequested: Bool

    public init(catalog: Catalog, searchIndex: CatalogSearchIndex, changes: CatalogChanges, isRequested: Bool) {
        self.catalog = catalog
        self.searchIndex = searchIndex
        self.changes = changes
        self.isRequested = isRequested
    }
}
