import Screen

/// Drawing of the detail view (an opened item, or the preview of the selection).
extension Renderer {
    mutating func drawDetail(in area: Area) {
        let opened = state.navigation.isDetailOpen
        let entry = opened ? state.navigation.currentDetail : state.preview
        let focused = state.navigation.focus == .detail
        var title = opened ? "Detail" : "Preview"
        if let entry { title += " · " + kindName(entry.target) }
        if opened { title += "  \(state.navigation.historyIndex + 1)/\(state.navigation.history.count)" }
        let content = area.content
        var note: String?
        if let document = entry?.document, document.lines.count > content.height, let entry {
            note = "\(min(100, (entry.scroll + content.height) * 100 / max(1, document.lines.count)))%"
        }
        drawFrame(of: area, title: title, focused: focused, note: note)
        guard let entry, let document = entry.document, content.width > 0, content.height > 0 else {
            if content.width > 2, content.height > 0 {
                frame.write("nothing selected", x: content.x + 1, y: content.y, maxWidth: content.width - 2, style: Theme.notRecorded)
            }
            return
        }
        let margin = Layout.detailMargin
        let last = min(document.lines.count, entry.scroll + content.height)
        guard entry.scroll < last else { return }
        for index in entry.scroll..<last {
            let runs = document.lines[index].map { span in
                (text: span.text, style: style(of: span.role, selectedLink: focused ? entry.selectedLink : nil))
            }
            frame.write(runs: runs, x: content.x + margin, y: content.y + index - entry.scroll, maxWidth: content.width - 2 * margin)
        }
    }

    private func kindName(_ target: DetailTarget) -> String {
        switch target {
        case .organization: return "Organization"
        case .sector: return "Sector"
        case .news: return "News"
        }
    }

    private func style(of role: SpanRole, selectedLink: Int?) -> Style {
        switch role {
        case .plain: return Theme.plain
        case .dim: return Theme.dim
        case .notRecorded: return Theme.notRecorded
        case .title: return state.colors.apply(\.title, to: Theme.title)
        case .heading: return Theme.heading
        case .label: return Theme.label
        case .date: return Theme.date
        case .unread: return unreadStyle
        case .star: return starStyle
        case .link(let index): return index == selectedLink ? Theme.selectedLink : Theme.link
        }
    }
}
