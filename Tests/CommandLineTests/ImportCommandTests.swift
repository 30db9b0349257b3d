import Catalog
import Foundation
import Testing

@Suite("itu-browser import")
struct ImportCommandTests {
    static func release(_ title: String, date: String = "15 March 2022") -> String {
        """
        \(title)
        International Cooperation
        \(date)

        Intersputnik and Eutelsat S.A. signed a memorandum in Moscow. Director General Ksenia Drozdova spoke.
        """
    }

    /// A temporary copy of the bundled fixtures.
    static func fixturesCopy() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        for name in ["sectors.json", "organizations.json", "news.json"] {
            try FileManager.default.copyItem(atPath: ITUBrowserProcess.bundledFixtures + "/" + name,
                                             toPath: directory.url.appendingPathComponent(name).path)
        }
        return directory
    }

    static func bytes(_ directory: TemporaryDirectory) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.url.path) {
            files[name] = try Data(contentsOf: directory.url.appendingPathComponent(name))
        }
        return files
    }

    @Test("--format json prints the documented shape, and the item is in the fixtures")
    func jsonShape() throws {
        let fixtures = try Self.fixturesCopy()
        let before = try ITUBrowserProcess.run(["validate", fixtures.url.path])
        let newsBefore = try #require(before.stdout.split(separator: " ").firstIndex(of: "news").map { Int(before.stdout.split(separator: " ")[$0 - 1]) } ?? nil)
        let sources = try TemporaryDirectory()
        try sources.write("release.txt", Self.release("Intersputnik and Eutelsat meet"))
        let output = try ITUBrowserProcess.run(["import", sources.url.appendingPathComponent("release.txt").path,
                                                "--fixtures", fixtures.url.path, "--format", "json"])
        #expect(output.status == 0, "\(output.stderr)")
        let json = try output.jsonObject()
        #expect(Set(json.keys) == ["schemaVersion", "items", "problems"])
        #expect(json["schemaVersion"] as? Int == 1)
        let items = try #require(json["items"] as? [[String: Any]])
        #expect(items.count == 1)
        let item = try #require(items.first)
        #expect(Set(item.keys) == ["action", "id", "date", "title", "category", "organizations", "sectors", "people",
                                   "unlinked", "duplicateOf", "source"])
        #expect(item["action"] as? String == "added")
        #expect(item["id"] as? String == "2022-03-15-intersputnik-and-eutelsat-meet")
        #expect(item["organizations"] as? [String] == ["intersputnik", "eutelsat"])
        #expect(item["people"] as? [String] == ["Ksenia Drozdova"])
        #expect(item["duplicateOf"] is NSNull)
        #expect(item["source"] as? String == "release.txt")
        #expect((json["problems"] as? [Any])?.isEmpty == true)
        let validate = try ITUBrowserProcess.run(["validate", fixtures.url.path])
        #expect(validate.status == 0)
        #expect(validate.stdout.contains(" \(newsBefore + 1) news items"), "\(validate.stdout)")
    }

    @Test("standard input, a dry run that writes nothing, and a second import that changes nothing")
    func stdinAndDryRun() throws {
        let fixtures = try Self.fixturesCopy()
        let before = try Self.bytes(fixtures)
        let dry = try ITUBrowserProcess.run(["import", "-", "--fixtures", fixtures.url.path, "--dry-run"],
                                            stdin: Self.release("A dry run item"))
        #expect(dry.status == 0)
        #expect(dry.stdout.contains("added"))
        #expect(dry.stdout.contains("dry run, nothing written"))
        #expect(try Self.bytes(fixtures) == before)
        let feed = """
            <rss version="2.0"><channel><item><title>EUMETSAT news</title><link>https://example.org/e1</link>
            <pubDate>2022-06-01</pubDate><description>EUMETSAT spoke.</description></item></channel></rss>
            """
        let first = try ITUBrowserProcess.run(["import", "-", "--fixtures", fixtures.url.path], stdin: feed)
        #expect(first.status == 0)
        let afterFirst = try Self.bytes(fixtures)
        #expect(afterFirst != before)
        let second = try ITUBrowserProcess.run(["import", "-", "--fixtures", fixtures.url.path], stdin: feed)
        #expect(second.status == 0)
        #expect(second.stdout.contains("1 unchanged"))
        #expect(try Self.bytes(fixtures) == afterFirst)
    }

    @Test("an invalid source exits 65 with file:line:column and leaves the fixtures byte-identical, even beside a valid one")
    func invalidSource() throws {
        let fixtures = try Self.fixturesCopy()
        let before = try Self.bytes(fixtures)
        let sources = try TemporaryDirectory()
        try sources.write("good.txt", Self.release("A good item"))
        try sources.write("bad.xml", "<rss version=\"2.0\">\n<channel>\n<item><title>x</titel>\n</channel></rss>")
        let output = try ITUBrowserProcess.run(["import", sources.url.appendingPathComponent("good.txt").path,
                                                sources.url.appendingPathComponent("bad.xml").path,
                                                "--fixtures", fixtures.url.path])
        #expect(output.status == 65)
        #expect(output.stderr.contains("bad.xml:3:"))
        #expect(output.stderr.contains("nothing was written"))
        #expect(try Self.bytes(fixtures) == before)
    }

    @Test("a missing file or an unreachable address exits 1; no source is a usage error (1)")
    func unreachable() throws {
        let fixtures = try Self.fixturesCopy()
        let before = try Self.bytes(fixtures)
        let missing = try ITUBrowserProcess.run(["import", "/nonexistent/release.txt", "--fixtures", fixtures.url.path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("file not found"))
        let none = try ITUBrowserProcess.run(["import", "--fixtures", fixtures.url.path])
        #expect(none.status == 1)
        let refused = try ITUBrowserProcess.run(["import", "http://127.0.0.1:1/feed", "--fixtures", fixtures.url.path])
        #expect(refused.status == 1)
        #expect(try Self.bytes(fixtures) == before)
    }

    @Test("hostile text in a source is never printed raw")
    func hostileOutput() throws {
        let fixtures = try Self.fixturesCopy()
        let output = try ITUBrowserProcess.run(["import", "-", "--fixtures", fixtures.url.path, "--dry-run"],
                                               stdin: Self.release("Evil \u{1B}]0;owned\u{7} title \u{202E}x"))
        #expect(output.status == 0)
        #expect(!output.stdout.contains("\u{1B}"))
        #expect(!output.stdout.contains("\u{202E}"))
        let json = try ITUBrowserProcess.run(["import", "-", "--fixtures", fixtures.url.path, "--dry-run", "--format", "json"],
                                             stdin: Self.release("Evil \u{1B}]0;owned\u{7} title \u{202E}x"))
        #expect(!json.stdout.contains("\u{1B}"))
        #expect(!json.stdout.contains("\u{202E}"))
    }

    @Test("two imports at once both keep their items")
    func concurrent() throws {
        for round in 0..<3 {
            let fixtures = try Self.fixturesCopy()
            let sources = try TemporaryDirectory()
            try sources.write("a.txt", Self.release("First concurrent item \(round)", date: "2 January 2030"))
            try sources.write("b.txt", Self.release("Second concurrent item \(round)", date: "3 June 2030"))
            let processes = try ["a.txt", "b.txt"].map { name -> Process in
                let process = Process()
                process.executableURL = try ITUBrowserProcess.executable()
                process.arguments = ["import", sources.url.appendingPathComponent(name).path, "--fixtures", fixtures.url.path]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                return process
            }
            for process in processes {
                process.waitUntilExit()
                #expect(process.terminationStatus == 0)
            }
            let catalog = try #require(FixtureLoader.load(directory: fixtures.url.path).catalog)
            #expect(catalog.newsItem(id: "2030-01-02-first-concurrent-item-\(round)") != nil)
            #expect(catalog.newsItem(id: "2030-06-03-second-concurrent-item-\(round)") != nil)
        }
    }

    @Test("a child killed at any point of an import leaves the old news.json or the new one, never another")
    func killedAnywhere() throws {
        let sources = try TemporaryDirectory()
        try sources.write("r.txt", Self.release("An item written while killed"))
        let source = sources.url.appendingPathComponent("r.txt").path
        // The new file, made by an import that is left alone.
        let reference = try Self.fixturesCopy()
        let old = try Data(contentsOf: reference.url.appendingPathComponent("news.json"))
        let started = Date()
        #expect(try ITUBrowserProcess.run(["import", source, "--fixtures", reference.url.path]).status == 0)
        let runtime = Date().timeIntervalSince(started)
        let new = try Data(contentsOf: reference.url.appendingPathComponent("news.json"))
        #expect(new != old)
        var generator = SystemRandomNumberGenerator()
        var outcomes: Set<String> = []
        for _ in 0..<16 {
            let fixtures = try Self.fixturesCopy()
            let process = Process()
            process.executableURL = try ITUBrowserProcess.executable()
            process.arguments = ["import", source, "--fixtures", fixtures.url.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(Double.random(in: 0...(runtime * 1.2), using: &generator) * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try Data(contentsOf: fixtures.url.appendingPathComponent("news.json"))
            #expect(now == old || now == new)
            outcomes.insert(now == old ? "old" : "new")
            #expect(FixtureLoader.load(directory: fixtures.url.path).errors.isEmpty)
        }
        #expect(!outcomes.isEmpty)
    }
}
