import CNcurses
import Screen
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Painting: a Frame cell by cell into the screen's window, then the minimal update.
extension Terminal {
    /// Paints `frame` and lets ncurses send the minimal update.
    ///
    /// Cells are painted into the screen's window one by one, skipping the continuation cells of
    /// wide graphemes and any cell unchanged since the last frame; a frame larger than the screen
    /// is clipped, a smaller one padded with blanks. The cursor is shown at `frame.cursor` when
    /// that is on screen, hidden otherwise.
    public func paint(_ frame: Frame) {
        guard isOpen else { return }
        let (width, height) = size
        let previous = painted.flatMap { last in
            last.width == width && last.height == height && last.frame.width == frame.width
                && last.frame.height == frame.height ? last.frame : nil
        }
        for y in 0..<height {
            var x = 0
            while x < width {
                let cell = Terminal.cell(of: frame, x: x, y: y)
                if let previous, Terminal.cell(of: previous, x: x, y: y) == cell, !cell.isContinuation {
                    x += max(1, Int(cell.width))
                    continue
                }
                x += paintCell(cell, x: x, y: y, screenWidth: width)
            }
        }
        painted = (frame, width, height)
        placeCursor(frame.cursor, width: width, height: height)
        _ = wnoutrefresh(window)
        _ = doupdate()
        if case .headless(_, _, let output) = streams { fflush(output) }
    }

    /// The frame's cell at (x, y), or a blank outside it.
    private static func cell(of frame: Frame, x: Int, y: Int) -> Cell {
        x < frame.width && y < frame.height ? frame[x, y] : .blank
    }

    /// Paints one cell at (x, y) and returns how many columns it covered.
    private func paintCell(_ cell: Cell, x: Int, y: Int, screenWidth: Int) -> Int {
        var style = palette.enabled ? cell.style : cell.style.withoutColor
        var glyph = cell.isContinuation ? CellGlyph.blank : CellGlyph(for: cell)
        if glyph.columns + glyph.padding > screenWidth - x {
            glyph = .blank
        }
        if cell.isContinuation { style = .plain }
        put(glyph.scalars, style: style, x: x, y: y)
        for offset in 0..<glyph.padding {
            put(CellGlyph.blank.scalars, style: style, x: x + glyph.columns + offset, y: y)
        }
        return glyph.columns + glyph.padding
    }

    private func put(_ scalars: [wchar_t], style: Style, x: Int, y: Int) {
        let pair = palette.pair(foreground: style.foreground, background: style.background)
        var character = cchar_t()
        let text = scalars + [0]
        let attributes = TerminalAttributes.curses(style.attributes)
        _ = text.withUnsafeBufferPointer { setcchar(&character, $0.baseAddress, attributes, pair, nil) }
        _ = mvwadd_wch(window, Int32(y), Int32(x), &character)
    }

    private func placeCursor(_ cursor: (x: Int, y: Int)?, width: Int, height: Int) {
        if let cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < width, cursor.y < height {
            _ = wmove(window, Int32(cursor.y), Int32(cursor.x))
            _ = leaveok(window, false)
            if cursorShown != true { _ = curs_set(1); cursorShown = true }
        } else {
            _ = leaveok(window, true)
            if cursorShown != false { _ = curs_set(0); cursorShown = false }
        }
    }

    /// Where ncurses leaves the cursor after the last paint.
    var cursorPosition: (x: Int, y: Int) {
        (Int(getcurx(window)), Int(getcury(window)))
    }
}
