import Catalog
import Screen

extension Browser {
    /// The context whose bindings apply to a key now, most specific first.
    static func contexts(for state: BrowserState) -> [KeyContext] {
        if state.isShowingHelp { return [.always, .help] }
        if state.search?.isEditing == true { return [.always, .queryLine] }
        switch state.navigation.focus {
        case .pane: return [.always, .lists, .moving, .item, .browsing]
        case .results: return [.always, .results, .moving, .item, .browsing]
        case .detail: return [.always, .detail, .moving, .item, .browsing]
        }
    }

    static func handle(_ key: Key, on state: inout BrowserState) {
        let contexts = contexts(for: state)
        let keys = state.keys
        if let binding = contexts.lazy.compactMap({ keys.binding(for: key, in: $0) }).first {
            perform(binding.action, character: nil, on: &state)
        } else if state.isShowingHelp {
            perform(.closeHelp, character: nil, on: &state)
        } else if contexts.contains(.queryLine), case .character(let character) = key {
            perform(.insertCharacter, character: character, on: &state)
        } else if !contexts.contains(.queryLine) {
            state.message = "\(KeyBinding.name(of: key)) does nothing here — press ? for the keys"
        }
    }

    // MARK: Actions

    static func perform(_ action: BrowserAction, character: Character?, on state: inout BrowserState) {
        let layout = state.layout
        switch action {
        case .quit, .forceQuit: state.shouldQuit = true
        case .showHelp:
            state.isShowingHelp = true
            state.helpScroll = 0
        case .closeHelp: state.isShowingHelp = false
        case .scrollHelpDown: state.helpScroll += max(1, Renderer.helpRows(height: state.height) - 1)
        case .scrollHelpUp: state.helpScroll = max(0, state.helpScroll - max(1, Renderer.helpRows(height: state.height) - 1))
        case .startSearch: startSearch(&state)
        case .nextResult: stepResult(by: 1, on: &state)
        case .previousResult: stepResult(by: -1, on: &state)
        case .back: goBack(&state)
        case .forward:
            reportIfNot(state.navigation.forward(), "nothing to go forward to", on: &state)
        case .focusOrganizations: focus(.organizations, on: &state)
        case .focusSectors: focus(.sectors, on: &state)
        case .focusNews: focus(.news, on: &state)
        case .nextPane, .previousPane:
            guard case .pane(let pane) = state.navigation.listFocus else { return }
            let count = PaneKind.allCases.count
            let next = (pane.rawValue + (action == .nextPane ? 1 : count - 1)) % count
            focus(PaneKind(rawValue: next) ?? .organizations, on: &state)
        case .paneLeft, .paneRight: moveSideways(right: action == .paneRight, layout: layout, on: &state)
        case .moveDown: move(by: 1, layout: layout, on: &state)
        case .moveUp: move(by: -1, layout: layout, on: &state)
        case .moveToTop: move(by: Int.min / 2, layout: layout, on: &state)
        case .moveToBottom: move(by: Int.max / 2, layout: layout, on: &state)
        case .pageDown: move(by: page(layout, state), layout: layout, on: &state)
        case .pageUp: move(by: -page(layout, state), layout: layout, on: &state)
        case .halfPageDown: move(by: max(1, page(layout, state) / 2), layout: layout, on: &state)
        case .halfPageUp: move(by: -max(1, page(layout, state) / 2), layout: layout, on: &state)
        case .open: open(&state)
        case .clearFacet: clearFacet(&state)
        case .nextLink: stepLink(by: 1, layout: layout, on: &state)
        case .previousLink: stepLink(by: -1, layout: layout, on: &state)
        case .followLink: followLink(&state)
        case .closeSearch, .cancelQuery: closeSearch(&state)
        case .toggleStar: toggleStar(&state)
        case .toggleRead: toggleRead(&state)
        case .editNote: editNote(&state)
        case .openSource: openSource(&state)
        case .copySource: copySource(&state)
        case .reload: requestReload(&state)
        case .submitQuery:
            state.search?.isEditing = false
            rememberQuery(&state)
        case .insertCharacter:
            guard let character else { return }
            editQuery(&state) { $0.insert(character) }
        case .cursorLeft: state.search?.query.moveLeft()
        case .cursorRight: state.search?.query.moveRight()
        case .cursorToStart: state.search?.query.moveToStart()
        case .cursorToEnd: state.search?.query.moveToEnd()
        case .deleteBackward: editQuery(&state) { $0.deleteBackward() }
        case .deleteForward: editQuery(&state) { $0.deleteForward() }
        case .deleteWord: editQuery(&state) { $0.deleteWord() }
        case .deleteToStart: editQuery(&state) { $0.deleteToStart() }
        case .olderQuery: editQuery(&state) { $0.older() }
        case .newerQuery: editQuery(&state) { $0.newer() }
        }
    }

    private static func reportIfNot(_ done: Bool, _ message: String, on state: inout BrowserState) {
        if !done { state.message = message }
    }

    private static func page(_ layout: Layout, _ state: BrowserState) -> Int {
        switch state.navigation.focus {
        case .pane(let pane): return max(1, layout.visibleRows(of: pane) - 1)
        case .results: return max(1, layout.visibleResults - 1)
        case .detail: return max(1, layout.detailRows - 1)
        }
    }

    // MARK: Lists and panes

    /// Focuses a list pane, leaving an open detail and closing the search.
    static func focus(_ pane: PaneKind, on state: inout BrowserState) {
        if state.search != nil { closeSearch(&state) }
        state.navigation.historyIndex = -1
        state.navigation.listFocus = .pane(pane)
    }

    private static func moveSideways(right: Bool, layout: Layout, on state: inout BrowserState) {
        guard case .pane(let pane) = state.navigation.listFocus else { return }
        if layout.mode == .wide {
            switch (pane, right) {
            case (.news, true): open(&state)
            case (.news, false): focus(.organizations, on: &state)
            case (_, true): focus(.news, on: &state)
            case (_, false): state.message = "no pane to the left"
            }
        } else {
            let next = pane.rawValue + (right ? 1 : -1)
            if let target = PaneKind(rawValue: next) { focus(target, on: &state) }
        }
    }

    static func move(by delta: Int, layout: Layout, on state: inout BrowserState) {
        switch state.navigation.focus {
        case .pane(let pane):
            state.navigation[pane].move(by: delta, count: state.count(of: pane), visibleRows: layout.visibleRows(of: pane))
        case .results:
            let count = state.search?.hits.count ?? 0
            state.search?.position.move(by: delta, count: count, visibleRows: layout.visibleResults)
        case .detail:
            scrollDetail(by: delta, layout: layout, on: &state)
        }
    }

    static func scrollDetail(by delta: Int, layout: Layout, on state: inout BrowserState) {
        guard var entry = state.navigation.currentDetail else { return }
        let lines = entry.document?.lines.count ?? 0
        let rows = layout.detailRows
        entry.scroll = max(0, min(entry.scroll.addingReportingOverflow(delta).partialValue, max(0, lines - rows)))
        if let link = entry.selectedLink, let document = entry.document,
           document.links.indices.contains(link), !(entry.scroll..<(entry.scroll + rows)).contains(document.links[link].line) {
            entry.selectedLink = document.firstLink(inLines: entry.scroll..<(entry.scroll + rows))
        }
        state.navigation.currentDetail = entry
    }

    /// Enter in a list: a Sector becomes the facet (a second Enter opens its detail);
    /// an organization or news item opens.
    static func open(_ state: inout BrowserState) {
        switch state.navigation.focus {
        case .pane(.sectors):
            guard let target = state.selectedTarget(in: .sectors), case .sector(let id) = target else { return }
            if state.navigation.facet == id {
                state.navigation.push(target)
            } else {
                setFacet(id, on: &state)
            }
        case .pane(let pane):
            guard let target = state.selectedTarget(in: pane) else { state.message = "nothing to open"; return }
            state.navigation.push(target)
        case .results:
            guard let hit = state.search?.selectedHit else { state.message = "no result to open"; return }
            state.navigation.push(hit.detailTarget)
        case .detail:
            followLink(&state)
        }
    }

    /// Opens the detail of an item by id, short name or alias; an unknown one only says so.
    static func openItem(_ id: String, on state: inout BrowserState) {
        if let item = state.catalog.item(id: id) {
            state.navigation.push(DetailTarget(item))
        } else {
            state.message = "no item with id \"\(id)\""
        }
    }

    static func setFacet(_ sectorID: String, on state: inout BrowserState) {
        if state.navigation.positionsBeforeFacet == nil { state.navigation.positionsBeforeFacet = state.navigation.positions }
        state.navigation.facet = sectorID
        state.navigation[.organizations] = ListPosition()
        state.navigation[.news] = ListPosition()
        applyFacet(&state)
        state.message = "Sector \(sectorID): \(state.organizations.count) organizations, \(state.news.count) news · Enter: detail · Esc: clear"
    }

    static func clearFacet(_ state: inout BrowserState) {
        guard state.navigation.facet != nil else {
            state.message = "no Sector filter to clear"
            return
        }
        state.navigation.facet = nil
        if let saved = state.navigation.positionsBeforeFacet {
            state.navigation[.organizations] = saved[PaneKind.organizations.rawValue]
            state.navigation[.news] = saved[PaneKind.news.rawValue]
        }
        state.navigation.positionsBeforeFacet = nil
        applyFacet(&state)
        state.message = "Sector filter cleared"
    }

    /// Recomputes the narrowed lists from the facet (only when the facet changes).
    static func applyFacet(_ state: inout BrowserState) {
        if let facet = state.navigation.facet {
            state.organizations = state.catalog.members(of: facet)
            state.news = state.newsBySector().news(of: facet, in: state.catalog)
        } else {
            state.organizations = state.catalog.organizations
            state.news = state.catalog.news
        }
    }

    // MARK: History

    static func goBack(_ state: inout BrowserState) {
        if !state.navigation.back() {
            state.message = "nothing to go back to"
        }
    }

    static func stepLink(by delta: Int, layout: Layout, on state: inout BrowserState) {
        guard var entry = state.navigation.currentDetail, let document = entry.document else { return }
        guard !document.links.isEmpty else { state.message = "no links here"; return }
        let count = document.links.count
        let rows = layout.detailRows
        if let current = entry.selectedLink {
            entry.selectedLink = ((current + delta) % count + count) % count
        } else {
            let visible = entry.scroll..<(entry.scroll + rows)
            entry.selectedLink = delta > 0
                ? document.links.firstIndex { $0.line >= visible.lowerBound } ?? 0
                : document.links.lastIndex { $0.line < visible.upperBound } ?? count - 1
        }
        if let link = entry.selectedLink {
            let line = document.links[link].line
            if line < entry.scroll { entry.scroll = line }
            if line >= entry.scroll + rows { entry.scroll = line - rows + 1 }
        }
        state.navigation.currentDetail = entry
    }

    static func followLink(_ state: inout BrowserState) {
        guard let entry = state.navigation.currentDetail, let document = entry.document else { return }
        guard let link = entry.selectedLink, document.links.indices.contains(link) else {
            state.message = document.links.isEmpty ? "no links here" : "no link selected — Tab selects the next link"
            return
        }
        state.navigation.push(document.links[link].target)
    }

    // MARK: Search

    static func startSearch(_ state: inout BrowserState) {
        guard state.searchIndex != nil || state.isSearchIndexPending else {
            state.message = "search is unavailable: no search index was loaded"
            return
        }
        if state.search != nil {
            state.search?.isEditing = true
            state.navigation.historyIndex = -1
            return
        }
        state.search = SearchState(query: QueryLine(history: state.queryHistory), returnPoint: state.navigation)
        state.navigation.history = []
        state.navigation.historyIndex = -1
        state.navigation.listFocus = .results
    }

    static func closeSearch(_ state: inout BrowserState) {
        guard let search = state.search else { return }
        rememberQuery(&state)
        state.navigation = search.returnPoint
        state.search = nil
    }

    private static func rememberQuery(_ state: inout BrowserState) {
        guard var query = state.search?.query else { return }
        query.remember()
        state.queryHistory = query.history
        state.search?.query.history = query.history
    }

    /// Applies an edit to the query and, when the text changed, runs the search again.
    private static func editQuery(_ state: inout BrowserState, _ edit: (inout QueryLine) -> Void) {
        guard var search = state.search else { return }
        let before = search.query.text
        edit(&search.query)
        state.search = search
        if search.query.text != before { runSearch(&state) }
    }

    /// How many results a search asks for: a few screens' worth; the total is shown beside them.
    public static let searchLimit = 50

    /// Runs the query again; `keepingSelection` finds the selected result again by id (after a
    /// reload or a change of marks) where a new query starts at the top.
    static func runSearch(_ state: inout BrowserState, keepingSelection: Bool = false) {
        guard var search = state.search, var session = state.searchSession else { return }
        let text = search.query.text
        let before = search.hits.map { "\($0.type):\($0.id)" }
        if text.allSatisfy(\.isWhitespace) {
            search.results = nil
        } else {
            // A result row shows the title and the snippet: no other field's highlights.
            search.results = session.search(text, limit: searchLimit, flags: state.itemFlags, allMatchedFields: false)
        }
        let after = search.hits.map { "\($0.type):\($0.id)" }
        search.position = keepingSelection
            ? relocated(search.position, from: Ids(count: before.count) { before[$0] }, to: Ids(count: after.count) { after[$0] })
            : ListPosition()
        state.searchSession = session
        state.search = search
    }

    /// `n`/`N`: the next or previous result; from a detail, opens it in place of the current page.
    static func stepResult(by delta: Int, on state: inout BrowserState) {
        guard var search = state.search, !search.hits.isEmpty else {
            state.message = "no search results — press / to search"
            return
        }
        let next = search.position.selection + delta
        guard search.hits.indices.contains(next) else {
            state.message = delta > 0 ? "last result" : "first result"
            return
        }
        search.position.move(by: delta, count: search.hits.count, visibleRows: state.layout.visibleResults)
        state.search = search
        if state.navigation.isDetailOpen, let hit = search.selectedHit {
            state.navigation.history.removeSubrange(state.navigation.historyIndex...)
            state.navigation.history.append(DetailEntry(target: hit.detailTarget))
            state.navigation.historyIndex = state.navigation.history.count - 1
        }
        state.message = "result \(next + 1) of \(search.hits.count)"
    }
}
