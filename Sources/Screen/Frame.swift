/// A screen's worth of cells: what the Browser renders and a backend paints.
///
/// Writing never goes outside the frame, never splits a wide grapheme (one that would cross the
/// right edge becomes a space), and sanitizes text, so any `Frame` is safe to paint as it is.
public struct Frame: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal's cursor should be shown (the query line's caret), or nil to hide it.
    public var cursor: (x: Int, y: Int)? {
        get { cursorX.map { ($0, cursorY) } }
        set { cursorX = newValue?.x; cursorY = newValue?.y ?? 0 }
    }
    private var cursorX: Int?
    private var cursorY: Int = 0

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// Fills a rectangle (clipped to the frame) with blanks of `style`.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: Style = .plain) {
        let x0 = max(0, x), y0 = max(0, y)
        let x1 = min(width, x + w), y1 = min(height, y + h)
        guard x0 < x1, y0 < y1 else { return }
        let blank = Cell(grapheme: " ", style: style, width: 1)
        for row in y0..<y1 {
            for col in x0..<x1 { cells[row * width + col] = blank }
        }
    }

    /// Writes `text` on row `y` from column `x`, within `maxWidth` columns (to the right edge when
    /// nil), sanitized, truncated with "…" when it does not fit. Returns the columns written.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: Style = .plain) -> Int {
        write(runs: [(text, style)], x: x, y: y, maxWidth: maxWidth)
    }

    /// Writes styled runs one after another, as one line truncated with "…" as a whole.
    @discardableResult
    public mutating func write(runs: [(text: String, style: Style)], x: Int, y: Int, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(maxWidth ?? (width - x), width - x)
        guard limit > 0 else { return 0 }
        var graphemes: [(String, Int, Style)] = []
        var total = 0
        for run in runs {
            for character in run.text {
                let shown = SafeText.placeholder(for: character) ?? String(character)
                let w = SafeText.placeholder(for: character) == nil ? DisplayWidth.of(character) : DisplayWidth.of(shown)
                if w == 0 { continue }
                graphemes.append((shown, w, run.style))
                total += w
            }
        }
        var column = x
        let end = x + limit
        let truncating = total > limit
        let available = truncating ? limit - 1 : limit
        var lastStyle = runs.last?.style ?? .plain
        for (grapheme, w, style) in graphemes {
            if column - x + w > available { lastStyle = style; break }
            if column >= 0 {
                self[column, y] = Cell(grapheme: grapheme, style: style, width: UInt8(w))
                if w == 2 { self[column + 1, y] = Cell(grapheme: "", style: style, width: 0) }
            }
            column += w
            lastStyle = style
        }
        if truncating {
            while column < end - 1 { self[column, y] = Cell(grapheme: " ", style: lastStyle, width: 1); column += 1 }
            self[column, y] = Cell(grapheme: "…", style: lastStyle, width: 1)
            column += 1
        }
        return column - x
    }

    /// The text of row `y`, continuation cells skipped: what a person reads on that line.
    public func line(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var out = ""
        for x in 0..<width {
            let cell = self[x, y]
            if !cell.isContinuation { out += cell.grapheme }
        }
        return out
    }

    /// Every row as text, trailing spaces removed, joined by newlines (for golden screens).
    public var text: String {
        (0..<height).map { line($0).trimmingTrailingSpaces() }.joined(separator: "\n")
    }

    public static func == (a: Frame, b: Frame) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells && a.cursorX == b.cursorX && a.cursorY == b.cursorY
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(width)
        hasher.combine(height)
        hasher.combine(cells)
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
