import CNcurses
import Foundation
import Screen
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the run loop needs of the terminal besides painting and reading keys: the descriptor
/// to wait on, handing the terminal to another program (an editor, a terminal web browser) and
/// taking it back, and the clipboard escape sequence.
extension Terminal {
    /// The descriptor keys arrive on, for `poll()`. After it is readable (or a signal
    /// interrupted the wait), read with `nextEvent(timeoutMilliseconds: 0)` until it gives nil:
    /// ncurses may hold bytes it has already read.
    public var inputDescriptor: Int32 {
        switch streams {
        case .terminal: return STDIN_FILENO
        case .headless(let input, _, _): return fileno(input)
        }
    }

    /// Gives the terminal back to the shell's modes (`endwin`) so another program can use it.
    /// Call `resume()` afterwards.
    public func suspend() {
        guard isOpen else { return }
        setMouseReporting(on: false)
        _ = endwin()
        if case .headless(_, _, let output) = streams { fflush(output) }
    }

    /// Takes the terminal back after `suspend()` and repaints all of it on the next `paint`.
    public func resume() {
        guard isOpen else { return }
        painted = nil
        _ = clearok(window, true)
        _ = wrefresh(window)
        setMouseReporting(on: true)
    }

    /// Asks the terminal to report presses and the wheel in the SGR form (modes 1000 and 1006),
    /// or to stop; nothing when its terminfo entry has no mouse (`kmous`).
    func setMouseReporting(on: Bool) {
        guard isOpen, reportsMouse else { return }
        writeDirectly(Terminal.mouseReportingSequence(on: on))
    }

    /// `ESC [ ? 1000 h ESC [ ? 1006 h` (press and release reports, in the SGR form), or the two
    /// turned off in the reverse order.
    static func mouseReportingSequence(on: Bool) -> [UInt8] {
        Array((on ? "\u{1B}[?1000h\u{1B}[?1006h" : "\u{1B}[?1006l\u{1B}[?1000l").utf8)
    }

    /// Asks the terminal to put `text` on the system clipboard (OSC 52, base64 of the UTF-8
    /// bytes). Terminals that do not support it ignore the sequence.
    public func copyToClipboard(_ text: String) {
        guard isOpen else { return }
        writeDirectly(Array(Terminal.clipboardSequence(for: text).utf8))
    }

    /// Writes `sequence` to the terminal at once, past ncurses' output buffer (which every
    /// refresh empties, so nothing ncurses drew is overtaken).
    private func writeDirectly(_ sequence: [UInt8]) {
        switch streams {
        case .terminal:
            sequence.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let written = write(STDOUT_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
                    if written < 0 && errno == EINTR { continue }
                    guard written > 0 else { return }
                    offset += written
                }
            }
        case .headless(_, _, let output):
            _ = sequence.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, output) }
            fflush(output)
        }
    }

    /// `ESC ] 52 ; c ; <base64> BEL`: the whole text is base64, so nothing in it reaches the
    /// terminal raw.
    static func clipboardSequence(for text: String) -> String {
        "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }
}
