import ArgumentParser
import Foundation

/// `itu-browser-fetch ADDRESS`: the helper `itu-browser import` runs for each `http(s)://`
/// source, so that only this program, not every command, links the networking libraries.
///
/// Its answer is its exit status: 0 with the body on standard output; `unreachableStatus` with
/// the reason on standard error, in one line; `tooLargeStatus` when the body passes the cap.
@main
struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "itu-browser-fetch",
        abstract: "Fetch an http(s) address for itu-browser import (writes the body to standard output).",
        discussion: """
            Exit status: 0 fetched, 3 the address cannot be read (the reason on standard error), \
            4 the body is larger than --max-bytes.
            """
    )

    static let unreachableStatus: Int32 = 3
    static let tooLargeStatus: Int32 = 4

    @Option(help: "Seconds for the whole transfer.")
    var timeout: Double = 15

    @Option(help: "The largest body read, in bytes.")
    var maxBytes: Int = 10 << 20

    @Option(help: "The most redirects followed.")
    var maxRedirects: Int = 5

    @Argument(help: "An http:// or https:// address.")
    var address: String

    func validate() throws {
        guard timeout > 0, timeout.isFinite else { throw ValidationError("--timeout must be a positive number of seconds") }
        guard maxBytes >= 0 else { throw ValidationError("--max-bytes must be 0 or more") }
        guard maxRedirects >= 0 else { throw ValidationError("--max-redirects must be 0 or more") }
    }

    func run() throws {
        let fetcher = WebFetcher(timeout: timeout, maximumBytes: maxBytes, maximumRedirects: maxRedirects)
        do {
            let body = try fetcher.fetch(address)
            FileHandle.standardOutput.write(Data(body))
        } catch .tooLarge {
            throw ExitCode(Self.tooLargeStatus)
        } catch .unreachable(let reason) {
            FileHandle.standardError.write(Data((reason.split(whereSeparator: \.isNewline).joined(separator: " ") + "\n").utf8))
            throw ExitCode(Self.unreachableStatus)
        }
    }
}
