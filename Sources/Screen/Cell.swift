/// One terminal cell: a grapheme and its style.
///
/// A grapheme two columns wide (CJK, most emoji) sits in its first cell with `width == 2`;
/// the cell to its right is a continuation with `width == 0` and an empty grapheme, which a
/// backend skips. Graphemes in cells are always safe to print: `Frame` sanitizes what it stores.
public struct Cell: Hashable, Sendable {
    public var grapheme: String
    public var style: Style
    /// Columns the grapheme covers: 1, 2, or 0 for the continuation of a wide grapheme.
    public var width: UInt8

    public init(grapheme: String = " ", style: Style = .plain, width: UInt8 = 1) {
        self.grapheme = grapheme
        self.style = style
        self.width = width
    }

    public static let blank = Cell()
    public var isContinuation: Bool { width == 0 }
}
