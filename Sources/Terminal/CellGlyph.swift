import CNcurses
import Screen
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What ncurses receives for one cell: the scalars of one printable grapheme, and how many
/// columns the C library (and so ncurses) gives it.
///
/// Frames are sanitized already; this is the last line of defence. A cell holding a control
/// character or an escape sequence is shown as its visible placeholder, never sent. And because
/// ncurses measures with `wcwidth` while the Frame measured with `DisplayWidth`, a grapheme they
/// disagree about is adjusted so that every cell still covers exactly the columns the Frame
/// planned: one ncurses finds narrower is followed by a blank, one it finds wider is replaced.
struct CellGlyph: Equatable {
    /// The scalars, at most `CCHARW_MAX`, without the terminating zero.
    var scalars: [wchar_t]
    /// Columns ncurses advances for these scalars: 1 or 2.
    var columns: Int
    /// Blank columns to paint after the glyph so the cell covers what the Frame planned.
    var padding: Int

    static let blank = CellGlyph(scalars: [0x20], columns: 1, padding: 0)

    /// The glyph that paints `cell`, which the Frame laid out as `cell.width` columns (1 or 2).
    init(for cell: Cell) {
        let planned = cell.width >= 2 ? 2 : 1
        guard let character = CellGlyph.printableCharacter(cell.grapheme) else {
            self = CellGlyph.replacement(planned: planned)
            return
        }
        let scalars = character.unicodeScalars.prefix(Int(itu_ccharw_max())).map { wchar_t(bitPattern: $0.value) }
        let columns = scalars.first.map { Int(wcwidth($0)) } ?? -1
        if columns < 1 || columns > planned {
            self = CellGlyph.replacement(planned: planned)
        } else {
            self.init(scalars: scalars, columns: columns, padding: planned - columns)
        }
    }

    private init(scalars: [wchar_t], columns: Int, padding: Int) {
        self.scalars = scalars
        self.columns = columns
        self.padding = padding
    }

    /// The first grapheme of `text`, or its placeholder when it must not be printed; nil when
    /// there is nothing printable at all.
    private static func printableCharacter(_ text: String) -> Character? {
        guard let first = text.first else { return " " }
        let shown = SafeText.placeholder(for: first).flatMap(\.first) ?? first
        let isSafe = shown.unicodeScalars.allSatisfy {
            $0.value >= 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value)
        }
        return isSafe ? shown : nil
    }

    /// U+FFFD (or "?" where the C library cannot show it), padded to the planned columns.
    private static func replacement(planned: Int) -> CellGlyph {
        let symbol: wchar_t = wcwidth(0xFFFD) == 1 ? 0xFFFD : 0x3F
        return CellGlyph(scalars: [symbol], columns: 1, padding: planned - 1)
    }
}
