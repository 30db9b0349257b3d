import Foundation
import Testing

/// Every place a command meets an unknown value (an option's value, an argument, a facet value in
/// a query) answers with a message that lists the valid values.
@Suite struct UnknownValueTests {
    /// Options whose values are fixed words: the message names each valid word.
    @Test(arguments: [
        (["list", "planets"], ["orgs", "sectors", "news"]),
        (["list", "orgs", "--format", "xml"], ["table", "json"]),
        (["search", "gold", "--format", "xml"], ["table", "json"]),
        (["show", "intersputnik", "--format", "table"], ["text", "json"]),
        (["search", "gold", "--type", "people"], ["all", "news", "orgs", "sectors"]),
    ])
    func fixedWordOptionsListTheirValues(arguments: [String], valid: [String]) throws {
        let output = try ITUBrowserProcess.runOnBundled(arguments)
        #expect(output.status == 1)
        #expect(output.stdout.isEmpty)
        for value in valid {
            #expect(output.stderr.contains("'\(value)'"), "\(output.stderr)")
        }
    }

    /// Filters whose values come from the data: the message lists every one of them.
    @Test(arguments: [
        (["list", "orgs", "--sector", "ITU-X"], "unknown Sector \"ITU-X\"; valid Sectors: ITU-R, ITU-T, ITU-D"),
        (["list", "orgs", "--kind", "bakery"], "unknown organization kind \"bakery\"; valid kinds: \"company\""),
        (["list", "news", "--category", "Gossip"], "unknown news category \"Gossip\"; valid categories: \"Conferences\""),
    ])
    func dataFiltersListTheirValues(arguments: [String], message: String) throws {
        let output = try ITUBrowserProcess.runOnBundled(arguments)
        #expect(output.status == 1)
        #expect(output.stderr.hasPrefix("itu-browser: " + message), "\(output.stderr)")
    }

    /// The bundled organizations' ids, sorted.
    private func bundledOrganizationIDs() throws -> [String] {
        let items = try ITUBrowserProcess.runOnBundled(["list", "orgs", "--format", "json"]).jsonObject()["items"] as? [[String: Any]]
        return try #require(items).compactMap { $0["id"] as? String }.sorted()
    }

    @Test func anUnknownOrganizationListsEveryOrganization() throws {
        let output = try ITUBrowserProcess.runOnBundled(["list", "news", "--org", "intersputnk"])
        #expect(output.status == 1)
        let ids = try bundledOrganizationIDs()
        try #require(ids.count > 12 && ids.count <= 40, "the bundled fixtures list all their organizations")
        #expect(output.stderr == "itu-browser: unknown organization \"intersputnk\" (did you mean \"intersputnik\"?); valid organizations: "
            + ids.joined(separator: ", ") + "\n")
    }

    @Test func manyOrganizationsAreListedUpToFortyWithTheCommandForTheRest() throws {
        let folder = try TemporaryDirectory()
        let corpus = folder.url.appendingPathComponent("corpus").path
        let generate = try ITUBrowserProcess.run(["generate", "--news", "5", "--orgs", "60", "--out", corpus])
        try #require(generate.status == 0, "\(generate.stderr)")
        let output = try ITUBrowserProcess.run(["list", "news", "--org", "nosuch", "--fixtures", corpus])
        #expect(output.status == 1)
        let listed = try #require(output.stderr.split(separator: ":", maxSplits: 2).last)
        #expect(listed.hasSuffix(", … (60 in all; itu-browser list orgs shows them all)\n"), "\(output.stderr)")
        #expect(listed.split(separator: ",").count == 41, "forty ids, then the rest: \(listed)")
    }

    @Test func anUnknownIDListsTheSectorsAndWhereTheOtherIDsAre() throws {
        let output = try ITUBrowserProcess.runOnBundled(["show", "ITU-X"])
        #expect(output.status == 1)
        #expect(output.stderr.contains("valid Sectors: ITU-R, ITU-T, ITU-D; organizations and news items are listed by itu-browser list orgs and itu-browser list news"),
                "\(output.stderr)")
    }

    /// A facet value the index does not hold, in a search query: the problem lists the values
    /// (the first twelve and the count when there are more).
    @Test(arguments: [
        ("sector:ITU-X", "itu-browser: query: no sector \"ITU-X\" — known: ITU-D, ITU-R, ITU-T\n"),
        ("type:person", "itu-browser: query: no type \"person\" — known: news, organization, sector\n"),
    ])
    func unknownFacetValuesListTheKnownOnes(query: String, problem: String) throws {
        let output = try ITUBrowserProcess.runOnBundled(["search", query])
        #expect(output.status == 1)
        #expect(output.stderr == problem)
    }

    @Test func anUnknownOrganizationFacetListsTheFirstTwelveAndTheCount() throws {
        let output = try ITUBrowserProcess.runOnBundled(["search", "org:nosuch"])
        #expect(output.status == 1)
        let ids = try bundledOrganizationIDs()
        #expect(output.stderr == "itu-browser: query: no org \"nosuch\" — known: "
            + ids.prefix(12).joined(separator: ", ") + ", … (\(ids.count) in all)\n")
    }
}
