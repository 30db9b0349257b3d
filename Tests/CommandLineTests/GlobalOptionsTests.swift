import Foundation
import Testing

/// Shared options such as `--fixtures` work before the subcommand as well as after it.
@Suite struct GlobalOptionsTests {
    @Test func fixturesBeforeTheSubcommandMatchesFixturesAfterIt() throws {
        let fixtures = ITUBrowserProcess.bundledFixtures
        let before = try ITUBrowserProcess.run(["--fixtures", fixtures, "list", "news", "--limit", "2"])
        let after = try ITUBrowserProcess.run(["list", "news", "--limit", "2", "--fixtures", fixtures])
        #expect(before.status == 0, "\(before.stderr)")
        #expect(before.stdout == after.stdout && before.lines.count == 3)
    }

    @Test func theEqualsFormAndNestedSubcommandsWork() throws {
        let folder = try TemporaryDirectory()
        try SmallFixtures.write(to: folder)
        let shown = try ITUBrowserProcess.run(["--fixtures=\(folder.url.path)", "list", "news", "--format", "json"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("2022-01-01-small"))
        let check = try ITUBrowserProcess.run(["--fixtures", folder.url.path, "state", "check"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout == "no state recorded yet\n")
    }

    @Test func aWrongFolderBeforeTheSubcommandIsReportedLikeAfterIt() throws {
        let output = try ITUBrowserProcess.run(["--fixtures", "/nonexistent-folder", "show", "intersputnik"])
        #expect(output.status == 1)
        #expect(output.stderr == "itu-browser: fixtures folder \"/nonexistent-folder\" (from --fixtures) does not exist\n")
    }

    @Test func optionsOfTheSubcommandStillComeAfterIt() throws {
        let output = try ITUBrowserProcess.runOnBundled(["--limit", "2", "list", "news"])
        #expect(output.status == 1)
    }
}
