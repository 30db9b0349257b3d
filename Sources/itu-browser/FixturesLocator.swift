import Foundation
import XDGDirectories

/// Finds the fixtures folder a command reads.
///
/// In order: the `--fixtures` option, the `ITU_BROWSER_FIXTURES` environment variable, the
/// config's `[data] fixtures`, `$XDG_DATA_HOME/itu-browser/fixtures` (where the install script
/// puts them) when it exists, and the bundled `fixtures/` folder of the source tree — found by
/// walking up from the current directory (as under `swift run`) and then from the executable's
/// own location (as for `.build/debug/itu-browser` run from anywhere). A bundled folder is
/// recognised by `fixtures/news.json` lying next to `Package.swift`.
struct FixturesLocator {
    /// A fixtures folder as it is shown to the user: the bundled folder relative to the current
    /// directory when it lies inside it, so messages read `fixtures/news.json` rather than a long
    /// absolute path.
    struct Location: Equatable {
        var path: String
    }

    static let environmentVariable = "ITU_BROWSER_FIXTURES"

    var explicitPath: String?
    /// How messages name where `explicitPath` came from; nil when it was the command's own argument.
    var explicitSource: String? = "--fixtures"
    /// The config's `[data] fixtures`, and its `file:line` for messages.
    var configured: (path: String, source: String)? = nil
    var environment: [String: String] = ProcessInfo.processInfo.environment
    var currentDirectory: String = FileManager.default.currentDirectoryPath
    var executablePath: String? = FixturesLocator.runningExecutablePath()

    func locate() throws(CommandFailure) -> Location {
        if let explicitPath {
            return try existing(explicitPath, source: explicitSource)
        }
        if let fromEnvironment = environment[Self.environmentVariable], !fromEnvironment.isEmpty {
            return try existing(fromEnvironment, source: Self.environmentVariable)
        }
        if let configured {
            return try existing(configured.path, source: configured.source)
        }
        let installed = XDGBaseDirectory.data.folder(environment: environment) + "/fixtures"
        if FileManager.default.fileExists(atPath: installed + "/news.json") {
            return Location(path: installed)
        }
        let starts = [currentDirectory] + [executablePath.map { ($0 as NSString).deletingLastPathComponent }].compactMap { $0 }
        for start in starts {
            if let root = Self.sourceRoot(above: start) {
                return Location(path: displayPath(root + "/fixtures"))
            }
        }
        throw CommandFailure(
            "no fixtures found: none in \(installed), and the bundled fixtures/ folder "
                + "is not above the current directory or the executable; point at some with --fixtures DIR, the "
                + "\(Self.environmentVariable) environment variable or [data] fixtures in the config")
    }

    /// The nearest directory at or above `start` holding `Package.swift` and `fixtures/news.json`.
    static func sourceRoot(above start: String) -> String? {
        let files = FileManager.default
        var directory = URL(fileURLWithPath: start).standardizedFileURL.path
        while true {
            if files.fileExists(atPath: directory + "/Package.swift"),
               files.fileExists(atPath: directory + "/fixtures/news.json") {
                return directory
            }
            let parent = (directory as NSString).deletingLastPathComponent
            if parent == directory || parent.isEmpty { return nil }
            directory = parent
        }
    }

    /// The executable's real path, symbolic links resolved.
    static func runningExecutablePath() -> String? {
        if let linked = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return linked
        }
        if let url = Bundle.main.executableURL { return url.resolvingSymlinksInPath().path }
        guard let first = CommandLine.arguments.first, first.contains("/") else { return nil }
        return URL(fileURLWithPath: first).resolvingSymlinksInPath().path
    }

    private func existing(_ path: String, source: String?) throws(CommandFailure) -> Location {
        let named = "fixtures folder \"\(path)\"" + (source.map { " (from \($0))" } ?? "")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandFailure("\(named) does not exist")
        }
        guard isDirectory.boolValue else {
            throw CommandFailure("\(named) is not a directory")
        }
        return Location(path: path)
    }

    private func displayPath(_ path: String) -> String {
        let base = URL(fileURLWithPath: currentDirectory).standardizedFileURL.path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
