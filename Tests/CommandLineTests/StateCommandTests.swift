import Foundation
import Testing

/// The state database through the built executable: search flags, `list --unread/--starred`,
/// `show`, and `state export|import|check`, each run with `XDG_STATE_HOME` in a temporary folder.
@Suite struct StateCommandTests {
    static let gold = "2021-11-01-intersputnik-gold-sector-member"
    static let giga = "2019-09-itu-and-unicef-launch-giga"

    /// A state folder shared by the runs of one test.
    final class StateHome {
        let folder: TemporaryDirectory
        init() throws { folder = try TemporaryDirectory() }
        var environment: [String: String] { ["XDG_STATE_HOME": folder.url.path] }
        var database: URL { folder.url.appendingPathComponent("itu-browser/state.sqlite") }

        func run(_ arguments: [String], stdin: String? = nil) throws -> CommandOutput {
            try ITUBrowserProcess.runOnBundled(arguments, environment: environment, stdin: stdin)
        }

        func runWithoutFixtures(_ arguments: [String], stdin: String? = nil) throws -> CommandOutput {
            try ITUBrowserProcess.run(arguments, environment: environment, stdin: stdin)
        }

        /// Imports items given as JSON objects.
        func importItems(_ items: [String]) throws -> CommandOutput {
            let file = folder.url.appendingPathComponent("import-\(UUID().uuidString).json")
            try Data(StateCommandTests.archive(items).utf8).write(to: file)
            return try runWithoutFixtures(["state", "import", file.path])
        }
    }

    static func archive(_ items: [String]) -> String {
        #"{"format": "itu-browser-state", "version": 1, "items": ["# + items.joined(separator: ",\n") + "]}"
    }

    static func newsIDs(_ output: CommandOutput) throws -> [String] {
        let items = try #require(try output.jsonObject()["items"] as? [[String: Any]])
        return items.compactMap { $0["id"] as? String }
    }

    @Test func theBundledNewsIdsUsedHereExist() throws {
        for id in [Self.gold, Self.giga] {
            let output = try ITUBrowserProcess.runOnBundled(["show", id])
            #expect(output.status == 0, "\(id): \(output.stderr)")
        }
    }

    @Test func searchFlagsListFiltersAndShowReadTheState() throws {
        let home = try StateHome()
        let imported = try home.importItems([
            #"{"type": "news", "id": "\#(Self.gold)", "starred_at": "2026-12-01T10:00:00Z", "note": "Ask BDT\nabout ITU-D"}"#,
            #"{"type": "news", "id": "\#(Self.giga)", "read_at": "2026-12-01T09:00:00Z"}"#,
        ])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasPrefix("imported 2 items from "))

        let search = try home.run(["search", "is:starred", "--format", "json"])
        #expect(search.status == 0, "\(search.stderr)")
        let hits = try #require(try search.jsonObject()["hits"] as? [[String: Any]])
        #expect(hits.compactMap { $0["id"] as? String } == [Self.gold])

        #expect(try Self.newsIDs(try home.run(["list", "news", "--starred", "--format", "json"])) == [Self.gold])
        let unread = try Self.newsIDs(try home.run(["list", "news", "--unread", "--format", "json"]))
        let all = try Self.newsIDs(try home.run(["list", "news", "--format", "json"]))
        #expect(unread.count == all.count - 1 && !unread.contains(Self.giga) && unread.contains(Self.gold))
        #expect(try Self.newsIDs(try home.run(["list", "news", "--unread", "--starred", "--format", "json"])) == [Self.gold])

        let show = try home.run(["show", Self.gold])
        #expect(show.stdout.hasSuffix("Your state\n  Read:          no\n  Starred:       2026-12-01 10:00 UTC\n  Note:\n    Ask BDT\n    about ITU-D\n"))
        let json = try home.run(["show", Self.gold, "--format", "json"])
        let state = try #require(try json.jsonObject()["state"] as? [String: Any])
        #expect(state["starred"] as? Bool == true && state["read"] as? Bool == false)
        #expect(state["starredAt"] as? String == "2026-12-01T10:00:00Z" && state["note"] as? String == "Ask BDT\nabout ITU-D")
    }

    @Test func readCommandsDoNotCreateTheDatabase() throws {
        let home = try StateHome()
        #expect(try home.run(["search", "is:unread"]).status == 0)
        #expect(try home.run(["list", "orgs", "--starred"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: home.database.path))
    }

    @Test func aMistypedFlagIsReportedWithTheKnownOnes() throws {
        let output = try StateHome().run(["search", "is:stared"])
        #expect(output.status == 1)
        #expect(output.stderr.contains(#"unknown flag "is:stared" — known: is:unread, is:read, is:starred, has:note"#))
    }

    @Test func listRejectsStateFiltersForSectors() throws {
        let output = try StateHome().run(["list", "sectors", "--starred"])
        #expect(output.status == 1)
        #expect(output.stderr == "itu-browser: --starred does not apply to list sectors; it filters list orgs and list news\n")
    }

    @Test func exportThenImportElsewhereGivesTheSameStateAndImportMerges() throws {
        let first = try StateHome()
        _ = try first.importItems([
            #"{"type": "organization", "id": "intersputnik", "starred_at": "2026-12-01T10:00:00.250Z", "note": "mine"}"#,
            #"{"type": "news", "id": "\#(Self.giga)", "read_at": "2026-12-01T09:00:00Z"}"#,
        ])
        let export = try first.runWithoutFixtures(["state", "export"])
        #expect(export.status == 0, "\(export.stderr)")

        let second = try StateHome()
        _ = try second.importItems([#"{"type": "organization", "id": "intersputnik", "read_at": "2026-11-30T08:00:00Z", "note": "theirs"}"#])
        let merged = try second.runWithoutFixtures(["state", "import", "-"], stdin: export.stdout)
        #expect(merged.stdout == "imported 2 items from -: 2 changed\n")
        let again = try second.runWithoutFixtures(["state", "import", "-"], stdin: export.stdout)
        #expect(again.stdout == "imported 2 items from -: 0 changed\n")

        let result = try JSONSerialization.jsonObject(with: Data(try second.runWithoutFixtures(["state", "export"]).stdout.utf8)) as? [String: Any]
        let items = try #require(result?["items"] as? [[String: Any]])
        let organization = try #require(items.first { $0["type"] as? String == "organization" })
        #expect(organization["note"] as? String == "theirs\n\nmine")
        #expect(organization["starred_at"] as? String == "2026-12-01T10:00:00.250Z")
        #expect(organization["read_at"] as? String == "2026-11-30T08:00:00.000Z")
        #expect(items.count == 2)
    }

    @Test func importOfABadFileSaysWhatIsWrongAndChangesNothing() throws {
        let home = try StateHome()
        let output = try home.runWithoutFixtures(["state", "import", "-"], stdin: Self.archive([#"{"type": "planet", "id": "mars"}"#]))
        #expect(output.status == 65)
        #expect(output.stderr.hasPrefix("itu-browser: -: items[0].type: "))
        let missing = try home.runWithoutFixtures(["state", "import", home.folder.url.appendingPathComponent("nope.json").path])
        #expect(missing.status == 1 && missing.stderr.contains("cannot read"))
        #expect(!FileManager.default.fileExists(atPath: home.database.path))
    }

    @Test func checkListsStateOfItemsNoLongerInTheFixturesAndKeepsIt() throws {
        let home = try StateHome()
        _ = try home.importItems([
            #"{"type": "news", "id": "2020-01-01-withdrawn", "read_at": "2026-12-01T09:00:00Z", "note": "first line\nsecond"}"#,
            #"{"type": "organization", "id": "intersputnik", "starred_at": "2026-12-01T10:00:00Z"}"#,
        ])
        let check = try home.run(["state", "check"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.lines == [
            #"news:2020-01-01-withdrawn  read 2026-12-01 09:00 UTC, note "first line…""#,
            "1 item with a state is not in \(ITUBrowserProcess.bundledFixtures)/ (kept)",
        ])
        let export = try home.runWithoutFixtures(["state", "export"])
        #expect(export.stdout.contains("2020-01-01-withdrawn"))
        #expect(try home.run(["state", "check"]).lines == check.lines)
    }

    @Test func aDamagedDatabaseIsKeptAndChangesAreRefusedWithTheReason() throws {
        let home = try StateHome()
        let folder = home.database.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let garbage = Data(repeating: 0x5A, count: 5000)
        try garbage.write(to: home.database)
        let output = try home.importItems([#"{"type": "organization", "id": "intersputnik", "starred_at": "2026-12-01T10:00:00Z"}"#])
        #expect(output.status == 1)
        #expect(output.stderr.contains("itu-browser: state: the state database was damaged"))
        #expect(output.stderr.contains("changes are not saved"))
        let kept = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("state.sqlite.corrupt-") }
        #expect(kept.count == 1)
        #expect(try Data(contentsOf: folder.appendingPathComponent(kept[0])) == garbage)
    }
}
