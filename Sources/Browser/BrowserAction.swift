/// Something a person asks the Browser to do; the keymap maps keys to these.
public enum BrowserAction: String, Hashable, Sendable, CaseIterable {
    // Everywhere
    case quit, forceQuit, showHelp, closeHelp, scrollHelpDown, scrollHelpUp, startSearch, nextResult, previousResult
    case back, forward
    case focusOrganizations, focusSectors, focusNews, nextPane, previousPane, paneLeft, paneRight
    // Lists, results and the detail view
    case moveDown, moveUp, moveToTop, moveToBottom, pageDown, pageUp, halfPageDown, halfPageUp
    case open, clearFacet
    // Detail view
    case nextLink, previousLink, followLink
    // Search results
    case closeSearch
    // The selected or open item, and the data
    case toggleStar, toggleRead, editNote, openSource, copySource, reload
    // Query line
    case cursorLeft, cursorRight, cursorToStart, cursorToEnd
    case deleteBackward, deleteForward, deleteWord, deleteToStart
    case olderQuery, newerQuery, submitQuery, cancelQuery, insertCharacter
}

/// Where a binding applies. The Browser looks a key up in the most specific context first.
public enum KeyContext: String, Hashable, Sendable, CaseIterable {
    /// Keys that work in every view, even while typing a query.
    case always
    /// Keys that work in every view except the query line.
    case browsing
    /// Moving in whatever has focus: a list, the search results, or a detail.
    case moving
    case lists
    case detail
    case results
    /// The item the lists, results or detail have selected or open.
    case item
    case queryLine
    case help

    /// The heading of this context in the help overlay and the README table.
    public var title: String {
        switch self {
        case .always: return "Always"
        case .browsing: return "Everywhere"
        case .moving: return "Moving (lists, results, detail)"
        case .lists: return "Lists (Organizations, Sectors, News)"
        case .detail: return "Detail view"
        case .results: return "Search results"
        case .item: return "The selected or open item"
        case .queryLine: return "Query line"
        case .help: return "Help"
        }
    }
}
