import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The browser starts from the fixtures' snapshot (catalog and index), and when what it shows
/// turns out damaged in the snapshot (parts checked only when read), it loads the fixtures
/// again and writes a new, valid snapshot.
@Suite struct BrowserSnapshotTests {
    @Test func aDamagedTitleOnTheFirstScreenMakesTheBrowserRebuildTheSnapshot() throws {
        let home = try TemporaryDirectory()
        let fixtures = ITUBrowserProcess.bundledFixtures
        let environment = [
            "TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TZ": "UTC", "HOME": home.url.path,
            "XDG_STATE_HOME": home.url.appendingPathComponent("state").path,
            "XDG_CONFIG_HOME": home.url.appendingPathComponent("config").path,
            "XDG_CACHE_HOME": home.url.appendingPathComponent("cache").path,
            "XDG_DATA_HOME": home.url.appendingPathComponent("data").path,
        ]
        let listed = try ITUBrowserProcess.run(["list", "news", "--limit", "1", "--format", "json", "--fixtures", fixtures],
                                               environment: environment)
        let newest = try #require((try listed.jsonObject()["items"] as? [[String: Any]])?.first)
        let title = Array(try #require(newest["title"] as? String).utf8)
        let info = try ITUBrowserProcess.run(["cache", "info", "--fixtures", fixtures], environment: environment)
        let path = String(try #require(info.lines.first).dropFirst("snapshot: ".count))
        // The first copy of the title is the index's stored text, checked only when read.
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let start = try #require((0...bytes.count - title.count).first { bytes[$0..<$0 + title.count].elementsEqual(title) })
        bytes[start + title.count / 2] ^= 0x20
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        var damaged = stat()
        #expect(stat(path, &damaged) == 0)
        let opened = try ITUBrowserProcess.run(["cache", "info", "--fixtures", fixtures], environment: environment)
        #expect(opened.stdout.contains("do not match their checksums"), "\(opened.stdout)")

        let browser = try PseudoTerminalProcess(executable: try ITUBrowserProcess.executable(),
                                                arguments: ["--fixtures", fixtures], environment: environment, width: 120, height: 40)
        defer {
            kill(browser.pid, SIGTERM)
            _ = browser.wait(seconds: 5) { browser.reapedStatus() != nil }
        }
        let rewritten = browser.wait(seconds: 60) {
            var now = stat()
            return stat(path, &now) == 0 && now.st_ino != damaged.st_ino
        }
        #expect(rewritten, "the snapshot was not written again: \(browser.outputText.suffix(300))")
        let repaired = try ITUBrowserProcess.run(["cache", "info", "--fixtures", fixtures], environment: environment)
        #expect(repaired.stdout.contains("status:   valid"), "\(repaired.stdout)")
        #expect(!repaired.stdout.contains("checksums"), "\(repaired.stdout)")
    }
}
