import Foundation
import Testing

/// `list` and `show` print exactly the same (standard output, standard error, exit status)
/// whether they answer from the fixtures' snapshot or from the JSON (`--no-cache`), on the
/// bundled fixtures, on fixtures that load with a warning and on a generated corpus.
@Suite struct SnapshotCatalogOutputTests {
    /// The runs compared: each `list` form in table and JSON, and `show` of each kind of item.
    static func invocations(newsID: String, organizationID: String, organizationAlias: String, category: String) -> [[String]] {
        let lists: [[String]] = [
            ["list", "news"], ["list", "news", "--limit", "5"], ["list", "news", "--org", organizationID],
            ["list", "news", "--org", organizationAlias, "--since", "2015"],
            ["list", "news", "--sector", "itu-d", "--since", "2019", "--until", "2023-06"],
            ["list", "news", "--category", category, "--limit", "7"], ["list", "news", "--sector", "ITU-R", "--org", organizationID],
            ["list", "orgs"], ["list", "orgs", "--sector", "itu-t"], ["list", "sectors"],
        ]
        let shows: [[String]] = [
            ["show", newsID], ["show", newsID.uppercased()], ["show", organizationID], ["show", organizationAlias],
            ["show", "itu-r"], ["show", "ITU-D"], ["show", String(newsID.dropLast())], ["show", "no-such-item"],
        ]
        return lists + lists.map { $0 + ["--format", "json"] } + shows + shows.map { $0 + ["--format", "json"] }
    }

    /// Runs every invocation on `fixtures` without the cache, then (after one run that writes the
    /// snapshot) through it, and compares; the snapshot must have been used.
    static func expectSameOutput(fixtures: String, cache: String, invocations: [[String]]) throws {
        let environment = ["XDG_CACHE_HOME": cache]
        let first = try ITUBrowserProcess.run(["list", "sectors", "--verbose", "--fixtures", fixtures], environment: environment)
        #expect(first.stderr.contains("wrote "), "\(first.stderr)")
        for arguments in invocations {
            let withoutCache = try ITUBrowserProcess.run(arguments + ["--no-cache", "--fixtures", fixtures], environment: environment)
            let withCache = try ITUBrowserProcess.run(arguments + ["--fixtures", fixtures], environment: environment)
            #expect(withCache.stdout == withoutCache.stdout, "\(arguments)")
            #expect(withCache.stderr == withoutCache.stderr, "\(arguments)")
            #expect(withCache.status == withoutCache.status, "\(arguments)")
        }
        let used = try ITUBrowserProcess.run(["show", "itu-r", "--verbose", "--fixtures", fixtures], environment: environment)
        #expect(used.stderr.contains("using the snapshot"), "\(used.stderr)")
    }

    @Test func bundledFixturesPrintTheSameThroughTheSnapshot() throws {
        let scratch = try TemporaryDirectory()
        try SnapshotCatalogOutputTests.expectSameOutput(
            fixtures: ITUBrowserProcess.bundledFixtures, cache: scratch.url.appendingPathComponent("cache").path,
            invocations: SnapshotCatalogOutputTests.invocations(
                newsID: "2021-11-01-intersputnik-gold-sector-member", organizationID: "intersputnik",
                organizationAlias: "Интерспутник", category: "membership"))
    }

    /// The note about the data's warnings is the same from the snapshot as from a load.
    @Test func theWarningsNoteIsTheSameThroughTheSnapshot() throws {
        let scratch = try TemporaryDirectory()
        let fixtures = scratch.url.appendingPathComponent("fixtures")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: ITUBrowserProcess.bundledFixtures), to: fixtures)
        let sectors = fixtures.appendingPathComponent("sectors.json")
        let text = try String(contentsOf: sectors, encoding: .utf8)
        try text.replacingOccurrences(of: "\"id\": \"ITU-R\",", with: "\"id\": \"ITU-R\", \"motto\": \"unknown key\",")
            .write(to: sectors, atomically: true, encoding: .utf8)
        let cache = scratch.url.appendingPathComponent("cache").path
        let listed = try ITUBrowserProcess.run(["list", "sectors", "--no-cache", "--fixtures", fixtures.path], environment: ["XDG_CACHE_HOME": cache])
        #expect(listed.stderr.contains("1 warning in"), "\(listed.stderr)")
        try SnapshotCatalogOutputTests.expectSameOutput(
            fixtures: fixtures.path, cache: cache,
            invocations: [["list", "sectors"], ["show", "intersputnik"], ["list", "news", "--limit", "2", "--format", "json"]])
    }

    @Test func aGeneratedCorpusPrintsTheSameThroughTheSnapshot() throws {
        let scratch = try TemporaryDirectory()
        let fixtures = scratch.url.appendingPathComponent("corpus").path
        let generated = try ITUBrowserProcess.run(["generate", "--news", "1500", "--orgs", "60", "--seed", "5", "--out", fixtures])
        #expect(generated.status == 0, "\(generated.stderr)")
        let news = try ITUBrowserProcess.run(["list", "news", "--limit", "40", "--format", "json", "--no-cache", "--fixtures", fixtures])
        let items = try #require(try news.jsonObject()["items"] as? [[String: Any]])
        let newsID = try #require(items.last?["id"] as? String)
        let category = try #require(items.first?["category"] as? String)
        let organizations = try ITUBrowserProcess.run(["list", "orgs", "--format", "json", "--no-cache", "--fixtures", fixtures])
        let organization = try #require((try organizations.jsonObject()["items"] as? [[String: Any]])?.first {
            !(($0["aliases"] as? [String]) ?? []).isEmpty
        })
        try SnapshotCatalogOutputTests.expectSameOutput(
            fixtures: fixtures, cache: scratch.url.appendingPathComponent("cache").path,
            invocations: SnapshotCatalogOutputTests.invocations(
                newsID: newsID, organizationID: try #require(organization["id"] as? String),
                organizationAlias: try #require((organization["aliases"] as? [String])?.first), category: category.lowercased()))
    }
}
