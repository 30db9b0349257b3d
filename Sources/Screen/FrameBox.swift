extension Frame {
    /// Draws a single-line box (`┌─┐│└┘`) on the rectangle's edges, clipped to the frame.
    /// Boxes smaller than 2×2 draw nothing.
    public mutating func drawBox(x: Int, y: Int, width w: Int, height h: Int, style: Style) {
        guard w >= 2, h >= 2 else { return }
        let horizontal = Cell(grapheme: "─", style: style, width: 1)
        let vertical = Cell(grapheme: "│", style: style, width: 1)
        for col in (x + 1)..<(x + w - 1) {
            self[col, y] = horizontal
            self[col, y + h - 1] = horizontal
        }
        for row in (y + 1)..<(y + h - 1) {
            self[x, row] = vertical
            self[x + w - 1, row] = vertical
        }
        self[x, y] = Cell(grapheme: "┌", style: style, width: 1)
        self[x + w - 1, y] = Cell(grapheme: "┐", style: style, width: 1)
        self[x, y + h - 1] = Cell(grapheme: "└", style: style, width: 1)
        self[x + w - 1, y + h - 1] = Cell(grapheme: "┘", style: style, width: 1)
    }
}
