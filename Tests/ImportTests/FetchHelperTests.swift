import Foundation
import Testing
@testable import Import

/// How `SourceFetcher` reads the answers of its helper program, with stand-in helpers (shell
/// scripts) that answer as the real one does, and as a broken one might.
@Suite("The fetch helper's answers")
struct FetchHelperTests {
    /// A fetcher whose helper is a shell script with `body`.
    private static func fetcher(_ body: String, maximumBytes: Int = 10 << 20) throws -> (SourceFetcher, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fetch-helper-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("helper")
        try writeScript("#!/bin/sh\n" + body + "\n", to: script)
        var fetcher = SourceFetcher(timeout: 1, maximumBytes: maximumBytes, helper: script.path)
        fetcher.helperGrace = 0.5
        return (fetcher, folder)
    }

    /// Writes an executable script through a child process, so that this process never holds a
    /// descriptor open for writing on it.
    ///
    /// Tests run in parallel threads, and a child that another test forks inherits this process's
    /// descriptors until it calls exec. If one of them were the script's, running the script in
    /// that moment would fail with "Text file busy" (CI saw it once, as NSCocoaErrorDomain 256).
    private static func writeScript(_ text: String, to script: URL) throws {
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", #"printf '%s' "$1" > "$0" && chmod 755 "$0""#, script.path, text]
        try writer.run()
        writer.waitUntilExit()
        try #require(writer.terminationStatus == 0, "writing \(script.path)")
    }

    private static func failure(_ body: String, maximumBytes: Int = 10 << 20) throws -> ImportFailure? {
        let (fetcher, folder) = try fetcher(body, maximumBytes: maximumBytes)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try fetcher.fetch("http://example.org/feed")
            return nil
        } catch {
            return error
        }
    }

    @Test("the helper gets the limits and the address, after --, and its output is the body")
    func arguments() throws {
        let (fetcher, folder) = try Self.fetcher(#"printf '%s|' "$@""#)
        defer { try? FileManager.default.removeItem(at: folder) }
        let body = try fetcher.fetch("http://example.org/-feed")
        #expect(String(decoding: body, as: UTF8.self)
                    == "--timeout|1.0|--max-bytes|10485760|--max-redirects|5|--|http://example.org/-feed|")
    }

    @Test("status 3 is unreachable, with the first line of the helper's reason")
    func unreachable() throws {
        let failure = try #require(try Self.failure("printf 'the server answered HTTP 503\\nmore\\n' >&2; exit 3"))
        #expect(failure.message == "the server answered HTTP 503")
        #expect(failure.isUnreachable)
        #expect(failure.source == "http://example.org/feed")
    }

    @Test("status 4, or output past the cap, is too large: invalid, not unreachable")
    func tooLarge() throws {
        let refused = try #require(try Self.failure("exit 4", maximumBytes: 100))
        #expect(refused.message == "larger than the 100-byte limit; not imported")
        #expect(!refused.isUnreachable)
        // A helper that ignores the cap is stopped by the reader's own.
        let overflowing = try #require(try Self.failure("head -c 5000 /dev/zero", maximumBytes: 100))
        #expect(overflowing.message == "larger than the 100-byte limit; not imported")
        #expect(try Self.failure("head -c 100 /dev/zero", maximumBytes: 100) == nil)
    }

    @Test("a helper that crashes, fails otherwise or hangs gives a clear message, not a hang")
    func broken() throws {
        let killed = try #require(try Self.failure("kill -9 $$"))
        #expect(killed.message == "itu-browser-fetch was stopped by signal 9")
        let failed = try #require(try Self.failure("echo boom >&2; exit 7"))
        #expect(failed.message == "itu-browser-fetch failed with exit status 7: boom")
        let started = Date()
        let hung = try #require(try Self.failure("exec sleep 30"))
        #expect(hung.message == "no answer within 1 s")
        #expect(hung.isUnreachable)
        // One that closes its output and error first is held to the deadline by its exit.
        let silent = try #require(try Self.failure("exec >&- 2>&-; exec sleep 30"))
        #expect(silent.message == "no answer within 1 s")
        #expect(Date().timeIntervalSince(started) < 15)
    }

    @Test("much on standard error does not block the body")
    func chattyHelper() throws {
        let (fetcher, folder) = try Self.fetcher("head -c 1000000 /dev/zero | tr '\\0' x >&2; printf body")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try fetcher.fetch("http://example.org/feed") == Array("body".utf8))
    }

    @Test("no helper, or one that cannot run, is an unreachable source that names the helper")
    func missing() throws {
        let absent = SourceFetcher(helper: nil)
        do {
            _ = try absent.fetch("http://example.org/feed")
            Issue.record("fetched without a helper")
        } catch {
            #expect(error.isUnreachable)
            #expect(error.message.contains("itu-browser-fetch"))
        }
        #expect(throws: ImportFailure.self) { try SourceFetcher(helper: "/nonexistent/itu-browser-fetch").fetch("http://example.org/") }
    }

    @Test("the built helper is found beside the running program")
    func besideThisProgram() throws {
        let helper = try #require(SourceFetcher.helperBesideThisProgram())
        #expect(helper.hasSuffix("/itu-browser-fetch"))
    }
}
