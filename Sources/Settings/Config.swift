import Foundation
import XDGDirectories

/// The settings read from `config.toml`, as plain values, each with the line it came from so
/// that later checks (a key conflict found by the Browser, a missing fixtures folder) can name
/// `file:line` too.
public struct Config: Equatable, Sendable {
    /// `[keys]`: an action's new keys, in the order given.
    public struct KeyOverride: Equatable, Sendable {
        public var action: String
        public var keys: [String]
        public var line: Int
    }

    /// `[colors]`: a role's color.
    public struct ColorSetting: Equatable, Sendable {
        public var role: ColorRole
        public var color: ConfigColor
        public var line: Int
    }

    /// A text setting and its line.
    public struct Text: Equatable, Sendable {
        public var value: String
        public var line: Int
    }

    /// The file these settings came from, as messages name it; nil when there was no file.
    public var file: String?
    public var keys: [KeyOverride] = []
    public var colors: [ColorSetting] = []
    /// `[data] fixtures`: the fixtures folder, relative paths taken from the file's folder.
    public var fixtures: Text?
    /// `[browser] open-command`: the program that opens a source address.
    public var openCommand: Text?

    public init(file: String? = nil) {
        self.file = file
    }

    /// `$XDG_CONFIG_HOME/itu-browser/config.toml`, with `~/.config` when `XDG_CONFIG_HOME` is
    /// unset, empty or relative (`XDGBaseDirectory`).
    public static func defaultLocation(environment: [String: String]) -> URL {
        URL(fileURLWithPath: XDGBaseDirectory.config.folder(environment: environment)).appendingPathComponent("config.toml")
    }
}
