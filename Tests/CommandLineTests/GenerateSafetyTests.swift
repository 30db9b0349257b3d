import Foundation
import Testing

/// `itu-browser generate` cannot run away: bounded counts checked before anything is written,
/// files moved into place only when complete, and a full disk stopped cleanly with no partial
/// folder left.
@Suite struct GenerateSafetyTests {
    @Test func countsAboveTheMaximumsAreRefusedBeforeAnythingIsWritten() throws {
        let folder = try TemporaryDirectory()
        let out = folder.url.appendingPathComponent("corpus")
        let news = try ITUBrowserProcess.run(["generate", "--news", "999999999999", "--orgs", "10", "--out", out.path])
        #expect(news.status == 1)
        #expect(news.stderr == "itu-browser: --news must be from 0 to 1000000 (about 1.5 GB of JSON), not 999999999999\n")
        let orgs = try ITUBrowserProcess.run(["generate", "--news", "10", "--orgs", "100001", "--out", out.path])
        #expect(orgs.status == 1)
        #expect(orgs.stderr == "itu-browser: --orgs must be from 0 to 100000, not 100001\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == [])
    }

    @Test func aSuccessfulRunLeavesOnlyTheFolderItWasAskedFor() throws {
        let folder = try TemporaryDirectory()
        let out = folder.url.appendingPathComponent("corpus")
        for _ in 0..<2 {
            let output = try ITUBrowserProcess.run(["generate", "--news", "20", "--orgs", "5", "--out", out.path])
            #expect(output.status == 0, "\(output.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["corpus"])
            #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["news.json", "organizations.json", "sectors.json"])
        }
    }

    /// A real full disk: a 2 MB tmpfs mounted in a private user and mount namespace
    /// (`unshare -rm`), where a 5,000-item corpus (about 7 MB) cannot fit.
    @Test func aFullDiskStopsWithAMessageAndLeavesNoPartialFolder() throws {
        let executable = try ITUBrowserProcess.executable().path
        let script = """
            set -u
            mount -t tmpfs -o size=2m tmpfs "$1" || exit 90
            "$2" generate --news 5000 --orgs 20 --out "$1/new/corpus" 2>"$1.new-stderr"; echo "new status $?"
            ls -A "$1"; echo "--"
            "$2" generate --news 10 --orgs 3 --out "$1/old" >/dev/null || exit 91
            sum1=$(cat "$1"/old/*.json | cksum)
            "$2" generate --news 5000 --orgs 20 --out "$1/old" 2>"$1.old-stderr"; echo "old status $?"
            sum2=$(cat "$1"/old/*.json | cksum)
            [ "$sum1" = "$sum2" ] && echo "old files unchanged"
            ls -A "$1" "$1/old"
            """
        let folder = try TemporaryDirectory()
        let mountPoint = folder.url.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: false)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        process.arguments = ["-rm", "/bin/sh", "-c", script, "full-disk", mountPoint.path, executable]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0,
                     "the test needs unshare -rm and a tmpfs mount (user namespaces) to fill a disk for real: \(text)")
        let newError = try String(contentsOf: folder.url.appendingPathComponent("disk.new-stderr"), encoding: .utf8)
        let oldError = try String(contentsOf: folder.url.appendingPathComponent("disk.old-stderr"), encoding: .utf8)
        #expect(newError == "itu-browser: generate: the disk is full: news.json could not be written (No space left on device); nothing was written\n")
        #expect(oldError == "itu-browser: generate: the disk is full: news.json could not be written (No space left on device); \"\(mountPoint.path)/old\" was left as it was\n")
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines == [
            "new status 1",
            "--",
            "old status 1",
            "old files unchanged",
            "\(mountPoint.path):",
            "old",
            "\(mountPoint.path)/old:",
            "news.json",
            "organizations.json",
            "sectors.json",
        ], "the first run left nothing (not even the folder \"new\" it created), the second left the old files alone")
    }
}
