/// What has keyboard focus.
enum Focus: Hashable, Sendable {
    case pane(PaneKind)
    /// The search results list (the query line closed).
    case results
    /// The open detail view.
    case detail
}

/// One page of the detail history: the item, how far it is scrolled, which link is selected,
/// and its layout (rebuilt when the width changes).
struct DetailEntry: Hashable, Sendable {
    var target: DetailTarget
    var scroll = 0
    var selectedLink: Int?
    var document: DetailDocument?

    init(target: DetailTarget) { self.target = target }
}

/// Where the person is: focus, list positions, the Sector facet and the detail history.
///
/// The history works like a web browser's: opening a link drops the pages ahead and appends
/// one; back and forward move through the pages with their scroll and selected link. While
/// `historyIndex` is -1 no detail is open and the lists (or search results) have focus.
struct Navigation: Hashable, Sendable {
    /// The list focus that back returns to: a pane, or the search results.
    var listFocus: Focus = .pane(.organizations)
    var positions: [ListPosition] = Array(repeating: ListPosition(), count: PaneKind.allCases.count)
    /// The id of the Sector that narrows Organizations and News, if one is chosen.
    var facet: String?
    /// Positions of Organizations and News before the facet was chosen, restored when it is cleared.
    var positionsBeforeFacet: [ListPosition]?
    var history: [DetailEntry] = []
    var historyIndex = -1

    var isDetailOpen: Bool { history.indices.contains(historyIndex) }
    var focus: Focus { isDetailOpen ? .detail : listFocus }

    var currentDetail: DetailEntry? {
        get { isDetailOpen ? history[historyIndex] : nil }
        set {
            guard isDetailOpen, let newValue else { return }
            history[historyIndex] = newValue
        }
    }

    subscript(pane: PaneKind) -> ListPosition {
        get { positions[pane.rawValue] }
        set { positions[pane.rawValue] = newValue }
    }

    /// Opens a detail page after the current one, dropping any pages ahead.
    mutating func push(_ target: DetailTarget) {
        history.removeSubrange((historyIndex + 1)...)
        history.append(DetailEntry(target: target))
        historyIndex = history.count - 1
    }

    /// Goes back one page; from the first page, back to the lists. False when already there.
    mutating func back() -> Bool {
        guard historyIndex >= 0 else { return false }
        historyIndex -= 1
        return true
    }

    mutating func forward() -> Bool {
        guard historyIndex + 1 < history.count else { return false }
        historyIndex += 1
        return true
    }
}
