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
