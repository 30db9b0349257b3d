import Catalog
import Screen

/// Draws a `BrowserState` into a `Frame`. Every list draws only its visible rows.
struct Renderer {
    let state: BrowserState
    let layout: Layout
    var frame: Frame

    init(state: BrowserState) {
        self.state = state
        layout = state.layout
        frame = Frame(width: state.width, height: state.height)
    }

    func rendered() -> Frame {
        var renderer = self
        renderer.draw()
        return renderer.frame
    }

    private mutating func draw() {
        guard layout.mode != .tooSmall else {
            drawTooSmall()
            return
        }
        drawTopBar()
        if let tabs = layout.tabs { drawTabs(tabs) }
        for pane in PaneKind.allCases {
            if let area = layout.panes[pane] { drawPane(pane, in: area) }
        }
        if let area = layout.results { drawResults(in: area) }
        if let area = layout.detail { drawDetail(in: area) }
        drawStatusLine()
        if let rect = layout.queryLine { drawQueryLine(rect) }
        if state.isShowingHelp { drawHelp() }
    }

    // MARK: Too small

    static let tooSmallMessages = [
        "Terminal too small — enlarge to at least \(Layout.minimumWidth)×\(Layout.minimumHeight)",
        "Too small: need \(Layout.minimumWidth)×\(Layout.minimumHeight)",
        "Enlarge to \(Layout.minimumWidth)×\(Layout.minimumHeight)",
        "\(Layout.minimumWidth)×\(Layout.minimumHeight)",
    ]

    /// The longest message that fits, word-wrapped and centred; a cut one on a tiny screen.
    private mutating func drawTooSmall() {
        let (w, h) = (frame.width, frame.height)
        guard w > 0, h > 0 else { return }
        var lines = [TextLayout.truncate(Renderer.tooSmallMessages.last ?? "", to: w)]
        for message in Renderer.tooSmallMessages {
            let wrapped = TextLayout.wrap(message, width: w)
            let wordsFit = message.split(separator: " ").allSatisfy { DisplayWidth.of($0) <= w }
            if wordsFit, wrapped.count <= h { lines = wrapped; break }
        }
        let top = max(0, (h - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let x = max(0, (w - DisplayWidth.of(line)) / 2)
            frame.write(line, x: x, y: top + i, maxWidth: w - x, style: state.colors.apply(\.status, to: Theme.statusMessage))
        }
    }

    // MARK: Bars

    private mutating func drawTopBar() {
        let rect = layout.topBar
        frame.fill(x: rect.x, y: rect.y, width: rect.width, height: 1, style: Theme.topBar)
        let catalog = state.catalog
        var runs: [(text: String, style: Style)] = [(" ITU Browser ", Theme.topBarTitle)]
        var counts = "\(catalog.sectors.count) Sectors · "
        if let facet = state.navigation.facet {
            counts += "\(state.organizations.count)/\(catalog.organizations.count) organizations · \(state.news.count)/\(catalog.news.count) news"
            runs.append((" " + counts + " ", Theme.topBar))
            runs.append((" Sector: \(facet) ", Theme.facet))
        } else {
            counts += "\(catalog.organizations.count) organizations · \(catalog.news.count) news"
            runs.append((" " + counts + " ", Theme.topBar))
        }
        if let search = state.search {
            runs.append(("  /" + search.query.text + " ", Theme.topBarTitle))
        }
        frame.write(runs: runs, x: rect.x, y: rect.y, maxWidth: rect.width)
    }

    /// The columns each tab takes in the tab row: ` 1 Organizations   2 Sectors   3 News`.
    static func tabRanges(width: Int) -> [(pane: PaneKind, label: String, columns: Range<Int>)] {
        var column = 1
        var out: [(pane: PaneKind, label: String, columns: Range<Int>)] = []
        for pane in PaneKind.allCases {
            let label = " \(pane.number) \(pane.title) "
            let w = DisplayWidth.of(label)
            out.append((pane, label, column..<min(width, column + w)))
            column += w + 1
        }
        return out
    }

    private mutating func drawTabs(_ rect: Rect) {
        let current: PaneKind? = {
            if state.search != nil || state.navigation.isDetailOpen { return nil }
            if case .pane(let pane) = state.navigation.listFocus { return pane }
            return nil
        }()
        for tab in Renderer.tabRanges(width: rect.width) where tab.columns.lowerBound < rect.width {
            frame.write(tab.label, x: tab.columns.lowerBound, y: rect.y, maxWidth: rect.width - tab.columns.lowerBound,
                        style: tab.pane == current ? Theme.activeTab : Theme.tab)
        }
        let end = (Renderer.tabRanges(width: rect.width).last?.columns.upperBound ?? 0) + 2
        var crumb: String?
        if state.navigation.isDetailOpen, let entry = state.navigation.currentDetail {
            crumb = "› " + title(of: entry.target)
        } else if let search = state.search {
            crumb = "› results for “\(search.query.text)”"
        }
        if let crumb, end < rect.width {
            frame.write(crumb, x: end, y: rect.y, maxWidth: rect.width - end, style: Theme.activeTab)
        }
    }

    /// A short title for a detail target (its name or title), for breadcrumbs.
    func title(of target: DetailTarget) -> String {
        switch target {
        case .organization(let id): return state.catalog.organization(id: id)?.displayName ?? id
        case .sector(let id): return state.catalog.sector(id: id)?.id ?? id
        case .news(let id): return state.catalog.newsItem(id: id)?.title ?? id
        }
    }

    private mutating func drawStatusLine() {
        let rect = layout.status
        frame.fill(x: rect.x, y: rect.y, width: rect.width, height: 1, style: state.colors.apply(\.status, to: Theme.statusLine))
        var runs: [(text: String, style: Style)] = []
        if let position = positionText() { runs.append((" " + position + " ", Theme.position)) }
        if let problem = state.search?.results?.problems.first, state.search?.isEditing == true {
            runs.append((" " + problem, Theme.statusProblem))
        } else if let message = state.message {
            runs.append((" " + message, state.colors.apply(\.status, to: Theme.statusMessage)))
        }
        let used = frame.write(runs: runs, x: rect.x, y: rect.y, maxWidth: rect.width)
        let hints = " " + hintText() + " "
        let hintWidth = DisplayWidth.of(hints)
        if used + hintWidth + 1 <= rect.width {
            frame.write(hints, x: rect.x + rect.width - hintWidth, y: rect.y, style: Theme.dim)
        }
    }

    /// `3/42` for the focused list, results or detail (links or lines).
    private func positionText() -> String? {
        let navigation = state.navigation
        switch navigation.focus {
        case .pane(let pane):
            let count = state.count(of: pane)
            return count == 0 ? "0/0" : "\(navigation[pane].selection + 1)/\(count)"
        case .results:
            let count = state.search?.hits.count ?? 0
            return count == 0 ? "0/0" : "\((state.search?.position.selection ?? 0) + 1)/\(count)"
        case .detail:
            guard let entry = navigation.currentDetail, let document = entry.document else { return nil }
            let step = "\(navigation.historyIndex + 1)/\(navigation.history.count)"
            if let link = entry.selectedLink { return "history \(step) · link \(link + 1)/\(document.links.count)" }
            return "history \(step)"
        }
    }

    private func hintText() -> String {
        if state.search?.isEditing == true { return "Enter results · Esc cancel · ↑↓ history" }
        switch state.navigation.focus {
        case .pane(.sectors):
            return state.navigation.facet == nil ? "Enter filter by Sector · / search · ? help · q quit"
                : "Enter detail · Esc clear filter · ? help · q quit"
        case .pane:
            return state.navigation.facet == nil ? "Enter open · Tab pane · / search · ? help · q quit"
                : "Enter open · Esc clear filter · ? help · q quit"
        case .results: return "Enter open · n/N next/prev · / edit · Esc close"
        case .detail: return "Tab next link · Enter follow · Esc back · ] forward"
        }
    }

    private mutating func drawQueryLine(_ rect: Rect) {
        guard let search = state.search else { return }
        frame.fill(x: rect.x, y: rect.y, width: rect.width, height: 1)
        let prompt = "/"
        let available = max(1, rect.width - 2)
        var before = SafeText.sanitize(search.query.textBeforeCursor)
        var after = SafeText.sanitize(String(search.query.text.dropFirst(search.query.textBeforeCursor.count)))
        while DisplayWidth.of(before) >= available, !before.isEmpty { before.removeFirst() }
        if DisplayWidth.of(before) + DisplayWidth.of(after) > available {
            after = TextLayout.truncate(after, to: max(0, available - DisplayWidth.of(before)))
        }
        frame.write(runs: [(prompt, Theme.queryPrompt), (before + after, Theme.plain)], x: rect.x, y: rect.y, maxWidth: rect.width)
        frame.cursor = (rect.x + 1 + DisplayWidth.of(before), rect.y)
    }

    // MARK: Boxes

    /// Draws an area's border with a title (and an optional right-hand note in the bottom edge).
    mutating func drawFrame(of area: Area, title: String, focused: Bool, note: String? = nil) {
        guard area.bordered else { return }
        let box = area.box
        frame.drawBox(x: box.x, y: box.y, width: box.width, height: box.height, style: state.colors.apply(\.border, to: focused ? Theme.focusedBorder : Theme.border))
        if box.width > 4 {
            frame.write(" " + title + " ", x: box.x + 1, y: box.y, maxWidth: box.width - 2,
                        style: focused ? Theme.focusedPaneTitle : Theme.paneTitle)
        }
        if let note, box.height > 2 {
            let text = " " + note + " "
            let w = DisplayWidth.of(text)
            if w + 4 <= box.width {
                frame.write(text, x: box.x + box.width - 1 - w - 1, y: box.y + box.height - 1, style: state.colors.apply(\.border, to: focused ? Theme.focusedBorder : Theme.border))
            }
        }
    }
}
