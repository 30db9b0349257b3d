import Foundation
import TOMLKit

/// Reads `config.toml`: TOML syntax through TOMLKit, then every section, key and value checked
/// against what the program knows, each problem with its line and the valid choices.
public struct ConfigParser: Sendable {
    public static let sections = ["keys", "colors", "data", "browser"]
    static let dataKeys = ["fixtures"]
    static let browserKeys = ["open-command"]

    public var vocabulary: ConfigVocabulary

    public init(vocabulary: ConfigVocabulary) {
        self.vocabulary = vocabulary
    }

    /// The settings in `text`, or every problem found (sorted by line).
    public func parse(_ text: String, file: String) -> Result<Config, ConfigProblems> {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            return .failure(ConfigProblems([ConfigProblem(file: file, line: error.source.begin.line, "not valid TOML: \(error.description)")]))
        } catch {
            return .failure(ConfigProblems([ConfigProblem(file: file, line: nil, "not valid TOML: \(error)")]))
        }
        var reader = Reader(file: file, lines: SourceLines(text), vocabulary: vocabulary)
        var config = Config(file: file)
        for name in root.keys.sorted() {
            guard let value = root[name] else { continue }
            guard let table = value.table else {
                let known = ConfigParser.sections.contains(name)
                reader.problem(reader.lines.line(ofKey: name, in: ""),
                               known ? "\(name) must be a section, [\(name)]" : "unknown setting \"\(name)\" outside a section — sections: \(Self.sectionList)")
                continue
            }
            switch name {
            case "keys": config.keys = reader.keys(table)
            case "colors": config.colors = reader.colors(table)
            case "data": config.fixtures = reader.texts(table, section: "data", known: Self.dataKeys)["fixtures"]
            case "browser": config.openCommand = reader.texts(table, section: "browser", known: Self.browserKeys)["open-command"]
            default: reader.problem(reader.lines.line(ofTable: name), "unknown section [\(name)] — sections: \(Self.sectionList)")
            }
        }
        if reader.problems.isEmpty { return .success(config) }
        return .failure(ConfigProblems(reader.problems.sorted { ($0.line ?? 0) < ($1.line ?? 0) }))
    }

    static var sectionList: String { sections.map { "[\($0)]" }.joined(separator: ", ") }

    /// Checks one table at a time, collecting problems.
    private struct Reader {
        let file: String
        let lines: SourceLines
        let vocabulary: ConfigVocabulary
        var problems: [ConfigProblem] = []

        mutating func problem(_ line: Int?, _ message: String) {
            problems.append(ConfigProblem(file: file, line: line, message))
        }

        mutating func keys(_ table: TOMLTable) -> [Config.KeyOverride] {
            var overrides: [Config.KeyOverride] = []
            for action in table.keys.sorted() {
                let line = lines.line(ofKey: action, in: "keys")
                guard vocabulary.actions.contains(action) else {
                    problem(line, "unknown action \"\(action)\" in [keys] — actions: \(vocabulary.actions.joined(separator: ", "))")
                    continue
                }
                guard let value = table[action] else { continue }
                let names: [String]
                if let single = value.string {
                    names = [single]
                } else if let array = value.array, array.allSatisfy({ $0.string != nil }), !array.isEmpty {
                    names = array.compactMap(\.string)
                } else {
                    problem(line, "\(action) needs a key or a list of keys, such as \"j\" or [\"j\", \"Down\"]")
                    continue
                }
                let bad = names.filter { !vocabulary.isKeyName($0) }
                guard bad.isEmpty else {
                    let quoted = bad.map { "\"\($0)\"" }.joined(separator: ", ")
                    problem(line, "unknown key name \(quoted) for \(action) — \(vocabulary.keyNameHelp)")
                    continue
                }
                overrides.append(Config.KeyOverride(action: action, keys: names, line: line ?? 0))
            }
            return overrides.sorted { $0.line < $1.line }
        }

        mutating func colors(_ table: TOMLTable) -> [Config.ColorSetting] {
            var settings: [Config.ColorSetting] = []
            let roles = ColorRole.allCases.map(\.rawValue).joined(separator: ", ")
            for name in table.keys.sorted() {
                let line = lines.line(ofKey: name, in: "colors")
                guard let role = ColorRole(rawValue: name) else {
                    problem(line, "unknown color role \"\(name)\" in [colors] — roles: \(roles)")
                    continue
                }
                guard let value = table[name] else { continue }
                let color: ConfigColor?
                if let number = value.int {
                    color = (0...255).contains(number) ? .indexed(UInt8(number)) : nil
                } else if let text = value.string {
                    color = ConfigColor.named(text)
                } else {
                    color = nil
                }
                guard let color else {
                    let written = value.int.map(String.init) ?? value.string.map { "\"\($0)\"" } ?? "this value"
                    problem(line, "unknown color \(written) for \(name) — colors: default, \(ConfigColor.names.joined(separator: ", ")), or a number 0-255")
                    continue
                }
                settings.append(Config.ColorSetting(role: role, color: color, line: line ?? 0))
            }
            return settings.sorted { $0.line < $1.line }
        }

        mutating func texts(_ table: TOMLTable, section: String, known: [String]) -> [String: Config.Text] {
            var texts: [String: Config.Text] = [:]
            for name in table.keys.sorted() {
                let line = lines.line(ofKey: name, in: section)
                guard known.contains(name) else {
                    problem(line, "unknown setting \"\(name)\" in [\(section)] — settings: \(known.joined(separator: ", "))")
                    continue
                }
                guard let text = table[name]?.string, !text.isEmpty else {
                    problem(line, "\(name) needs a non-empty string in quotes")
                    continue
                }
                texts[name] = Config.Text(value: text, line: line ?? 0)
            }
            return texts
        }
    }
}
