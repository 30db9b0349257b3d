import CNcurses
import Screen
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A cell as ncurses holds it on its virtual screen: what a person would see there.
public struct ScreenCell: Hashable, Sendable {
    public var grapheme: String
    public var attributes: Attributes
    /// The ncurses color pair; 0 is the terminal's own colors.
    public var colorPair: Int
    public var foreground: Color
    public var background: Color
}

/// Reading the screen back and feeding input: what tests of the headless terminal need.
extension Terminal {
    /// The cell ncurses holds at (x, y), or nil outside the screen.
    public func cell(x: Int, y: Int) -> ScreenCell? {
        let (width, height) = size
        guard x >= 0, y >= 0, x < width, y < height else { return nil }
        var stored = cchar_t()
        guard mvwin_wch(window, Int32(y), Int32(x), &stored) != ERR else { return nil }
        var text = [wchar_t](repeating: 0, count: Int(itu_ccharw_max()) + 1)
        var bits: attr_t = 0
        var pair: Int16 = 0
        _ = getcchar(&stored, &text, &bits, &pair, nil)
        let grapheme = String(String.UnicodeScalarView(
            text.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }
        ))
        var foreground: Int16 = -1
        var background: Int16 = -1
        if pair != 0 { _ = pair_content(pair, &foreground, &background) }
        return ScreenCell(
            grapheme: grapheme,
            attributes: TerminalAttributes.attributes(fromCurses: bits),
            colorPair: Int(pair),
            foreground: palette.color(fromCurses: foreground),
            background: palette.color(fromCurses: background)
        )
    }

    /// Every row of the screen as text, each as wide as the screen; the second column of a
    /// wide grapheme is not repeated.
    public func screenText() -> [String] {
        let (width, height) = size
        return (0..<height).map { y in
            var line = ""
            var x = 0
            while x < width {
                let grapheme = cell(x: x, y: y)?.grapheme ?? ""
                line += grapheme
                let columns = grapheme.unicodeScalars.first.map { Int(wcwidth(wchar_t(bitPattern: $0.value))) } ?? 1
                x += max(1, columns)
            }
            return line
        }
    }

    /// Writes `bytes` into a headless terminal's input, as if typed. Ignored on a real terminal.
    public func feedInput(_ bytes: [UInt8]) {
        guard isOpen, case .headless(_, let writer, _) = streams else { return }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(writer, $0.baseAddress, $0.count) }
            guard written > 0 else { return }
            offset += written
        }
    }

    /// `feedInput` with the UTF-8 of `text`.
    public func feedInput(_ text: String) {
        feedInput(Array(text.utf8))
    }

    /// Everything a headless terminal has written so far: the bytes a real terminal would get.
    func writtenBytes() -> [UInt8] {
        guard case .headless(_, _, let output) = streams else { return [] }
        fflush(output)
        let descriptor = fileno(output)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        var offset: off_t = 0
        while true {
            let count = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, offset) }
            guard count > 0 else { break }
            bytes += chunk.prefix(count)
            offset += off_t(count)
        }
        return bytes
    }
}
