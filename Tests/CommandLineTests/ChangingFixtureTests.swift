import Foundation
import Testing

/// A fixture file that another program truncates and rewrites while `validate` reads it gives
/// a clear problem or a clean load, never a signal: the loader reads files, it never maps them
/// (a mapped file that shrinks under its reader raises SIGBUS).
@Suite struct ChangingFixtureTests {
    @Test func truncatingNewsWhileItIsReadNeverKillsTheLoader() throws {
        let folder = try TemporaryDirectory()
        let corpus = folder.url.appendingPathComponent("corpus")
        let generate = try ITUBrowserProcess.run(["generate", "--news", "4000", "--orgs", "100", "--out", corpus.path])
        try #require(generate.status == 0, "\(generate.stderr)")
        let news = corpus.appendingPathComponent("news.json")
        let copy = folder.url.appendingPathComponent("news.copy")
        try FileManager.default.copyItem(at: news, to: copy)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: news.path)[.size] as? Int)
        try #require(size >= 4 << 20, "the corpus must be large enough to have been mapped: \(size) bytes")

        // Truncates news.json to nothing and writes it back, over and over.
        let truncator = Process()
        truncator.executableURL = URL(fileURLWithPath: "/bin/sh")
        truncator.arguments = ["-c", "while :; do : > \"$1\"; cat \"$2\" > \"$1\"; done", "truncator", news.path, copy.path]
        try truncator.run()
        defer {
            truncator.terminate()
            truncator.waitUntilExit()
        }

        for _ in 0..<6 {
            let validate = Process()
            validate.executableURL = try ITUBrowserProcess.executable()
            validate.arguments = ["validate", corpus.path]
            let report = Pipe()
            validate.standardOutput = report
            validate.standardError = FileHandle.nullDevice
            try validate.run()
            let stdout = String(decoding: report.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            validate.waitUntilExit()
            #expect(validate.terminationReason == .exit,
                    "validate was killed by signal \(validate.terminationStatus) while news.json changed under it")
            if validate.terminationReason == .exit && validate.terminationStatus != 0 {
                #expect(validate.terminationStatus == 65)
                #expect(stdout.contains("/news.json"), "the problem names the file: \(stdout.prefix(300))")
            }
        }
    }
}
