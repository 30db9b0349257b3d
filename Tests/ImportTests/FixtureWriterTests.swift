import Catalog
import Foundation
import Testing
@testable import Import

@Suite("Writing imported items into the fixtures")
struct FixtureWriterTests {
    static let pressRelease = """
        Intersputnik and Eutelsat S.A. sign a memorandum on WRC-23
        International Cooperation
        15 March 2022

        Intersputnik and Eutelsat S.A. signed a memorandum in Moscow. Director General Ksenia Drozdova said ITU-R work matters.
        """

    func articles(_ text: String, name: String = "release.txt") throws -> [SourceArticle] {
        try ArticleReader.read(Array(text.utf8), format: nil, source: name).map { article throws(ImportFailure) in
            try SourceArticle(article, sourceName: name, address: nil, fileName: name)
        }
    }

    func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
    }

    @Test("importing one item into a copy of the bundled fixtures only inserts lines into news.json, and it validates")
    func onlyInsertedLines() throws {
        let folder = try Support.fixturesCopy()
        defer { Support.remove(folder) }
        let before = try Support.snapshot(folder)
        let result = NewsImport.run(try articles(Self.pressRelease), into: folder, options: ImportOptions(), dryRun: false)
        let imported = try result.get()
        #expect(imported.written)
        #expect(imported.plan.outcomes.map(\.action) == [.added])
        let after = try Support.snapshot(folder)
        #expect(after["sectors.json"] == before["sectors.json"])
        #expect(after["organizations.json"] == before["organizations.json"])
        #expect(Set(after.keys) == Set(before.keys))
        let old = try lines(Support.bundledFixtures + "/news.json")
        let new = try lines(folder + "/news.json")
        // The old lines are the new ones with one contiguous block taken out.
        let prefix = zip(old, new).prefix { $0 == $1 }.count
        let suffix = zip(old.reversed(), new.reversed()).prefix { $0 == $1 }.count
        #expect(prefix + suffix >= old.count)
        #expect(new.count > old.count)
        let inserted = Array(new[prefix..<(new.count - (old.count - prefix))])
        #expect(inserted.count == 20)
        #expect(inserted.contains("      \"id\": \"2022-03-15-intersputnik-and-eutelsat-s-a-sign-a-memorandum\","))
        #expect(inserted.contains("      \"source\": \"release.txt\""))
        #expect(inserted.filter { $0 == "    {" }.count == 1 && inserted.filter { $0 == "    }," }.count == 1)
        let loaded = FixtureLoader.load(directory: folder)
        #expect(loaded.errors.isEmpty)
        let catalog = try #require(loaded.catalog)
        let item = try #require(catalog.newsItem(id: "2022-03-15-intersputnik-and-eutelsat-s-a-sign-a-memorandum"))
        #expect(item.organizations == ["intersputnik", "eutelsat"])
        #expect(item.sectors == ["ITU-R"])
        #expect(item.tags == ["WRC-23", "ITU-R"])
        #expect(item.source == "release.txt")
    }

    @Test("the newest item goes after the last one; the file stays valid and in date order")
    func newest() throws {
        let folder = try Support.fixturesCopy()
        defer { Support.remove(folder) }
        let text = Self.pressRelease.replacingOccurrences(of: "15 March 2022", with: "2 January 2030")
        _ = try NewsImport.run(try articles(text), into: folder, options: ImportOptions(), dryRun: false).get()
        let loaded = FixtureLoader.load(directory: folder)
        #expect(loaded.errors.isEmpty)
        #expect(loaded.catalog?.news.first?.date == PartialDate(year: 2030, month: 1, day: 2))
        let text2 = try String(contentsOfFile: folder + "/news.json", encoding: .utf8)
        #expect(text2.hasSuffix("    }\n  ]\n}\n"))
    }

    @Test("importing the same feed twice changes nothing")
    func idempotent() throws {
        let folder = try Support.fixturesCopy()
        defer { Support.remove(folder) }
        let feed = """
            <rss version="2.0"><channel>
            <item><title>ESA and EUMETSAT sign a spectrum accord</title><link>https://example.org/esa-1</link>
            <pubDate>Wed, 01 Jun 2022 10:00:00 GMT</pubDate><description>ESA and EUMETSAT agreed on ITU-R work.</description></item>
            <item><title>Arabsat joins ITU-D programme</title><guid>urn:arabsat-2</guid>
            <pubDate>Thu, 02 Jun 2022 10:00:00 GMT</pubDate><description>Arabsat joined the Telecommunication Development Sector.</description></item>
            </channel></rss>
            """
        let first = try NewsImport.run(try articles(feed, name: "feed.xml"), into: folder, options: ImportOptions(), dryRun: false).get()
        #expect(first.plan.outcomes.map(\.action) == [.added, .added])
        let afterFirst = try Support.snapshot(folder)
        let second = try NewsImport.run(try articles(feed, name: "feed.xml"), into: folder, options: ImportOptions(), dryRun: false).get()
        #expect(second.plan.outcomes.map(\.action) == [.unchanged, .unchanged])
        #expect(!second.written)
        #expect(try Support.snapshot(folder) == afterFirst)
        let loaded = try #require(FixtureLoader.load(directory: folder).catalog)
        #expect(loaded.newsItem(id: "2022-06-02-arabsat-joins-itu-d-programme")?.source == "urn:arabsat-2")
    }

    @Test("--replace rewrites the item in place")
    func replace() throws {
        let folder = try Support.fixturesCopy()
        defer { Support.remove(folder) }
        let feed = { (title: String) in
            "<rss version=\"2.0\"><channel><item><title>\(title)</title><link>https://example.org/r</link>"
                + "<pubDate>2022-06-01</pubDate><description>Text about ESA.</description></item></channel></rss>"
        }
        _ = try NewsImport.run(try articles(feed("First title"), name: "f.xml"), into: folder, options: ImportOptions(), dryRun: false).get()
        let updated = try NewsImport.run(try articles(feed("Second title"), name: "f.xml"), into: folder,
                                         options: ImportOptions(replace: true), dryRun: false).get()
        #expect(updated.plan.outcomes.map(\.action) == [.updated])
        let catalog = try #require(FixtureLoader.load(directory: folder).catalog)
        #expect(catalog.newsItem(id: "2022-06-01-first-title")?.title == "Second title")
        #expect(catalog.news.count == Support.catalog.news.count + 1)
    }

    @Test("a dry run writes nothing")
    func dryRun() throws {
        let folder = try Support.fixturesCopy()
        defer { Support.remove(folder) }
        let before = try Support.snapshot(folder)
        let result = try NewsImport.run(try articles(Self.pressRelease), into: folder, options: ImportOptions(), dryRun: true).get()
        #expect(result.plan.outcomes.map(\.action) == [.added])
        #expect(!result.written)
        #expect(try Support.snapshot(folder) == before)
    }

    @Test("a change the loader rejects is not written, and the files stay byte-identical")
    func invalidChange() throws {
        let folder = try Support.fixturesCopy()
        defer { Support.remove(folder) }
        let before = try Support.snapshot(folder)
        let bad = NewsItem(id: "x", date: PartialDate(year: 2022, month: 1, day: 1)!, category: "C", title: "T", summary: "S",
                           body: "B", organizations: ["no-such-organization"])
        let duplicateID = NewsItem(id: Support.catalog.news[0].id, date: PartialDate(year: 2022, month: 1, day: 1)!,
                                   category: "C", title: "T", summary: "S", body: "B")
        for item in [bad, duplicateID] {
            let result = FixtureWriter.changeNews(in: folder, dryRun: false) { _ in FixtureWriter.NewsChange(added: [item]) }
            guard case .failure(let failure) = result else {
                Issue.record("an invalid item was written")
                continue
            }
            #expect(!failure.problems.isEmpty)
        }
        #expect(try Support.snapshot(folder) == before)
    }

    @Test("hostile text is stored as escaped JSON text and read back unchanged")
    func hostileText() throws {
        let folder = try Support.fixturesCopy()
        defer { Support.remove(folder) }
        let hostile = "Evil \u{1B}[2J title \u{202E}reversed\u{202C} \"quoted\" \\ back"
        let item = NewsItem(id: "2022-01-01-evil", date: PartialDate(year: 2022, month: 1, day: 1)!, category: "C",
                            title: hostile, summary: "S\u{7}\u{85}", body: "B\r\nline")
        _ = try FixtureWriter.changeNews(in: folder, dryRun: false) { _ in FixtureWriter.NewsChange(added: [item]) }.get()
        let raw = try Data(contentsOf: URL(fileURLWithPath: folder + "/news.json"))
        #expect(!raw.contains(0x1B))
        #expect(!raw.contains(0x07))
        let text = String(decoding: raw, as: UTF8.self)
        #expect(text.contains(#"Evil \u001B[2J title \u202Ereversed\u202C"#))
        #expect(!text.contains("\u{202E}"))
        #expect(!text.contains("\u{85}"))
        let catalog = try #require(FixtureLoader.load(directory: folder).catalog)
        #expect(catalog.newsItem(id: "2022-01-01-evil")?.title == hostile)
        #expect(catalog.newsItem(id: "2022-01-01-evil")?.body == "B\r\nline")
    }

    @Test("temporary files left by a killed writer are removed by the next one")
    func leftovers() throws {
        let folder = try Support.fixturesCopy()
        defer { Support.remove(folder) }
        let leftover = folder + "/.news.json.tmp-99999"
        try Data("partial".utf8).write(to: URL(fileURLWithPath: leftover))
        _ = try NewsImport.run(try articles(Self.pressRelease), into: folder, options: ImportOptions(), dryRun: false).get()
        #expect(!FileManager.default.fileExists(atPath: leftover))
    }
}
