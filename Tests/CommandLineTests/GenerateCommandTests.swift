import Foundation
import Testing

/// `itu-browser generate`: deterministic output that validates.
@Suite struct GenerateCommandTests {
    @Test func sameSeedGivesIdenticalFilesThatValidate() throws {
        let first = try TemporaryDirectory()
        let second = try TemporaryDirectory()
        for folder in [first, second] {
            let output = try ITUBrowserProcess.run(["generate", "--news", "200", "--orgs", "30", "--seed", "42",
                                                    "--out", folder.url.appendingPathComponent("corpus").path])
            #expect(output.status == 0, "\(output.stderr)")
            #expect(output.stdout.contains("news.json"))
            #expect(output.lines.last?.hasPrefix("3 Sectors, 30 organizations, 200 news items with seed 42 in ") == true)
        }
        for name in ["sectors.json", "organizations.json", "news.json"] {
            let a = try Data(contentsOf: first.url.appendingPathComponent("corpus/" + name))
            let b = try Data(contentsOf: second.url.appendingPathComponent("corpus/" + name))
            #expect(!a.isEmpty && a == b, "\(name) differs between two runs with one seed")
        }
        let validate = try ITUBrowserProcess.run(["validate", first.url.appendingPathComponent("corpus").path])
        #expect(validate.status == 0)
        #expect(validate.lines == ["\(first.url.path)/corpus/: OK — 3 Sectors, 30 organizations, 200 news items"])
    }

    @Test func refusesAFolderWithOtherFiles() throws {
        let folder = try TemporaryDirectory()
        try folder.write("notes.txt", "keep me")
        let output = try ITUBrowserProcess.run(["generate", "--news", "1", "--orgs", "1", "--out", folder.url.path])
        #expect(output.status == 1)
        #expect(output.stderr.hasPrefix("itu-browser: generate: refusing to write into"))
        #expect(try String(contentsOf: folder.url.appendingPathComponent("notes.txt"), encoding: .utf8) == "keep me")
    }
}
