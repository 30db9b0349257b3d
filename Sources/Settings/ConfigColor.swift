/// The parts of the screen whose color the config may set.
public enum ColorRole: String, CaseIterable, Sendable {
    case title, selection, highlight, unread, star, border, status

    /// What the role colors, for the default file's comments.
    public var meaning: String {
        switch self {
        case .title: return "item titles in the detail view"
        case .selection: return "the selected row"
        case .highlight: return "matched words in search results"
        case .unread: return "the unread marker"
        case .star: return "the star marker"
        case .border: return "pane borders"
        case .status: return "messages in the status line"
        }
    }
}

/// A color as the config writes it: a name (`red`, `bright-blue`), a 256-color number, or
/// `default` for the theme's own color of the role.
public enum ConfigColor: Equatable, Sendable {
    case themeDefault
    /// 0–255: 0–7 the eight ANSI colors, 8–15 their bright forms, then the 6×6×6 cube and grays.
    case indexed(UInt8)

    /// The names, in the order of their numbers 0–15.
    public static let names = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow", "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    /// Aliases people write for a few of them.
    static let aliases = ["gray": 8, "grey": 8]

    /// The color a name stands for (any case, `_` or `-` between words), or nil.
    public static func named(_ name: String) -> ConfigColor? {
        let normalized = name.lowercased().replacingOccurrences(of: "_", with: "-")
        if normalized == "default" { return .themeDefault }
        if let index = names.firstIndex(of: normalized) ?? aliases[normalized] { return .indexed(UInt8(index)) }
        return nil
    }
}
