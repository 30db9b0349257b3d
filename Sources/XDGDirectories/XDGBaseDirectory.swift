import Foundation

/// One of the XDG Base Directory kinds itu-browser keeps files in, and the one rule that finds
/// its folder: `$XDG_<KIND>_HOME` when it is an absolute path (the specification says to ignore
/// a relative one), else the kind's default under `$HOME`, else under the user's home directory
/// from the password database when `HOME` is unset or empty.
///
/// Every module that keeps files (UserState, Settings, CatalogCache, the executable's data
/// lookup) asks this type, so the rule cannot differ between them.
public enum XDGBaseDirectory: String, Sendable, CaseIterable {
    case config
    case state
    case cache
    case data

    /// The environment variable that overrides the base folder.
    public var variable: String {
        switch self {
        case .config: "XDG_CONFIG_HOME"
        case .state: "XDG_STATE_HOME"
        case .cache: "XDG_CACHE_HOME"
        case .data: "XDG_DATA_HOME"
        }
    }

    /// The base folder's default, relative to the home directory.
    public var defaultUnderHome: String {
        switch self {
        case .config: ".config"
        case .state: ".local/state"
        case .cache: ".cache"
        case .data: ".local/share"
        }
    }

    /// The base folder, for instance `~/.local/state` or `$XDG_STATE_HOME`.
    public func base(environment: [String: String]) -> String {
        if let value = environment[variable], value.hasPrefix("/") { return value }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/" + defaultUnderHome
    }

    /// itu-browser's own folder of this kind: `<base>/itu-browser`.
    public func folder(environment: [String: String]) -> String {
        base(environment: environment) + "/itu-browser"
    }
}
