import Screen

extension Browser {
    /// Rows the mouse wheel scrolls per notch.
    static let wheelStep = 3

    static func handle(_ mouse: MouseEvent, on state: inout BrowserState) {
        if state.isShowingHelp {
            state.isShowingHelp = false
            return
        }
        let layout = state.layout
        guard layout.mode != .tooSmall, state.search?.isEditing != true || mouse.kind != .press else { return }
        switch mouse.kind {
        case .press: click(x: mouse.x, y: mouse.y, layout: layout, on: &state)
        case .wheelUp: wheel(by: -wheelStep, x: mouse.x, y: mouse.y, layout: layout, on: &state)
        case .wheelDown: wheel(by: wheelStep, x: mouse.x, y: mouse.y, layout: layout, on: &state)
        }
    }

    private static func click(x: Int, y: Int, layout: Layout, on state: inout BrowserState) {
        if let tabs = layout.tabs, tabs.contains(x: x, y: y) {
            if let pane = Renderer.tabRanges(width: tabs.width).first(where: { $0.columns.contains(x) })?.pane {
                focus(pane, on: &state)
            }
            return
        }
        for (pane, area) in layout.panes where area.box.contains(x: x, y: y) {
            focus(pane, on: &state)
            if area.content.contains(x: x, y: y) {
                state.navigation[pane].selection = state.navigation[pane].scroll + (y - area.content.y)
                state.navigation[pane].clamp(count: state.count(of: pane), visibleRows: area.content.height)
            }
            return
        }
        if let area = layout.results, area.box.contains(x: x, y: y), var search = state.search {
            state.navigation.historyIndex = -1
            state.navigation.listFocus = .results
            if area.content.contains(x: x, y: y) {
                search.position.selection = search.position.scroll + (y - area.content.y) / Layout.resultRowHeight
                search.position.clamp(count: search.hits.count, visibleRows: layout.visibleResults)
            }
            state.search = search
            return
        }
        if let area = layout.detail, area.content.contains(x: x, y: y) {
            let opened = state.navigation.isDetailOpen
            guard let entry = opened ? state.navigation.currentDetail : state.preview, let document = entry.document else { return }
            let line = entry.scroll + (y - area.content.y)
            let column = x - area.content.x - Layout.detailMargin
            if let index = document.links.indices.first(where: { document.links[$0].line == line && document.columns(ofLink: $0)?.contains(column) == true }) {
                state.navigation.push(document.links[index].target)
            } else if !opened {
                state.navigation.push(entry.target)
            }
        }
    }

    private static func wheel(by delta: Int, x: Int, y: Int, layout: Layout, on state: inout BrowserState) {
        for (pane, area) in layout.panes where area.box.contains(x: x, y: y) {
            state.navigation[pane].scroll(by: delta, count: state.count(of: pane), visibleRows: area.content.height)
            return
        }
        if let area = layout.results, area.box.contains(x: x, y: y) {
            let count = state.search?.hits.count ?? 0
            state.search?.position.scroll(by: delta, count: count, visibleRows: layout.visibleResults)
            return
        }
        guard let area = layout.detail, area.box.contains(x: x, y: y) else { return }
        if state.navigation.isDetailOpen {
            scrollDetail(by: delta, layout: layout, on: &state)
        } else if var preview = state.preview {
            let lines = preview.document?.lines.count ?? 0
            preview.scroll = max(0, min(preview.scroll + delta, lines - layout.detailRows))
            state.preview = preview
        }
    }
}
