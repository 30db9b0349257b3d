import Foundation
import Screen

/// Everything the commands print goes through here, and is passed through `SafeText.sanitize`
/// on the way: control characters and escape sequences in the data never reach the terminal.
enum Console {
    /// Prints one line (or several, separated by newlines) to standard output.
    static func write(_ text: String) {
        print(sanitizeLines(text))
    }

    /// Prints to standard error.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((sanitizeLines(text) + "\n").utf8))
    }

    /// Prints text that is already safe and may carry the program's own styling escapes
    /// (bold highlights); callers sanitize every piece of data in it themselves.
    static func writePreformatted(_ text: String) {
        print(text)
    }

    /// Whether standard output is a terminal (and not a pipe or a file).
    static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// The width, in columns, that tables and wrapped text are fitted to.
    ///
    /// `COLUMNS` when it is set to a number, else the terminal's width when standard output is
    /// a terminal, else 100 columns (so piped output is the same everywhere). Never below 40.
    static var width: Int {
        let minimum = 40
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text), columns > 0 {
            return max(minimum, columns)
        }
        if outputIsTerminal {
            var size = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
                return max(minimum, Int(size.ws_col))
            }
        }
        return 100
    }

    private static func sanitizeLines(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { SafeText.sanitize(String($0)) }
            .joined(separator: "\n")
    }
}
