import Foundation
import Testing

/// What one run of the built `itu-browser` gave.
struct CommandOutput {
    var status: Int32
    var stdout: String
    var stderr: String

    /// Standard output's lines, without the empty one after the final newline.
    var lines: [String] {
        var parts = stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if parts.last == "" { parts.removeLast() }
        return parts
    }

    /// Standard output parsed as one JSON object.
    func jsonObject() throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
        return try #require(value as? [String: Any], "stdout is not a JSON object: \(stdout.prefix(200))")
    }
}

/// Runs the `itu-browser` executable that `swift test` built next to the test bundle.
enum ITUBrowserProcess {
    /// The repository root, found from this file's place in `Tests/CommandLineTests/`.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The bundled fixtures, as an absolute path.
    static var bundledFixtures: String { repositoryRoot.appendingPathComponent("fixtures").path }

    /// The directory of the running test binary, where the build also put `itu-browser`.
    static var buildDirectory: URL {
        if let linked = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: linked).deletingLastPathComponent()
        }
        if let bundle = Bundle.allBundles.first(where: { $0.bundlePath.hasSuffix(".xctest") }) {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL
    }

    static func executable() throws -> URL {
        let url = buildDirectory.appendingPathComponent("itu-browser")
        try #require(FileManager.default.isExecutableFile(atPath: url.path),
                     "the built itu-browser is not at \(url.path); build the package (swift build) before swift test")
        return url
    }

    /// Runs `itu-browser` with `arguments` and waits for it.
    ///
    /// The environment is the test's own without `ITU_BROWSER_FIXTURES`, with `COLUMNS=100` so
    /// tables are the same everywhere and the `XDG_*` folders in a temporary folder of this run
    /// (so no test reads or writes the real home); `environment` adds to or overrides it.
    /// Output goes to temporary files, so no pipe can fill up and block the child.
    static func run(_ arguments: [String], executable: URL? = nil, in directory: URL? = nil,
                    environment: [String: String] = [:], stdin: String? = nil) throws -> CommandOutput {
        let process = Process()
        process.executableURL = try executable ?? self.executable()
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment
        variables["ITU_BROWSER_FIXTURES"] = nil
        variables["COLUMNS"] = "100"
        let scratch = try TemporaryDirectory()
        for name in xdgVariables { variables[name] = scratch.url.appendingPathComponent(name).path }
        variables.merge(environment) { _, new in new }
        process.environment = variables
        process.currentDirectoryURL = directory ?? repositoryRoot

        let outURL = scratch.url.appendingPathComponent("stdout")
        let errURL = scratch.url.appendingPathComponent("stderr")
        let inURL = scratch.url.appendingPathComponent("stdin")
        for url in [outURL, errURL] { try Data().write(to: url) }
        try Data((stdin ?? "").utf8).write(to: inURL)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let input = try FileHandle(forReadingFrom: inURL)
        defer { try? out.close(); try? err.close(); try? input.close() }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try startRetryingWhileBusy(process)
        process.waitUntilExit()
        return CommandOutput(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// Copies the built executable to `destination`, through a descriptor opened close-on-exec.
    ///
    /// A copy written through an inheritable descriptor can be held open by a child that another
    /// test forks at that moment, and executing the copy then fails with "Text file busy".
    static func copyExecutable(to destination: URL) throws {
        let contents = try Data(contentsOf: try executable())
        let descriptor = open(destination.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o755)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        try contents.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
                offset += written
            }
        }
    }

    /// Starts `process`, retrying for up to two seconds while its executable is busy: a child
    /// forked by a concurrent test holds inherited descriptors until it calls exec.
    static func startRetryingWhileBusy(_ process: Process) throws {
        var attempts = 0
        while true {
            do {
                return try process.run()
            } catch let error as NSError where attempts < 40 && isTextFileBusy(error) {
                attempts += 1
                usleep(50_000)
            }
        }
    }

    private static func isTextFileBusy(_ error: NSError) -> Bool {
        let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError
        return (underlying?.domain == NSPOSIXErrorDomain && underlying?.code == Int(ETXTBSY))
            || (error.domain == NSPOSIXErrorDomain && error.code == Int(ETXTBSY))
    }

    static let xdgVariables = ["XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"]

    /// Runs with `--fixtures` pointing at the bundled fixtures.
    static func runOnBundled(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil) throws -> CommandOutput {
        try run(arguments + ["--fixtures", bundledFixtures], environment: environment, stdin: stdin)
    }
}

/// A fresh directory under the system's temporary folder, removed when the value is released.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("itu-browser-tests-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: url.appendingPathComponent(name))
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
