import Screen

/// One row of the keymap: the keys, what they do in which context, and the help text.
public struct KeyBinding: Hashable, Sendable {
    /// The keys that trigger the action; empty for "any character" style bindings.
    public let keys: [Key]
    public let action: BrowserAction
    public let context: KeyContext
    public let help: String
    /// How the keys are written in help, e.g. `j ↓`; derived from `keys` unless given.
    public let keyLabel: String

    public init(_ keys: [Key], _ action: BrowserAction, _ context: KeyContext, _ help: String, label: String? = nil) {
        self.keys = keys
        self.action = action
        self.context = context
        self.help = help
        self.keyLabel = label ?? keys.map(KeyBinding.name(of:)).joined(separator: " ")
    }

    /// A key as people write it: `j`, `Ctrl-D`, `PgDn`, `Shift-Tab`.
    public static func name(of key: Key) -> String {
        switch key {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .control(let c): return "Ctrl-" + String(c).uppercased()
        case .alt(let c): return "Alt-" + String(c)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .function(let n): return "F\(n)"
        }
    }
}

extension KeyBinding {
    /// The key a config names, the inverse of `name(of:)`: a single character (`j`, `G`, `?`),
    /// `Space`, `Ctrl-X`, `Alt-X`, `Up`/`↑` and the other arrows, `Home`, `End`, `PgUp`
    /// (`PageUp`), `PgDn` (`PageDown`), `Enter` (`Return`), `Esc` (`Escape`), `Backspace`,
    /// `Delete`, `Tab`, `Shift-Tab`, `F1` to `F24`. Names other than single characters ignore case.
    public static func key(named name: String) -> Key? {
        if name.count == 1, let character = name.first, !character.isWhitespace, !character.isNewline {
            switch character {
            case "↑": return .up
            case "↓": return .down
            case "←": return .left
            case "→": return .right
            default: return .character(character)
            }
        }
        let lowered = name.lowercased()
        if let character = name.last, !character.isWhitespace {
            if ["ctrl-", "c-"].contains(where: { lowered.hasPrefix($0) && name.count == $0.count + 1 }) {
                guard character.isASCII, character.isLetter else { return nil }
                return .control(Character(character.lowercased()))
            }
            if ["alt-", "m-"].contains(where: { lowered.hasPrefix($0) && name.count == $0.count + 1 }) {
                return .alt(character)
            }
        }
        if lowered.hasPrefix("f"), let number = Int(lowered.dropFirst()), (1...24).contains(number) { return .function(number) }
        return namedKeys[lowered]
    }

    private static let namedKeys: [String: Key] = [
        "space": .character(" "), "up": .up, "down": .down, "left": .left, "right": .right,
        "home": .home, "end": .end, "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
        "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape, "backspace": .backspace,
        "delete": .delete, "del": .delete, "tab": .tab, "shift-tab": .backTab, "backtab": .backTab,
    ]

    /// How keys are named, for messages about a name that is none.
    public static let keyNameHelp = "keys are a single character (j, G, ?), Space, Ctrl-A to Ctrl-Z, Alt-<character>, "
        + "Up, Down, Left, Right, Home, End, PgUp, PgDn, Enter, Esc, Backspace, Delete, Tab, Shift-Tab or F1 to F24"
}
