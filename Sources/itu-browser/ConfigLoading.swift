import Browser
import Foundation
import Screen
import Settings

/// Reads the user's `config.toml` and turns it into what the program uses: the key bindings in
/// force, the color of each role, the fixtures folder and the open command. Any problem ends
/// the command with every problem as `file:line: message` and exit status 78, before the
/// terminal is touched.
struct ConfigLoading {
    /// What the config gives the rest of the program.
    struct Loaded {
        var config: Config
        var keys: BoundKeys
        var colors: RoleColors
        /// The fixtures folder, `~` and relative paths resolved, and how messages name its origin.
        var fixtures: (path: String, source: String)?
    }

    var environment: [String: String] = ProcessInfo.processInfo.environment

    /// The names the config may use, taken from the Browser's keymap.
    static let vocabulary = ConfigVocabulary(
        actions: Keymap.actionNames, defaultKeys: Keymap.defaultKeyNames,
        isKeyName: { KeyBinding.key(named: $0) != nil }, keyNameHelp: KeyBinding.keyNameHelp)

    var location: URL { Config.defaultLocation(environment: environment) }

    /// The file as messages name it: `~/…` under the home folder.
    var displayPath: String {
        let path = location.path
        if let home = environment["HOME"], !home.isEmpty, path.hasPrefix(home + "/") { return "~" + path.dropFirst(home.count) }
        return path
    }

    /// Whether there is a config file to read.
    var exists: Bool { FileManager.default.fileExists(atPath: location.path) }

    func load() throws(CommandFailure) -> Loaded {
        guard exists else { return Loaded(config: Config(), keys: .standard, colors: RoleColors(), fixtures: nil) }
        let file = displayPath
        let text: String
        do {
            text = try String(contentsOf: location, encoding: .utf8)
        } catch {
            throw failure([ConfigProblem(file: file, line: nil, "cannot be read: \((error as NSError).localizedDescription)")])
        }
        let config: Config
        switch ConfigParser(vocabulary: Self.vocabulary).parse(text, file: file) {
        case .failure(let problems): throw failure(problems.problems)
        case .success(let parsed): config = parsed
        }
        let overrides = config.keys.map { override in
            BoundKeys.Override(action: override.action, keys: override.keys.compactMap(KeyBinding.key(named:)))
        }
        let keys: BoundKeys
        do {
            keys = try BoundKeys.overriding(overrides)
        } catch {
            throw failure(error.problems.map { ConfigProblem(file: file, line: config.keys[$0.overrideIndex].line, $0.message) })
        }
        let fixtures = config.fixtures.map { setting in
            (path: resolve(setting.value), source: "\(file):\(setting.line)")
        }
        return Loaded(config: config, keys: keys, colors: Self.roleColors(config.colors), fixtures: fixtures)
    }

    /// The `[colors]` settings as the Browser takes them.
    static func roleColors(_ settings: [Config.ColorSetting]) -> RoleColors {
        var colors = RoleColors()
        for setting in settings {
            let color: Color?
            switch setting.color {
            case .themeDefault: color = nil
            case .indexed(let number): color = number < 8 ? ansi[Int(number)] : .indexed(number)
            }
            switch setting.role {
            case .title: colors.title = color
            case .selection: colors.selection = color
            case .highlight: colors.highlight = color
            case .unread: colors.unread = color
            case .star: colors.star = color
            case .border: colors.border = color
            case .status: colors.status = color
            }
        }
        return colors
    }

    private static let ansi: [Color] = [.black, .red, .green, .yellow, .blue, .magenta, .cyan, .white]

    /// `~/x` from the home folder, `x` from the config file's folder.
    private func resolve(_ path: String) -> String {
        if path == "~" || path.hasPrefix("~/"), let home = environment["HOME"], !home.isEmpty {
            return home + path.dropFirst()
        }
        if path.hasPrefix("/") { return path }
        return location.deletingLastPathComponent().appendingPathComponent(path).standardizedFileURL.path
    }

    private func failure(_ problems: [ConfigProblem]) -> CommandFailure {
        CommandFailure("invalid config \(displayPath) (check it with: itu-browser config check)",
                       status: ExitStatus.invalidConfig, details: problems.map(\.description))
    }
}
