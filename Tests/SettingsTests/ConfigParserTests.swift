@testable import Settings
import Testing

/// `config.toml` parsing: values with their lines, and every kind of mistake named with
/// `file:line` and the valid choices.
@Suite struct ConfigParserTests {
    static let vocabulary = ConfigVocabulary(
        actions: ["quit", "move-down", "open"],
        defaultKeys: ["quit": ["q"], "move-down": ["j", "Down"], "open": ["Enter"]],
        isKeyName: { ["q", "x", "j", "Down", "Enter", "Ctrl-N"].contains($0) },
        keyNameHelp: "keys are j, q, x, Down, Enter or Ctrl-N")

    let parser = ConfigParser(vocabulary: ConfigParserTests.vocabulary)

    func problems(_ text: String) -> [String] {
        switch parser.parse(text, file: "config.toml") {
        case .success: return []
        case .failure(let failure): return failure.problems.map(\.description)
        }
    }

    func config(_ text: String) throws -> Config {
        try parser.parse(text, file: "config.toml").get()
    }

    @Test func valuesComeWithTheirLines() throws {
        let parsed = try config("""
            # my settings
            [keys]
            quit = "x"
            move-down = ["j", "Ctrl-N"]

            [colors]
            highlight = 208
            border = "Bright_Blue"
            title = "default"

            [data]
            fixtures = "~/itu"

            [browser]
            open-command = "firefox"
            """)
        #expect(parsed.keys == [
            Config.KeyOverride(action: "quit", keys: ["x"], line: 3),
            Config.KeyOverride(action: "move-down", keys: ["j", "Ctrl-N"], line: 4),
        ])
        #expect(parsed.colors == [
            Config.ColorSetting(role: .highlight, color: .indexed(208), line: 7),
            Config.ColorSetting(role: .border, color: .indexed(12), line: 8),
            Config.ColorSetting(role: .title, color: .themeDefault, line: 9),
        ])
        #expect(parsed.fixtures == Config.Text(value: "~/itu", line: 12))
        #expect(parsed.openCommand == Config.Text(value: "firefox", line: 15))
    }

    @Test func dottedAndQuotedKeysFindTheirLines() throws {
        let parsed = try config("""
            keys.quit = "x"
            [colors]
            "star" = 3
            """)
        #expect(parsed.keys.first?.line == 1)
        #expect(parsed.colors.first?.line == 3)
    }

    @Test func aSyntaxErrorNamesItsLine() {
        let found = problems("[keys]\nquit = \"x\"\n[colors\nborder = 1\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("config.toml:3: not valid TOML: ") == true)
    }

    @Test func everyUnknownNameIsReportedWithItsLineAndTheValidChoices() {
        let found = problems("""
            [keys]
            jump = "x"
            open = "Hyper-K"
            quit = 3

            [colors]
            shine = "red"
            border = "purple"
            title = 300

            [data]
            path = "x"
            fixtures = ""

            [ui]
            x = 1
            """)
        #expect(found == [
            #"config.toml:2: unknown action "jump" in [keys] — actions: quit, move-down, open"#,
            #"config.toml:3: unknown key name "Hyper-K" for open — keys are j, q, x, Down, Enter or Ctrl-N"#,
            #"config.toml:4: quit needs a key or a list of keys, such as "j" or ["j", "Down"]"#,
            #"config.toml:7: unknown color role "shine" in [colors] — roles: title, selection, highlight, unread, star, border, status"#,
            "config.toml:8: unknown color \"purple\" for border — colors: default, black, red, green, yellow, blue, magenta, cyan, white, "
                + "bright-black, bright-red, bright-green, bright-yellow, bright-blue, bright-magenta, bright-cyan, bright-white, or a number 0-255",
            "config.toml:9: unknown color 300 for title — colors: default, black, red, green, yellow, blue, magenta, cyan, white, "
                + "bright-black, bright-red, bright-green, bright-yellow, bright-blue, bright-magenta, bright-cyan, bright-white, or a number 0-255",
            #"config.toml:12: unknown setting "path" in [data] — settings: fixtures"#,
            "config.toml:13: fixtures needs a non-empty string in quotes",
            "config.toml:15: unknown section [ui] — sections: [keys], [colors], [data], [browser]",
        ])
    }

    @Test func aSettingOutsideASectionIsReported() {
        #expect(problems("theme = \"dark\"\n") == [#"config.toml:1: unknown setting "theme" outside a section — sections: [keys], [colors], [data], [browser]"#])
        #expect(problems("\n\nkeys = \"q\"\n") == ["config.toml:3: keys must be a section, [keys]"])
    }

    @Test func theDefaultFileIsAcceptedAndChangesNothing() throws {
        let text = DefaultConfig.text(vocabulary: Self.vocabulary)
        #expect(try config(text) == Config(file: "config.toml"))
        #expect(text.contains("# move-down = [\"j\", \"Down\"]\n"))
        #expect(text.contains("# quit = \"q\"\n"))
        for role in ColorRole.allCases { #expect(text.contains("# \(role.rawValue) = \"default\"")) }
    }

    @Test func everyCommentedDefaultLineIsValidWhenUncommented() throws {
        let text = DefaultConfig.text(vocabulary: Self.vocabulary)
        let setting = try Regex("^# [a-z][a-z-]* = ")
        let uncommented = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            line.prefixMatch(of: setting) != nil ? String(line.dropFirst(2)) : String(line)
        }.joined(separator: "\n")
        let parsed = try config(uncommented)
        #expect(parsed.keys.count == 3)
        #expect(parsed.colors.count == ColorRole.allCases.count)
        #expect(parsed.openCommand?.value == "xdg-open")
    }
}
