import Foundation

/// Which program opens a web address, and whether it needs the terminal.
///
/// The program is, in order: the config's `[browser] open-command`, the first entry of
/// `$BROWSER` (a colon-separated list), else `xdg-open`. The rule for the terminal: a command
/// whose program (the first word, without its folder) is a known graphical browser or desktop
/// opener is started in the background with its output discarded; any other program is taken
/// for a terminal browser (w3m, lynx, elinks, …) and runs in the foreground with the screen
/// handed over, as a terminal browser left in the background would fight the browser for it.
struct WebBrowserCommand: Equatable {
    var commandLine: String
    var runsInTerminal: Bool

    /// Programs that open a window of their own (or hand the address to one).
    static let graphicalPrograms: Set<String> = [
        "xdg-open", "gio", "gnome-open", "kde-open", "kde-open5", "kfmclient", "exo-open", "open", "wslview",
        "sensible-browser", "x-www-browser", "gnome-www-browser",
        "firefox", "firefox-esr", "librewolf", "waterfox", "chromium", "chromium-browser", "google-chrome",
        "google-chrome-stable", "brave", "brave-browser", "microsoft-edge", "vivaldi", "opera", "epiphany",
        "konqueror", "falkon", "qutebrowser", "midori", "surf", "nyxt", "safari",
    ]

    static func resolve(openCommand: String?, environment: [String: String]) -> WebBrowserCommand {
        let configured = openCommand.flatMap(nonBlank)
        let fromEnvironment = environment["BROWSER"].flatMap { list in
            list.split(separator: ":").lazy.map(String.init).compactMap(nonBlank).first
        }
        let commandLine = configured ?? fromEnvironment ?? "xdg-open"
        return WebBrowserCommand(commandLine: commandLine, runsInTerminal: !graphicalPrograms.contains(program(of: commandLine)))
    }

    /// The first word of a command line without its folder: `firefox` for `/usr/bin/firefox -P x`.
    static func program(of commandLine: String) -> String {
        let first = commandLine.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? ""
        return first.split(separator: "/").last.map(String.init)?.lowercased() ?? first
    }

    private static func nonBlank(_ text: String) -> String? {
        text.allSatisfy(\.isWhitespace) ? nil : text.trimmingCharacters(in: .whitespaces)
    }
}
