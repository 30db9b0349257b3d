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
    /// Where the bytes of a snapshot's first section marked to be checked by blocks lie, read
    /// from its header: magic (8 bytes), version and section count (UInt32 each), identity length
    /// (UInt64) and identity padded to 8, then per section its element size and flags (UInt32),
    /// offset, count and checksum (UInt64), all little-endian.
    static func firstBlockCheckedSection(_ bytes: [UInt8]) -> Range<Int>? {
        func integer(at offset: Int, size: Int) -> Int {
            (0..<size).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
        }
        let sectionCount = integer(at: 12, size: 4)
        let table = 24 + (integer(at: 16, size: 8) + 7) / 8 * 8
        for index in 0..<sectionCount {
            let entry = table + index * 32
            guard integer(at: entry + 4, size: 4) == 1 else { continue }
            let offset = integer(at: entry + 8, size: 8)
            return offset..<offset + integer(at: entry, size: 4) * integer(at: entry + 16, size: 8)
        }
        return nil
    }

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
        #expect((newest["title"] as? String)?.isEmpty == false)
        let info = try ITUBrowserProcess.run(["cache", "info", "--fixtures", fixtures], environment: environment)
        let path = String(try #require(info.lines.first).dropFirst("snapshot: ".count))
        // The index's stored texts (the newest title among them) are the file's first section
        // checked only when read, by blocks of 16 KiB: one byte changed in each damages them all.
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let texts = try #require(BrowserSnapshotTests.firstBlockCheckedSection(bytes))
        for start in stride(from: texts.lowerBound, to: texts.upperBound, by: 1 << 14) {
            bytes[start + min(100, (texts.upperBound - start) / 2)] ^= 0x20
        }
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
