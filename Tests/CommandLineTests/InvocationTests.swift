import Foundation
import Testing

/// How the executable finds its data, and its exit statuses for usage errors.
@Suite struct InvocationTests {
    @Test func findsTheBundledFixturesFromTheRepositoryRoot() throws {
        let output = try ITUBrowserProcess.run(["list", "sectors"], in: ITUBrowserProcess.repositoryRoot)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.lines.count == 4)
    }

    @Test func findsTheBundledFixturesFromTheExecutablesPlace() throws {
        let elsewhere = try TemporaryDirectory()
        let output = try ITUBrowserProcess.run(["validate"], in: elsewhere.url)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.lines.last?.hasPrefix(ITUBrowserProcess.bundledFixtures + "/: OK") == true)
    }

    @Test func environmentVariableChoosesTheData() throws {
        let folder = try TemporaryDirectory()
        try SmallFixtures.write(to: folder)
        let output = try ITUBrowserProcess.run(["list", "orgs", "--format", "json"], environment: ["ITU_BROWSER_FIXTURES": folder.url.path])
        let items = try #require(try output.jsonObject()["items"] as? [[String: Any]])
        #expect(Set(items.compactMap { $0["id"] as? String }) == Set(SmallFixtures.organizations.map(\.id)))
    }

    @Test func withoutAnyFixturesItSaysHowToPointAtSome() throws {
        let elsewhere = try TemporaryDirectory()
        let copy = elsewhere.url.appendingPathComponent("itu-browser")
        try ITUBrowserProcess.copyExecutable(to: copy)
        let output = try ITUBrowserProcess.run(["list", "news"], executable: copy, in: elsewhere.url)
        #expect(output.status == 1)
        #expect(output.stderr.hasPrefix("itu-browser: no fixtures found"))
        #expect(output.stderr.contains("--fixtures DIR") && output.stderr.contains("ITU_BROWSER_FIXTURES"))
    }

    @Test(arguments: [["list", "planets"], ["show"], ["list", "news", "--bogus"], ["generate", "--news", "x", "--orgs", "1", "--out", "o"], ["frobnicate"]])
    func usageErrorsExit1(arguments: [String]) throws {
        let output = try ITUBrowserProcess.runOnBundled(arguments)
        #expect(output.status == 1)
        #expect(output.stderr.hasPrefix("Error: "), "\(output.stderr)")
        #expect(output.stdout.isEmpty)
    }

    @Test func helpExits0() throws {
        let output = try ITUBrowserProcess.run(["--help"])
        #expect(output.status == 0)
        for command in ["browse", "list", "show", "search", "validate", "generate"] { #expect(output.stdout.contains(command)) }
    }
}
