import Testing
import Screen
@testable import Terminal

/// Every test that opens an ncurses screen lives under this suite: ncurses drives one screen at
/// a time, so they run one after another.
@Suite(.serialized)
struct HeadlessTerminalTests {}

/// Opens a headless terminal for `body` and always closes it.
@discardableResult
func withHeadless<T>(
    width: Int = 40, height: Int = 6, term: String = "xterm-256color", environment: [String: String] = [:],
    _ body: (Terminal) throws -> T
) throws -> T {
    let terminal = try Terminal.openHeadless(width: width, height: height, term: term, environment: environment)
    defer { terminal.close() }
    return try body(terminal)
}

/// A frame `width` × `height` with `text` written on row `y` from column `x`.
func frame(width: Int = 40, height: Int = 6, _ text: String, x: Int = 0, y: Int = 0, style: Style = .plain) -> Frame {
    var frame = Frame(width: width, height: height)
    frame.write(text, x: x, y: y, style: style)
    return frame
}

extension String {
    var withoutTrailingSpaces: String {
        var text = Substring(self)
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
