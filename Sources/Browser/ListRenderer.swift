import Catalog
import CatalogSearch
import Screen

/// Drawing of the three list panes and the search results: only the visible rows are built.
extension Renderer {
    mutating func drawPane(_ pane: PaneKind, in area: Area) {
        let focused = state.navigation.focus == .pane(pane)
        let count = state.count(of: pane)
        let position = state.navigation[pane]
        var title = "\(pane.number) \(pane.title)"
        if pane != .sectors, let facet = state.navigation.facet { title += " in \(facet)" }
        drawFrame(of: area, title: title, focused: focused, note: count == 0 ? "0" : "\(position.selection + 1)/\(count)")
        let content = area.content
        guard content.width > 0, content.height > 0 else { return }
        if count == 0 {
            frame.write(pane == .organizations && state.navigation.facet != nil ? "no members recorded" : "nothing here",
                        x: content.x + 1, y: content.y, maxWidth: content.width - 1, style: Theme.notRecorded)
            return
        }
        let last = min(count, position.scroll + content.height)
        guard position.scroll < last else { return }
        for index in position.scroll..<last {
            let y = content.y + index - position.scroll
            let selected = index == position.selection
            let runs = row(pane, index: index, width: content.width - 2)
            drawRow(runs, x: content.x, y: y, width: content.width, selected: selected, focused: focused)
        }
    }

    /// Draws one list row with a space of margin either side, reversed when selected.
    mutating func drawRow(_ runs: [(text: String, style: Style)], x: Int, y: Int, width: Int, selected: Bool, focused: Bool) {
        guard width > 0 else { return }
        if selected {
            let style = state.colors.apply(\.selection, to: focused ? Theme.focusedSelection : Theme.selection)
            frame.fill(x: x, y: y, width: width, height: 1, style: style)
            let marked = runs.map { (text: $0.text, style: $0.style.with(style.attributes)) }
            frame.write(runs: marked, x: x + 1, y: y, maxWidth: width - 2)
        } else {
            frame.write(runs: runs, x: x + 1, y: y, maxWidth: width - 2)
        }
    }

    /// The text of one row: `ITU-R  Radiocommunication Sector`, `name … kind`, `2021-11-01  title`.
    private func row(_ pane: PaneKind, index: Int, width: Int) -> [(text: String, style: Style)] {
        switch pane {
        case .sectors:
            let sector = state.catalog.sectors[index]
            let marker = sector.id == state.navigation.facet ? "● " : "  "
            return [(marker, Theme.label), (sector.id, Theme.label), ("  " + Renderer.shortSectorName(sector.name), Theme.plain)]
        case .organizations:
            let org = state.organizations[index]
            let star = (starMarker(ItemReference(.organization, org.id)) + " ", starStyle)
            let kind = Renderer.shortKind(org.kind)
            let kindWidth = min(DisplayWidth.of(kind), Renderer.kindColumnWidth)
            let nameWidth = width - 2 - Renderer.kindColumnWidth - 1
            guard nameWidth >= 12 else { return [star, (org.name, Theme.plain)] }
            return [star, (TextLayout.pad(SafeText.sanitize(org.name), to: nameWidth + Renderer.kindColumnWidth - kindWidth) + " ", Theme.plain),
                    (TextLayout.truncate(kind, to: kindWidth), Theme.dim)]
        case .news:
            let item = state.news[index]
            let reference = ItemReference(.news, item.id)
            let unread = !state.marks(of: reference).isRead
            return [(unread ? "●" : " ", unreadStyle), (starMarker(reference) + " ", starStyle),
                    (TextLayout.pad(item.date.description, to: 10), Theme.date),
                    ("  " + item.title, unread ? Theme.unreadTitle : Theme.plain)]
        }
    }

    /// The styles of the `●` and `★` marks, in the config's colors when it chose some.
    var unreadStyle: Style { state.colors.apply(\.unread, to: Theme.unread) }
    var starStyle: Style { state.colors.apply(\.star, to: Theme.star) }

    /// `★` for a starred item, else a space.
    func starMarker(_ item: ItemReference) -> String { state.marks(of: item).isStarred ? "★" : " " }

    /// Two columns of marks for a search result: `●` when it is unread news, `★` when starred.
    func resultMarks(_ hit: CatalogSearchHit) -> [(text: String, style: Style)] {
        guard let item = hit.detailTarget.itemReference else { return [("  ", Theme.plain)] }
        return [(isUnreadNews(hit) ? "●" : " ", unreadStyle), (starMarker(item), starStyle)]
    }

    func isUnreadNews(_ hit: CatalogSearchHit) -> Bool {
        hit.type == .news && !state.marks(of: ItemReference(.news, hit.id)).isRead
    }

    /// `Radiocommunication` for "Radiocommunication Sector": the id already says it is a Sector.
    static func shortSectorName(_ name: String) -> String {
        name.hasSuffix(" Sector") ? String(name.dropLast(" Sector".count)) : name
    }

    static let kindColumnWidth = 16

    /// A short form of a known organization kind for list rows; other kinds as they are.
    static func shortKind(_ kind: String) -> String {
        switch kind.lowercased() {
        case "intergovernmental satellite organization": return "satellite IGO"
        case "intergovernmental organization": return "IGO"
        case "regional telecommunication organization": return "regional telecom"
        case "state-owned company": return "state company"
        case "non-governmental organization": return "NGO"
        case "international organization": return "international"
        default: return SafeText.sanitize(kind)
        }
    }

    // MARK: Search results

    mutating func drawResults(in area: Area) {
        guard let search = state.search else { return }
        let focused = state.navigation.focus == .results
        let hits = search.hits
        var title = "Results"
        if let results = search.results {
            title += " for “\(search.query.text)”  \(results.hits.count)"
            if results.totalMatches > results.hits.count { title += " of \(results.totalMatches)" }
            if results.isPartial { title += " (partial)" }
        }
        drawFrame(of: area, title: title, focused: focused || search.isEditing,
                  note: hits.isEmpty ? nil : "\(search.position.selection + 1)/\(hits.count)")
        let content = area.content
        guard content.width > 2, content.height > 0 else { return }
        guard let results = search.results else {
            let hint = state.isSearchIndexPending && !search.query.text.isEmpty
                ? "Building the search index… results follow in a moment"
                : "Type to search news, organizations and Sectors"
            frame.write(hint, x: content.x + 1, y: content.y, maxWidth: content.width - 2, style: Theme.dim)
            return
        }
        if hits.isEmpty {
            let text = results.problems.first.map { "no results — \($0)" } ?? "no results"
            frame.write(text, x: content.x + 1, y: content.y, maxWidth: content.width - 2, style: Theme.notRecorded)
            return
        }
        if results.isPartial, !hits.isEmpty, content.height > 1 {
            frame.write("partial results: the search stopped early", x: content.x + 1, y: content.y + content.height - 1,
                        maxWidth: content.width - 2, style: Theme.dim)
        }
        let rows = content.height / Layout.resultRowHeight
        let last = min(hits.count, search.position.scroll + rows)
        guard search.position.scroll < last else { return }
        for index in search.position.scroll..<last {
            let hit = hits[index]
            let y = content.y + (index - search.position.scroll) * Layout.resultRowHeight
            var first: [(text: String, style: Style)] = [(Renderer.marker(for: hit.type), Theme.typeMarker), (" ", Theme.plain)]
            first += resultMarks(hit) + [(" ", Theme.plain)]
            if let date = hit.date { first.append((date.description + "  ", Theme.date)) }
            first += Renderer.highlighted(hit.title, hit.titleHighlights, base: isUnreadNews(hit) ? Theme.unreadTitle : Theme.plain,
                                          highlight: state.colors.apply(\.highlight, to: Theme.highlight))
            let selected = index == search.position.selection
            drawRow(first, x: content.x, y: y, width: content.width, selected: selected, focused: focused)
            let snippet = [(text: "        ", style: Theme.plain)] + Renderer.highlighted(hit.snippet, hit.snippetHighlights, base: Theme.dim,
                                                                                                      highlight: state.colors.apply(\.highlight, to: Theme.highlight))
            drawRow(snippet, x: content.x, y: y + 1, width: content.width, selected: false, focused: false)
        }
    }

    /// A four-column marker for the type of a result.
    static func marker(for type: SearchItemType) -> String {
        switch type {
        case .news: return "NEWS"
        case .organization: return "ORG "
        case .sector: return "SECT"
        }
    }

    /// Splits `text` into runs, the characters inside the UTF-8 byte `ranges` highlighted.
    /// Ranges that fall outside the text or inside a character are tolerated.
    static func highlighted(_ text: String, _ ranges: [Range<Int>], base: Style, highlight: Style = Theme.highlight) -> [(text: String, style: Style)] {
        guard !ranges.isEmpty else { return [(text, base)] }
        var runs: [(text: String, style: Style)] = []
        var current = ""
        var currentIsHit = false
        var offset = 0
        for character in text {
            let length = character.utf8.count
            let span = offset..<(offset + length)
            let isHit = ranges.contains { $0.overlaps(span) }
            if isHit != currentIsHit, !current.isEmpty {
                runs.append((current, currentIsHit ? highlight : base))
                current = ""
            }
            currentIsHit = isHit
            current.append(character)
            offset += length
        }
        if !current.isEmpty { runs.append((current, currentIsHit ? highlight : base)) }
        return runs
    }
}
