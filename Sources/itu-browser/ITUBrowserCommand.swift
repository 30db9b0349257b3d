import ArgumentParser
import Foundation

/// The `itu-browser` executable: without a subcommand it opens the interactive browser.
///
/// `main()` is replaced so that every failure ends with one of the documented exit statuses:
/// a `CommandFailure` with its own status, and ArgumentParser's usage errors with 1 instead of
/// its default 64.
@main
struct ITUBrowserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "itu-browser",
        abstract: "Browse the ITU's Sectors, their member organizations and news.",
        discussion: """
            The data comes from, in order: --fixtures DIR (before or after the subcommand), the \
            ITU_BROWSER_FIXTURES environment variable, [data] fixtures in \
            $XDG_CONFIG_HOME/itu-browser/config.toml, $XDG_DATA_HOME/itu-browser/fixtures (where \
            scripts/install.sh puts it), and the fixtures/ folder bundled beside the repository or \
            the executable.

            Exit status: 0 success, 1 not found or usage error, 65 invalid fixture data, 78 invalid config.
            """,
        subcommands: [
            BrowseCommand.self, ListCommand.self, ShowCommand.self, SearchCommand.self,
            ValidateCommand.self, GenerateCommand.self, ImportCommand.self, CacheCommand.self,
            StateCommand.self, ConfigCommand.self,
        ],
        defaultSubcommand: BrowseCommand.self
    )

    static func main() {
        do {
            var command = try parseAsRoot(GlobalOptions.reordered(Array(CommandLine.arguments.dropFirst()), root: Self.self))
            try command.run()
        } catch let failure as CommandFailure {
            for line in failure.details { Console.error(line) }
            Console.error("itu-browser: " + failure.message)
            Foundation.exit(failure.status)
        } catch {
            let status = exitCode(for: error)
            let message = fullMessage(for: error)
            if status == .success {
                if !message.isEmpty { Console.write(message) }
                Foundation.exit(ExitStatus.success)
            }
            if !message.isEmpty { Console.error(message) }
            Foundation.exit(status == .validationFailure ? ExitStatus.notFoundOrUsage : status.rawValue)
        }
    }
}
