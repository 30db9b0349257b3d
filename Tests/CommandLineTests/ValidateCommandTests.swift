import Foundation
import Testing

/// `itu-browser validate`: the summary on good data, every problem on bad data, exit statuses.
@Suite struct ValidateCommandTests {
    @Test func bundledFixturesAreValid() throws {
        let output = try ITUBrowserProcess.run(["validate", ITUBrowserProcess.bundledFixtures])
        #expect(output.status == 0, "\(output.stdout)")
        let summary = try #require(output.lines.last)
        #expect(summary.hasPrefix(ITUBrowserProcess.bundledFixtures + "/: OK — 3 Sectors, "))
        #expect(summary.contains(" organizations, ") && summary.hasSuffix(" news items"))
    }

    @Test func brokenFixturesListEveryProblemAndExit65() throws {
        let folder = try TemporaryDirectory()
        try SmallFixtures.write(to: folder)
        try folder.write("news.json", """
            {"schemaVersion": 1, "news": [
              {"id": "bad-date", "date": "2021-13-01", "category": "Industry", "title": "T", "summary": "S", "body": "B"},
              {"id": "bad-reference", "date": "2021-01-01", "category": "Industry", "title": "T", "summary": "S", "body": "B", "organizations": ["latn"]}
            ]}
            """)
        let output = try ITUBrowserProcess.run(["validate", folder.url.path])
        #expect(output.status == 65)
        let newsFile = folder.url.path + "/news.json"
        let problems = output.lines.dropLast()
        #expect(problems.count == 2, "\(output.stdout)")
        #expect(problems.contains { $0.hasPrefix(newsFile + ":2:") && $0.contains("news[0].date: \"2021-13-01\" is not a date") })
        #expect(problems.contains { $0.hasPrefix(newsFile + ":3:") && $0.contains("unknown organization \"latn\"") })
        #expect(output.lines.last == "2 errors in \(folder.url.path)/")
    }

    @Test(arguments: [["list", "orgs"], ["show", "latin"], ["search", "plain"], ["browse"]])
    func otherCommandsRefuseBrokenFixturesWithTheSameProblems(arguments: [String]) throws {
        let folder = try TemporaryDirectory()
        try SmallFixtures.write(to: folder)
        try folder.write("sectors.json", "{\"schemaVersion\": 1, \"sectors\": [")
        let output = try ITUBrowserProcess.run(arguments + ["--fixtures", folder.url.path])
        #expect(output.status == 65)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.contains(folder.url.path + "/sectors.json:1:"))
        #expect(output.stderr.hasSuffix("the data cannot be used\n"))
    }

    @Test func missingFolderIsNamedAndExits1() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-fixtures-\(UUID().uuidString)").path
        let validate = try ITUBrowserProcess.run(["validate", missing])
        #expect(validate.status == 1)
        #expect(validate.stderr == "itu-browser: fixtures folder \"\(missing)\" does not exist\n")
        let list = try ITUBrowserProcess.run(["list", "news"], environment: ["ITU_BROWSER_FIXTURES": missing])
        #expect(list.status == 1)
        #expect(list.stderr == "itu-browser: fixtures folder \"\(missing)\" (from ITU_BROWSER_FIXTURES) does not exist\n")
        let show = try ITUBrowserProcess.run(["show", "intersputnik", "--fixtures", missing])
        #expect(show.status == 1)
        #expect(show.stderr == "itu-browser: fixtures folder \"\(missing)\" (from --fixtures) does not exist\n")
    }
}
