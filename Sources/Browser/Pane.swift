/// The three list panes, in the order of their number keys and tabs.
enum PaneKind: Int, Hashable, Sendable, CaseIterable {
    case organizations, sectors, news

    var title: String {
        switch self {
        case .organizations: return "Organizations"
        case .sectors: return "Sectors"
        case .news: return "News"
        }
    }

    /// The key that focuses the pane, `1`…`3`.
    var number: Int { rawValue + 1 }
}

/// Where a list is: the selected row and the first visible row.
struct ListPosition: Hashable, Sendable {
    var selection = 0
    var scroll = 0

    /// Clamps the selection into `0..<count` and scrolls so it is visible in `visibleRows` rows.
    mutating func clamp(count: Int, visibleRows: Int) {
        selection = count == 0 ? 0 : min(max(0, selection), count - 1)
        let rows = max(1, visibleRows)
        if selection < scroll { scroll = selection }
        if selection >= scroll + rows { scroll = selection - rows + 1 }
        scroll = max(0, min(scroll, max(0, count - rows)))
    }

    /// Moves the selection by `delta` rows (clamped) and keeps it visible.
    mutating func move(by delta: Int, count: Int, visibleRows: Int) {
        selection += delta
        clamp(count: count, visibleRows: visibleRows)
    }

    /// Scrolls the view by `delta` rows without leaving the selection outside it (mouse wheel).
    mutating func scroll(by delta: Int, count: Int, visibleRows: Int) {
        let rows = max(1, visibleRows)
        scroll = max(0, min(scroll + delta, max(0, count - rows)))
        selection = min(max(selection, scroll), scroll + rows - 1)
        clamp(count: count, visibleRows: rows)
    }
}
