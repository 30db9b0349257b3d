import Foundation

/// Fetches an `http://` or `https://` address within limits: a timeout for the whole transfer
/// (15 s), a size cap (10 MB, refused as soon as it is passed), at most 5 redirects, and only
/// http and https at every step.
///
/// The transfer itself is done by the `itu-browser-fetch` helper (URLSession), run once per
/// address: linking the networking libraries into `itu-browser` would slow the start of every
/// command by about 10 ms, for the one command that fetches.
public struct SourceFetcher: Sendable {
    public var timeout: TimeInterval
    public var maximumBytes: Int
    public var maximumRedirects: Int
    /// The helper's path, or nil when it was not found.
    public var helper: String?
    /// How long past `timeout` a helper that does not end is waited for before it is killed
    /// (it keeps the timeout itself; this guards against one that hangs).
    var helperGrace: TimeInterval = 10

    /// The helper's exit statuses besides 0 (see `itu-browser-fetch --help`).
    static let unreachableStatus: Int32 = 3
    static let tooLargeStatus: Int32 = 4
    /// The helper's name, looked for beside the running program.
    public static let helperName = "itu-browser-fetch"

    public init(timeout: TimeInterval = 15, maximumBytes: Int = 10 << 20, maximumRedirects: Int = 5,
                helper: String? = SourceFetcher.helperBesideThisProgram()) {
        self.timeout = timeout
        self.maximumBytes = maximumBytes
        self.maximumRedirects = maximumRedirects
        self.helper = helper
    }

    /// The helper in the folder of the running program (its real path, links resolved), if it
    /// is there and executable: `swift build` puts both in one folder, and `scripts/install.sh`
    /// installs both in one.
    public static func helperBesideThisProgram() -> String? {
        guard let program = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
                ?? Bundle.main.executablePath else { return nil }
        let helper = URL(fileURLWithPath: program).deletingLastPathComponent().appendingPathComponent(helperName).path
        return FileManager.default.isExecutableFile(atPath: helper) ? helper : nil
    }

    /// The message for a source over the size cap.
    var tooLargeMessage: String {
        let limit = maximumBytes >= 1 << 20 && maximumBytes % (1 << 20) == 0 ? "\(maximumBytes >> 20) MB" : "\(maximumBytes)-byte"
        return "larger than the \(limit) limit; not imported"
    }

    /// Whether `text` is an address this fetcher reads (it begins with `http://` or `https://`).
    public static func isAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// The body of the resource at `address`.
    public func fetch(_ address: String) throws(ImportFailure) -> [UInt8] {
        func unreachable(_ message: String) -> ImportFailure {
            ImportFailure(source: address, message: message, isUnreachable: true)
        }
        guard let helper else {
            throw unreachable("fetching an address needs the \(Self.helperName) program in the folder of itu-browser, "
                              + "and it is not there (swift build builds both; scripts/install.sh installs both)")
        }
        let run = HelperProcess(path: helper, arguments: [
            "--timeout", String(timeout), "--max-bytes", String(maximumBytes), "--max-redirects", String(maximumRedirects),
            "--", address,
        ])
        let outcome: HelperProcess.Outcome
        do {
            outcome = try run.run(outputCap: maximumBytes, deadline: timeout + helperGrace)
        } catch {
            throw unreachable("cannot run \(helper): \(error.localizedDescription)")
        }
        let reason = outcome.errorText.split(whereSeparator: \.isNewline).first.map(String.init)
        switch outcome.end {
        case .exited(0):
            return outcome.output
        case .exited(Self.tooLargeStatus), .outputOverCap:
            throw ImportFailure(source: address, message: tooLargeMessage)
        case .exited(Self.unreachableStatus):
            throw unreachable(reason ?? "cannot fetch it")
        case .pastDeadline:
            throw unreachable("no answer within \(Int(timeout.rounded(.up))) s")
        case .exited(let status):
            throw unreachable("\(Self.helperName) failed with exit status \(status)" + (reason.map { ": " + $0 } ?? ""))
        case .signaled(let signal):
            throw unreachable("\(Self.helperName) was stopped by signal \(signal)")
        }
    }
}
