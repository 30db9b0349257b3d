import Screen

/// A plain-text table laid out by display width, so Cyrillic, CJK and emoji line up.
///
/// Columns are separated by two spaces, and every row's last column starts at the same column.
/// When the table is wider than the given width, columns are narrowed (see `columnWidths`) and
/// cut cells end in "…". Lines carry no trailing spaces.
struct Table {
    /// A column's heading and how it behaves when the table must be narrowed.
    struct Column {
        var header: String
        /// Numbers are right-aligned.
        var alignRight = false
        /// A name or title: it keeps more room than the others when the table is narrowed.
        var flexible = false
        /// An id: cut only when cutting every other column is not enough.
        var protected = false
    }

    /// A sanitized cell and its display width, measured once.
    struct Cell {
        var text: String
        var width: Int

        init(_ text: String) {
            self.text = text
            width = Table.displayWidth(text)
        }

        /// The cell cut to `target` columns, and the width of what is left.
        func fitted(to target: Int) -> (text: String, width: Int) {
            if width <= target { return (text, width) }
            if target > 0, text.utf8.count == width, let cut = String(text.utf8.prefix(target - 1)) {
                return (cut + "…", target)
            }
            let cut = TextLayout.truncate(text, to: target)
            return (cut, DisplayWidth.of(cut))
        }
    }

    var columns: [Column]
    private(set) var rows: [[Cell]] = []
    static let separator = "  "
    /// No column is narrowed below this.
    static let minimumWidth = 6

    init(_ columns: [Column]) { self.columns = columns }

    /// Adds a row; cells are sanitized here so their widths are the widths that get printed.
    mutating func append(_ cells: [String]) {
        rows.append(cells.map { Cell(SafeText.sanitize($0.replacingNewlines())) })
    }

    /// The header line and one line per row, fitted to `width` columns.
    func lines(width: Int) -> [String] {
        let widths = columnWidths(width: width)
        let header = columns.map { Cell($0.header) }
        return ([header] + rows).map { cells in
            var line = ""
            for (index, column) in columns.enumerated() {
                let cell = index < cells.count ? cells[index] : Cell("")
                let target = widths[index]
                let (cut, cutWidth) = cell.fitted(to: target)
                let gap = String(repeating: " ", count: max(0, target - cutWidth))
                let isLast = index == columns.count - 1
                if index > 0 { line += Table.separator }
                if column.alignRight { line += gap + cut } else { line += isLast ? cut : cut + gap }
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// Each column's width: its widest cell, then narrowed until the whole fits `width`.
    ///
    /// Narrowing takes one column at a time from the column that is widest for its weight (the
    /// flexible column counts half, so it keeps about twice the room of the others); `protected`
    /// columns (ids) give way only when nothing else can.
    func columnWidths(width: Int) -> [Int] {
        var widths = columns.map { Table.displayWidth($0.header) }
        for cells in rows {
            for (index, cell) in cells.prefix(columns.count).enumerated() {
                widths[index] = max(widths[index], cell.width)
            }
        }
        let separators = Table.separator.count * max(0, columns.count - 1)
        var excess = widths.reduce(separators, +) - width
        while excess > 0 {
            let shrinkable = widths.indices.filter { widths[$0] > Table.minimumWidth }
            let unprotected = shrinkable.filter { !columns[$0].protected }
            let candidates = unprotected.isEmpty ? shrinkable : unprotected
            func weighted(_ index: Int) -> Double { Double(widths[index]) / (columns[index].flexible ? 2 : 1) }
            guard let narrowest = candidates.max(by: { weighted($0) < weighted($1) }) else { break }
            widths[narrowest] -= 1
            excess -= 1
        }
        return widths
    }
}

extension Table {
    /// `DisplayWidth.of(text)`, with a shortcut for printable ASCII (most ids, dates and names).
    static func displayWidth(_ text: String) -> Int {
        let utf8 = text.utf8
        if utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return utf8.count }
        return DisplayWidth.of(text)
    }
}

extension String {
    /// The text on one line: line breaks become spaces.
    func replacingNewlines() -> String {
        let mayBreak = utf8.contains { (0x0A...0x0D).contains($0) || $0 == 0xC2 || $0 == 0xE2 }
        guard mayBreak, contains(where: \.isNewline) else { return self }
        return String(map { $0.isNewline ? " " : $0 })
    }
}
