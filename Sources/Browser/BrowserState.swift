import Catalog
import CatalogSearch

/// The whole state of the Browser: what is shown, what has focus, and where every list is.
///
/// Change it only through `Browser.update`; draw it with `Browser.render`.
public struct BrowserState: Sendable {
    private(set) var catalog: Catalog
    /// The index searches run on; nil until it is ready (see `expectSearch`).
    public private(set) var searchIndex: CatalogSearchIndex?
    var searchSession: CatalogSearchSession?
    /// True while the search index is being built elsewhere (see `expectSearch`): `/` already
    /// opens the query line, and results come once `attachSearch` hands the index over.
    private(set) var isSearchIndexPending = false

    /// The terminal size from the last resize (or init).
    public internal(set) var width: Int
    public internal(set) var height: Int

    var navigation = Navigation()
    /// Organizations and News as narrowed by the Sector facet (all of them without one).
    var organizations: [Organization]
    var news: NewsList
    /// The news of each Sector, found on first use (one pass over all news).
    var sectorNews: SectorNews?

    var search: SearchState?
    /// Queries submitted in earlier searches, oldest first.
    var queryHistory: [String] = []

    var isShowingHelp = false
    /// The first help line shown (the help scrolls on small terminals).
    var helpScroll = 0
    /// A one-line message for the status line, cleared by the next key.
    var message: String?
    /// The detail of the selected list item, shown beside the lists in the wide layout.
    var preview: DetailEntry?

    public internal(set) var shouldQuit = false

    /// What the person has recorded per item (read, starred, note); items not here have nothing.
    public internal(set) var marks: [ItemReference: ItemMarks] = [:]
    /// Why marks cannot be changed, when the state store is read-only.
    public internal(set) var marksReadOnlyReason: String?
    /// Effects asked for while handling the current event, handed out by `Browser.update`.
    var pendingEffects: [BrowserEffect] = []
    /// The key bindings in force (the keymap with the config's overrides).
    public var keys = BoundKeys.standard
    /// The colors chosen for parts of the screen (the config's `[colors]`).
    public var colors = RoleColors()

    /// - Parameters:
    ///   - search: nil when no search index is available; `/` then says so.
    ///   - openItem: an id to open at start; an unknown id starts normally with a message.
    ///   - query: a search to run at start (its results shown with focus in them).
    public init(catalog: Catalog, search: CatalogSearchIndex?, width: Int, height: Int,
                openItem: String? = nil, query: String? = nil) {
        self.catalog = catalog
        self.searchIndex = search
        self.searchSession = search?.makeSession()
        self.width = max(0, width)
        self.height = max(0, height)
        organizations = catalog.organizations
        news = catalog.news
        if let query, !query.isEmpty {
            Browser.startSearch(&self)
            for character in query { Browser.perform(.insertCharacter, character: character, on: &self) }
            Browser.perform(.submitQuery, character: nil, on: &self)
        }
        if let openItem { Browser.openItem(openItem, on: &self) }
        Browser.normalize(&self)
    }

    /// Says that a search index is on its way (built on another thread, say), so the first frame
    /// need not wait for it: `/` opens the query line at once, and `query`, when given, is typed
    /// into it as `init`'s `query` would be. Results appear when `attachSearch` is called.
    public mutating func expectSearch(query: String? = nil) {
        guard searchIndex == nil else { return }
        isSearchIndexPending = true
        if let query, !query.isEmpty {
            Browser.startSearch(&self)
            for character in query { Browser.perform(.insertCharacter, character: character, on: &self) }
            Browser.perform(.submitQuery, character: nil, on: &self)
        }
    }

    /// Hands over the search index promised by `expectSearch`; a query already typed is searched.
    public mutating func attachSearch(_ index: CatalogSearchIndex) {
        searchIndex = index
        searchSession = index.makeSession()
        isSearchIndexPending = false
        if search != nil { Browser.runSearch(&self) }
        Browser.normalize(&self)
    }

    /// Puts a reloaded catalog (and its index) in place of the current one; see `Browser.reload`.
    mutating func replaceCatalog(_ newCatalog: Catalog, searchIndex newIndex: CatalogSearchIndex) {
        catalog = newCatalog
        sectorNews = nil
        preview = nil
        searchIndex = newIndex
        searchSession = newIndex.makeSession()
        isSearchIndexPending = false
    }

    /// The marks of an item (empty when nothing is recorded).
    func marks(of item: ItemReference) -> ItemMarks { marks[item] ?? ItemMarks() }

    /// The number of rows in a pane's list.
    func count(of pane: PaneKind) -> Int {
        switch pane {
        case .organizations: return organizations.count
        case .sectors: return catalog.sectors.count
        case .news: return news.count
        }
    }

    /// The detail target of a pane's selected row, if the pane has rows.
    func selectedTarget(in pane: PaneKind) -> DetailTarget? {
        let index = navigation[pane].selection
        switch pane {
        case .organizations: return organizations.indices.contains(index) ? .organization(organizations[index].id) : nil
        case .sectors: return catalog.sectors.indices.contains(index) ? .sector(catalog.sectors[index].id) : nil
        case .news: return news.indices.contains(index) ? .news(news.id(at: index)) : nil
        }
    }

    var layout: Layout { Layout(state: self) }

    /// The news of each Sector, built the first time it is needed.
    mutating func newsBySector() -> SectorNews {
        if let sectorNews { return sectorNews }
        let built = SectorNews(catalog: catalog)
        sectorNews = built
        return built
    }
}

extension DetailTarget {
    init(_ item: CatalogItem) {
        switch item {
        case .sector(let s): self = .sector(s.id)
        case .organization(let o): self = .organization(o.id)
        case .news(let n): self = .news(n.id)
        }
    }
}
