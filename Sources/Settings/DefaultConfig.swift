/// The fully commented default `config.toml` that `itu-browser config default` prints: every
/// setting is present as a comment showing its default, so uncommenting a line changes it.
public enum DefaultConfig {
    public static func text(vocabulary: ConfigVocabulary) -> String {
        var lines = [
            "# itu-browser configuration: $XDG_CONFIG_HOME/itu-browser/config.toml",
            "# (default ~/.config/itu-browser/config.toml). Every line is commented out and shows",
            "# the default; uncomment a line to change it. Check the file with: itu-browser config check",
            "",
            "[keys]",
        ]
        let help = vocabulary.keyNameHelp.prefix(1).uppercased() + vocabulary.keyNameHelp.dropFirst()
        lines += comment("An action = a key or a list of keys; the new keys replace the action's keys everywhere it is bound. "
            + help + ". Ctrl-C always quits.")
        for action in vocabulary.actions {
            let keys = vocabulary.defaultKeys[action] ?? []
            let value = keys.count == 1 ? quoted(keys[0]) : "[" + keys.map(quoted).joined(separator: ", ") + "]"
            lines.append("# \(action) = \(value)")
        }
        lines += [
            "",
            "[colors]",
            "# A role = a color name (\(ConfigColor.names.joined(separator: ", "))),",
            "# a 256-color number (0-255), or \"default\" for the theme's own. Only the color changes (bold,",
            "# reverse and underline stay, so the screen still reads without color); NO_COLOR turns all colors off.",
        ]
        for role in ColorRole.allCases {
            lines.append("# \(role.rawValue) = \"default\"  # \(role.meaning)")
        }
        lines += [
            "",
            "[data]",
            "# The fixtures folder, after --fixtures and ITU_BROWSER_FIXTURES, before",
            "# $XDG_DATA_HOME/itu-browser/fixtures and the bundled folder. A relative path is taken",
            "# from this file's folder.",
            "# fixtures = \"~/itu/fixtures\"",
            "",
            "[browser]",
            "# The program that opens an item's source address (default: $BROWSER, else xdg-open).",
            "# open-command = \"xdg-open\"",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` as comment lines of at most 96 columns.
    static func comment(_ text: String) -> [String] {
        var lines: [String] = []
        var line = "#"
        for word in text.split(separator: " ") {
            if line.count + 1 + word.count > 96 {
                lines.append(line)
                line = "#"
            }
            line += " " + word
        }
        lines.append(line)
        return lines
    }

    /// A TOML basic string.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for character in text {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.append(character)
            }
        }
        return out + "\""
    }
}
