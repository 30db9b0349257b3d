import Screen

/// Why the terminal could not be opened. Its `description` is one line meant for a person,
/// ready to print on standard error before exiting.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    case standardInputNotATerminal
    case standardOutputNotATerminal
    case termNotSet
    case unknownTerm(String)
    /// The terminal type exists but cannot move the cursor (`dumb`, printing terminals).
    case termCannotMoveCursor(String)
    /// Another `Terminal` is still open: ncurses drives one screen at a time.
    case alreadyOpen
    /// A system call needed to start failed; the associated text says which.
    case systemFailure(String)

    public var description: String {
        "itu-browser: cannot open the terminal: " + reason
    }

    private var reason: String {
        switch self {
        case .standardInputNotATerminal: "standard input is not a terminal"
        case .standardOutputNotATerminal: "standard output is not a terminal"
        case .termNotSet: "TERM is not set"
        case .unknownTerm(let name): "TERM \"\(SafeText.sanitize(name))\" is not known to this system"
        case .termCannotMoveCursor(let name): "TERM \"\(SafeText.sanitize(name))\" cannot move the cursor"
        case .alreadyOpen: "another terminal session is already open"
        case .systemFailure(let what): what
        }
    }
}
