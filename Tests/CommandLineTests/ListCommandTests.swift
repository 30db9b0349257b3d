import Foundation
import Testing

/// `itu-browser list`: tables, filters, JSON and the errors for bad filter values.
@Suite struct ListCommandTests {
    /// The items of a `list … --format json` run, after checking the envelope.
    private func items(_ arguments: [String], type: String) throws -> [[String: Any]] {
        let output = try ITUBrowserProcess.runOnBundled(["list"] + arguments + ["--format", "json"])
        #expect(output.status == 0, "\(output.stderr)")
        let document = try output.jsonObject()
        #expect(document["schemaVersion"] as? Int == 1)
        #expect(document["type"] as? String == type)
        return try #require(document["items"] as? [[String: Any]])
    }

    private func sectorIDs(of organization: [String: Any]) -> [String] {
        ((organization["memberships"] as? [[String: Any]]) ?? []).compactMap { $0["sector"] as? String }
    }

    @Test func organizationsTableHasAHeaderAndOneRowPerOrganization() throws {
        let table = try ITUBrowserProcess.runOnBundled(["list", "orgs"])
        #expect(table.status == 0)
        let header = try #require(table.lines.first)
        #expect(header.hasPrefix("ID"))
        for column in ["NAME", "KIND", "SECTORS"] { #expect(header.contains(column)) }
        let all = try items(["orgs"], type: "organization")
        #expect(table.lines.count == all.count + 1)
        #expect(table.lines.contains { $0.hasPrefix("intersputnik ") && $0.contains("ITU-R, ITU-D") })
    }

    @Test func organizationsFilterBySector() throws {
        let all = try items(["orgs"], type: "organization")
        let inITUD = try items(["orgs", "--sector", "itu-d"], type: "organization")
        #expect(!inITUD.isEmpty && inITUD.count < all.count)
        #expect(inITUD.allSatisfy { sectorIDs(of: $0).contains("ITU-D") })
        #expect(inITUD.contains { $0["id"] as? String == "intersputnik" })
        #expect(inITUD.count == all.filter { sectorIDs(of: $0).contains("ITU-D") }.count)
    }

    @Test func organizationsFilterByKind() throws {
        let agencies = try items(["orgs", "--kind", "Space Agency"], type: "organization")
        #expect(!agencies.isEmpty)
        #expect(agencies.allSatisfy { $0["kind"] as? String == "space agency" })
    }

    @Test func sectorsTableCountsMembersAndNews() throws {
        let table = try ITUBrowserProcess.runOnBundled(["list", "sectors"])
        #expect(table.status == 0)
        #expect(table.lines.first?.hasPrefix("ID") == true)
        for column in ["NAME", "BUREAU", "MEMBERS", "NEWS"] { #expect(table.lines.first?.contains(column) == true) }
        let organizations = try items(["orgs"], type: "organization")
        let itudMembers = organizations.filter { sectorIDs(of: $0).contains("ITU-D") }.count
        let row = try #require(table.lines.first { $0.hasPrefix("ITU-D ") })
        let numbers = row.split(separator: " ").suffix(2).compactMap { Int($0) }
        #expect(numbers.first == itudMembers)
        let sectors = try items(["sectors"], type: "sector")
        #expect(Set(sectors.compactMap { $0["id"] as? String }) == ["ITU-R", "ITU-T", "ITU-D"])
    }

    @Test func newsFilters() throws {
        let all = try items(["news"], type: "news")
        #expect(all.count > 10)

        let itud = try items(["news", "--sector", "ITU-D"], type: "news")
        #expect(!itud.isEmpty && itud.count < all.count)
        #expect(itud.allSatisfy { ($0["sectors"] as? [String])?.contains("ITU-D") == true })

        let category = try items(["news", "--category", "membership"], type: "news")
        #expect(!category.isEmpty)
        #expect(category.allSatisfy { $0["category"] as? String == "Membership" })

        let in2021 = try items(["news", "--since", "2021", "--until", "2021-12"], type: "news")
        #expect(!in2021.isEmpty)
        #expect(in2021.allSatisfy { ($0["date"] as? String)?.hasPrefix("2021") == true })
        #expect(in2021.count == all.filter { ($0["date"] as? String)?.hasPrefix("2021") == true }.count)

        let aboutIntersputnik = try items(["news", "--org", "Интерспутник"], type: "news")
        #expect(aboutIntersputnik.contains { $0["id"] as? String == "2021-11-01-intersputnik-gold-sector-member" })
        #expect(aboutIntersputnik.allSatisfy { ($0["organizations"] as? [String])?.contains("intersputnik") == true })

        let limited = try items(["news", "--limit", "3"], type: "news")
        #expect(limited.count == 3)
        #expect(limited.compactMap { $0["id"] as? String } == all.prefix(3).compactMap { $0["id"] as? String })
    }

    @Test func newsTableIsNewestFirst() throws {
        let table = try ITUBrowserProcess.runOnBundled(["list", "news"])
        #expect(table.status == 0)
        let header = try #require(table.lines.first)
        #expect(header.hasPrefix("DATE  "))
        let dates = table.lines.dropFirst().map { String($0.prefix(while: { $0 != " " })) }
        #expect(dates == dates.sorted(by: >))
    }

    @Test func jsonItemsHaveTheDocumentedKeysAndArraysAlwaysPresent() throws {
        for organization in try items(["orgs"], type: "organization") {
            for key in ["id", "name", "kind"] { #expect(organization[key] is String, "\(key)") }
            for key in ["aliases", "people", "memberStates", "memberships", "facts", "sources"] {
                #expect(organization[key] is [Any], "organizations' \(key) is always an array")
            }
        }
        for item in try items(["news"], type: "news") {
            for key in ["id", "date", "category", "title", "summary", "body"] { #expect(item[key] is String, "\(key)") }
            for key in ["organizations", "sectors", "tags"] { #expect(item[key] is [Any], "\(key)") }
        }
        for sector in try items(["sectors"], type: "sector") {
            #expect((sector["bureau"] as? [String: Any])?["abbreviation"] is String)
            for key in ["directors", "studyGroups", "sources"] { #expect(sector[key] is [Any], "\(key)") }
        }
    }

    @Test func tableColumnsLineUpByDisplayWidthAndHostileTextIsNeutralised() throws {
        let folder = try TemporaryDirectory()
        try SmallFixtures.write(to: folder)
        let output = try ITUBrowserProcess.run(["list", "orgs", "--fixtures", folder.url.path])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(!output.stdout.unicodeScalars.contains { $0.value == 0x1B }, "an escape character reached the output")
        let rows = output.lines
        #expect(rows.count == SmallFixtures.organizations.count + 1)
        let header = try #require(rows.first)
        let headerPrefix = try #require(header.range(of: "SECTORS")).lowerBound
        let lastColumnStart = expectedDisplayWidth(String(header[..<headerPrefix]))
        for organization in SmallFixtures.organizations {
            let row = try #require(rows.first { $0.hasPrefix(organization.id + " ") }, "no row for \(organization.id)")
            #expect(row.hasSuffix(organization.sectors))
            let beforeLastColumn = String(row.dropLast(organization.sectors.count))
            #expect(expectedDisplayWidth(beforeLastColumn) == lastColumnStart, "row misaligned: \(row)")
        }
        #expect(rows.contains { $0.contains("Evil ␛[31mRed␛[0m Corp") })
    }

    @Test func jsonKeepsHostileTextExactButEscapesEveryTerminalControl() throws {
        let folder = try TemporaryDirectory()
        try SmallFixtures.write(to: folder)
        let output = try ITUBrowserProcess.run(["list", "orgs", "--format", "json", "--fixtures", folder.url.path])
        #expect(output.status == 0)
        let controls = output.stdout.unicodeScalars.filter { $0.value == 0x1B || (0x80...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) }
        #expect(controls.isEmpty, "terminal controls written raw: \(controls.map { String($0.value, radix: 16) })")
        let items = try #require(try output.jsonObject()["items"] as? [[String: Any]])
        let names = Set(items.compactMap { $0["name"] as? String })
        #expect(names == Set(SmallFixtures.organizations.map(\.name)))
    }

    @Test func longCellsAreCutWithAnEllipsisToFitTheWidth() throws {
        let folder = try TemporaryDirectory()
        try SmallFixtures.write(to: folder)
        let output = try ITUBrowserProcess.run(["list", "orgs", "--fixtures", folder.url.path], environment: ["COLUMNS": "50"])
        #expect(output.status == 0)
        #expect(output.lines.allSatisfy { expectedDisplayWidth($0) <= 50 }, "\(output.stdout)")
        #expect(output.stdout.contains("…"))
        let json = try ITUBrowserProcess.run(["list", "orgs", "--format", "json", "--fixtures", folder.url.path], environment: ["COLUMNS": "50"])
        #expect(json.stdout.contains("Международная организация космической связи"))
    }

    @Test(arguments: [
        (["list", "orgs", "--sector", "ITU-X"], "unknown Sector \"ITU-X\"; valid Sectors: ITU-R, ITU-T, ITU-D"),
        (["list", "news", "--since", "2021-13"], "--since: \"2021-13\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
        (["list", "news", "--kind", "company"], "--kind does not apply to list news"),
        (["list", "news", "--category", "Gossip"], "unknown news category \"Gossip\"; valid categories: "),
        (["list", "orgs", "--kind", "bakery"], "unknown organization kind \"bakery\"; valid kinds: "),
        (["list", "sectors", "--since", "2021"], "--since does not apply to list sectors"),
        (["list", "news", "--limit", "0"], "--limit must be a positive number"),
        (["list", "news", "--since", "2023", "--until", "2022"], "--since 2023 is after --until 2022"),
    ])
    func badFilterValuesAreOneLineErrors(arguments: [String], message: String) throws {
        let output = try ITUBrowserProcess.runOnBundled(arguments)
        #expect(output.status == 1)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.hasPrefix("itu-browser: " + message), "\(output.stderr)")
        #expect(output.stderr.split(separator: "\n").count == 1)
    }
}
