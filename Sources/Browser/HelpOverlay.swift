import Screen

/// The help overlay, generated from the bindings in force (`BrowserState.keys`), grouped by context with the contexts
/// that apply now first. It flows into columns when the terminal is wide enough to show
/// everything; otherwise it is one column that scrolls (j/k, PgDn/PgUp, Space).
extension Renderer {
    typealias HelpLine = (keys: String, help: String, isHeading: Bool)

    /// The help groups, the contexts in `first` before the others: a heading, then `keys  help`.
    static func helpGroups(first: [KeyContext], keys: BoundKeys) -> [[HelpLine]] {
        var order: [KeyContext] = []
        for context in first + KeyContext.allCases where !order.contains(context) { order.append(context) }
        return order.compactMap { context in
            let bindings = keys.bindings.filter { $0.context == context }
            guard !bindings.isEmpty else { return nil }
            return [("", context.title, true)] + bindings.map { ($0.keyLabel, $0.help, false) }
        }
    }

    /// All help groups as one list of lines, a blank line between groups.
    static func helpLines(first: [KeyContext], keys: BoundKeys) -> [HelpLine] {
        helpGroups(first: first, keys: keys).enumerated().flatMap { index, group in index == 0 ? group : [("", "", false)] + group }
    }

    /// The contexts that apply under the help, most specific first.
    static func currentContexts(_ state: BrowserState) -> [KeyContext] {
        var underneath = state
        underneath.isShowingHelp = false
        return Browser.contexts(for: underneath).filter { $0 != .always } + [.always]
    }

    static func helpLines(for state: BrowserState) -> [HelpLine] { helpLines(first: currentContexts(state), keys: state.keys) }

    /// Whole groups packed into columns of at most `rows` lines; nil when a group is longer.
    static func helpColumns(_ groups: [[HelpLine]], rows: Int) -> [[HelpLine]]? {
        var columns: [[HelpLine]] = []
        var column: [HelpLine] = []
        for group in groups {
            guard group.count <= rows else { return nil }
            let gap = column.isEmpty ? 0 : 1
            if column.count + gap + group.count > rows {
                columns.append(column)
                column = group
            } else {
                column += (gap == 1 ? [("", "", false)] : []) + group
            }
        }
        if !column.isEmpty { columns.append(column) }
        return columns
    }

    /// All groups flowed into columns of `rows` lines, a group cut at a column's end going on
    /// under its heading marked "(continued)": for when whole groups do not fit side by side.
    static func flowedHelpColumns(_ groups: [[HelpLine]], rows: Int) -> [[HelpLine]] {
        var columns: [[HelpLine]] = []
        var column: [HelpLine] = []
        for group in groups {
            if !column.isEmpty, column.count + 2 <= rows { column.append(("", "", false)) }
            for (index, line) in group.enumerated() {
                if column.count >= rows || (index == 0 && column.count + 2 > rows) {
                    columns.append(column)
                    column = index == 0 ? [] : [("", (group.first?.help ?? "") + " (continued)", true)]
                }
                column.append(line)
            }
        }
        if !column.isEmpty { columns.append(column) }
        return columns
    }

    /// The rows of help text the overlay shows at a terminal height.
    static func helpRows(height: Int) -> Int { max(1, height - 4) }

    /// The widest key label, so every help text starts in the same column.
    static func helpKeyWidth(_ keys: BoundKeys) -> Int { keys.bindings.map { DisplayWidth.of($0.keyLabel) }.max() ?? 10 }
    static let helpColumnWidth = 64

    mutating func drawHelp() {
        let maxWidth = frame.width - 2
        let rowsAvailable = Renderer.helpRows(height: frame.height)
        guard maxWidth >= 12, frame.height >= 5 else { return }
        let columnWidth = min(Renderer.helpColumnWidth, maxWidth - 4)
        let fitting = max(1, (maxWidth - 2) / (columnWidth + 2))
        let lines = Renderer.helpLines(for: state)
        var columns = [lines]
        let groups = Renderer.helpGroups(first: Renderer.currentContexts(state), keys: state.keys)
        if let packed = Renderer.helpColumns(groups, rows: rowsAvailable), packed.count <= fitting {
            columns = packed
        } else if fitting > 1, case let flowed = Renderer.flowedHelpColumns(groups, rows: rowsAvailable), flowed.count <= fitting {
            columns = flowed
        }
        let scrolling = columns.count == 1 && lines.count > rowsAvailable
        let rows = scrolling ? rowsAvailable : columns.map(\.count).max() ?? 0
        let scroll = scrolling ? max(0, min(state.helpScroll, lines.count - rows)) : 0
        let width = columns.count * columnWidth + (columns.count - 1) * 2 + 4
        let height = rows + 2
        let x = (frame.width - width) / 2, y = (frame.height - height) / 2
        frame.fill(x: x, y: y, width: width, height: height)
        frame.drawBox(x: x, y: y, width: width, height: height, style: state.colors.apply(\.border, to: Theme.focusedBorder))
        frame.write(" Keys — any other key closes ", x: x + 2, y: y, maxWidth: width - 4, style: Theme.focusedPaneTitle)
        let keyWidth = min(Renderer.helpKeyWidth(state.keys), columnWidth / 3)
        for (index, column) in columns.enumerated() {
            let lx = x + 2 + index * (columnWidth + 2)
            for (row, line) in column.dropFirst(scroll).prefix(rows).enumerated() {
                if line.isHeading {
                    frame.write(line.help, x: lx, y: y + 1 + row, maxWidth: columnWidth, style: Theme.helpHeading)
                } else {
                    frame.write(runs: [(TextLayout.pad(line.keys, to: keyWidth) + " ", Theme.helpKey), (line.help, Theme.plain)],
                                x: lx, y: y + 1 + row, maxWidth: columnWidth)
                }
            }
        }
        let below = scrolling ? lines.count - scroll - rows : 0
        if below > 0 || scroll > 0 {
            var note = " "
            if scroll > 0 { note += "↑ \(scroll) above  " }
            if below > 0 { note += "↓ \(below) more (j, Space) " }
            frame.write(note, x: x + 2, y: y + height - 1, maxWidth: width - 4, style: state.colors.apply(\.border, to: Theme.focusedBorder))
        }
    }
}
