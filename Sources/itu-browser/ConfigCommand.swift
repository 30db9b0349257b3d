import ArgumentParser
import Settings

/// `itu-browser config check|default`: validate the config file, or print a commented default.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check the config file or print a commented default one.",
        discussion: """
            The file is $XDG_CONFIG_HOME/itu-browser/config.toml (default \
            ~/.config/itu-browser/config.toml), with the sections [keys], [colors], [data] and \
            [browser]. A bad config stops every command with exit status 78.
            """,
        subcommands: [ConfigCheckCommand.self, ConfigDefaultCommand.self]
    )
}

/// `itu-browser config check`: every problem of the config file with its line, or OK.
struct ConfigCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the config file; exit status 78 when it has problems."
    )

    func run() throws {
        let loading = ConfigLoading()
        guard loading.exists else {
            Console.write("\(loading.displayPath): no such file; the defaults apply (itu-browser config default prints them)")
            return
        }
        let loaded = try loading.load()
        var summary = "\(loading.displayPath): OK"
        let changed = loaded.config.keys.count + loaded.config.colors.count
            + (loaded.config.fixtures == nil ? 0 : 1) + (loaded.config.openCommand == nil ? 0 : 1)
        summary += changed == 0 ? ", every setting at its default" : ", \(Plural.count(changed, "setting")) changed"
        Console.write(summary)
    }
}

/// `itu-browser config default`: the fully commented default file.
struct ConfigDefaultCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "default",
        abstract: "Print a fully commented default config file (itu-browser config default > config.toml)."
    )

    func run() {
        Console.write(String(DefaultConfig.text(vocabulary: ConfigLoading.vocabulary).dropLast()))
    }
}
