extension Browser {
    /// Brings derived state in line after any event: lists clamped to their lengths and sizes,
    /// the open detail laid out for the current width, the preview following the selection.
    /// Work here is bounded by what is on screen, never by the size of a list.
    static func normalize(_ state: inout BrowserState) {
        let layout = state.layout
        if state.isShowingHelp {
            let lines = Renderer.helpLines(for: state).count
            state.helpScroll = max(0, min(state.helpScroll, lines - Renderer.helpRows(height: state.height)))
        }
        for pane in PaneKind.allCases {
            state.navigation[pane].clamp(count: state.count(of: pane), visibleRows: layout.visibleRows(of: pane))
        }
        let resultCount = state.search?.hits.count ?? 0
        state.search?.position.clamp(count: resultCount, visibleRows: layout.visibleResults)

        let width = layout.detailWidth ?? max(1, state.width)
        if var entry = state.navigation.currentDetail {
            laidOut(&entry, width: width, rows: layout.detailRows, state: &state)
            state.navigation.currentDetail = entry
        }

        guard layout.mode == .wide, !state.navigation.isDetailOpen, let target = selectedTarget(state) else {
            state.preview = nil
            return
        }
        if state.preview?.target != target || state.preview?.document?.width != width {
            var entry = DetailEntry(target: target)
            laidOut(&entry, width: width, rows: layout.detailRows, state: &state)
            state.preview = entry
        }
    }

    /// The item the focused list has selected.
    static func selectedTarget(_ state: BrowserState) -> DetailTarget? {
        switch state.navigation.listFocus {
        case .pane(let pane): return state.selectedTarget(in: pane)
        case .results: return state.search?.selectedHit?.detailTarget
        case .detail: return nil
        }
    }

    /// Builds the entry's document when missing or laid out for another width, then clamps its
    /// scroll and keeps its selected link (if any) on screen.
    private static func laidOut(_ entry: inout DetailEntry, width: Int, rows: Int, state: inout BrowserState) {
        if entry.document?.width != max(1, width) {
            let sectorNews: SectorNews? = if case .sector = entry.target { state.newsBySector() } else { nil }
            let marks = entry.target.itemReference.map { state.marks(of: $0) } ?? ItemMarks()
            entry.document = DetailBuilder.document(for: entry.target, catalog: state.catalog, sectorNews: sectorNews,
                                                    width: width, marks: marks)
        }
        guard let document = entry.document else { return }
        if let link = entry.selectedLink {
            if document.links.indices.contains(link) {
                let line = document.links[link].line
                entry.scroll = min(max(entry.scroll, line - rows + 1), line)
            } else {
                entry.selectedLink = nil
            }
        }
        entry.scroll = max(0, min(entry.scroll, document.lines.count - rows))
    }
}
