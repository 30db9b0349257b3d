import Foundation
import Testing

/// `itu-browser show`: text and JSON for each kind of item, lookup by alias, unknown ids.
@Suite struct ShowCommandTests {
    /// An organization's record as the bundled fixture states it.
    private func organizationFixture(_ id: String) throws -> [String: Any] {
        let url = ITUBrowserProcess.repositoryRoot.appendingPathComponent("fixtures/organizations.json")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let organizations = try #require(document["organizations"] as? [[String: Any]])
        return try #require(organizations.first { $0["id"] as? String == id })
    }

    /// Intersputnik's record as the bundled fixture states it.
    private func intersputnikFixture() throws -> [String: Any] { try organizationFixture("intersputnik") }

    @Test func agreementsTextShowsEachAgreementWithItsSectorPartiesAndSource() throws {
        let output = try ITUBrowserProcess.runOnBundled(["show", "itso"])
        #expect(output.status == 0, "\(output.stderr)")
        let agreements = try #require(try organizationFixture("itso")["agreements"] as? [[String: Any]])
        let lines = output.lines
        let start = try #require(lines.firstIndex(of: "Agreements (\(agreements.count))"))
        let section = lines[start...].prefix { $0 != "" }
        for agreement in agreements {
            let title = try #require(agreement["title"] as? String)
            #expect(section.contains("  " + title), "\(title)")
            let source = (agreement["source"] as? String) ?? "not recorded"
            #expect(section.contains { $0.hasPrefix("    Source:") && $0.hasSuffix(source) }, "\(source)")
        }
        #expect(section.contains("    Parties:       EUTELSAT IGO (eutelsat-igo), IMSO (imso)"))
        let etsi = try ITUBrowserProcess.runOnBundled(["show", "etsi"]).lines
        #expect(etsi.contains("    Sector:        ITU-T (Telecommunication Standardization Sector)"))
        let apple = try ITUBrowserProcess.runOnBundled(["show", "apple"]).lines
        let none = try #require(apple.firstIndex(of: "Agreements (0)"))
        #expect(apple[none + 1] == "  not recorded")
    }

    @Test func agreementsJSONHasEveryKeyInOrder() throws {
        let output = try ITUBrowserProcess.runOnBundled(["show", "etsi", "--format", "json"])
        #expect(output.status == 0)
        let fixture = try #require(try organizationFixture("etsi")["agreements"] as? [[String: Any]])
        let item = try #require(try output.jsonObject()["item"] as? [String: Any])
        let agreements = try #require(item["agreements"] as? [[String: Any]])
        #expect(agreements.count == fixture.count)
        for (shown, stated) in zip(agreements, fixture) {
            for key in ["title", "kind", "counterpart", "date", "sector", "source", "note"] {
                #expect(shown[key] as? String == stated[key] as? String, "\(key)")
            }
            #expect(shown["organizations"] as? [String] == (stated["organizations"] as? [String]) ?? [])
        }
        let keys = ["\"title\"", "\"kind\"", "\"counterpart\"", "\"date\"", "\"sector\"", "\"organizations\"", "\"source\"", "\"note\""]
        let first = try #require(output.stdout.range(of: "\"agreements\""))
        let positions = keys.compactMap { output.stdout[first.upperBound...].range(of: $0)?.lowerBound }
        #expect(positions.count == keys.count && positions == positions.sorted())
    }

    @Test func intersputnikTextShowsMembershipsPeopleMemberStatesAndNews() throws {
        let output = try ITUBrowserProcess.runOnBundled(["show", "intersputnik"])
        #expect(output.status == 0, "\(output.stderr)")
        let text = output.stdout
        let lines = output.lines
        #expect(lines.first?.hasPrefix("Intersputnik") == true)
        #expect(lines.contains { $0.hasPrefix("  ITU-R") })
        #expect(lines.contains { $0.hasPrefix("  ITU-D") })
        let memberships = try #require(try intersputnikFixture()["memberships"] as? [[String: Any]])
        for membership in memberships {
            let category = try #require(membership["category"] as? String)
            #expect(text.contains(category.prefix(40)), "category \(category) missing")
        }
        #expect(text.contains("Gold Sector Member"))
        #expect(text.contains("Director General"))
        let states = try #require(try intersputnikFixture()["memberStates"] as? [String])
        #expect(text.contains("Member states (\(states.count))"))
        #expect(text.contains("2021-11-01"))
        #expect(text.contains("id: 2021-11-01-intersputnik-gold-sector-member"))
        #expect(lines.allSatisfy { expectedDisplayWidth($0) <= 100 || $0.contains("://") }, "only web addresses may run over")
    }

    @Test func intersputnikJSON() throws {
        let output = try ITUBrowserProcess.runOnBundled(["show", "intersputnik", "--format", "json"])
        #expect(output.status == 0)
        let document = try output.jsonObject()
        #expect(document["schemaVersion"] as? Int == 1)
        #expect(document["type"] as? String == "organization")
        let item = try #require(document["item"] as? [String: Any])
        #expect(item["id"] as? String == "intersputnik")
        let memberships = try #require(item["memberships"] as? [[String: Any]])
        #expect(Set(memberships.compactMap { $0["sector"] as? String }) == ["ITU-R", "ITU-D"])
        #expect(memberships.contains { ($0["labels"] as? [String])?.contains("Gold Sector Member") == true })
        let related = try #require(document["related"] as? [String: Any])
        let sectors = try #require(related["sectors"] as? [[String: Any]])
        #expect(Set(sectors.compactMap { $0["id"] as? String }) == ["ITU-R", "ITU-D"])
        let news = try #require(related["news"] as? [[String: Any]])
        #expect(news.contains { $0["id"] as? String == "2021-11-01-intersputnik-gold-sector-member" && $0["date"] as? String == "2021-11-01" })
        #expect(news.allSatisfy { Set($0.keys) == ["id", "date", "category", "title"] })
    }

    @Test(arguments: ["Интерспутник", "INTERSPUTNIK IOSC", "InterSputnik"])
    func lookupAcceptsShortNamesAndAliasesInAnyCase(name: String) throws {
        let byAlias = try ITUBrowserProcess.runOnBundled(["show", name])
        let byID = try ITUBrowserProcess.runOnBundled(["show", "intersputnik"])
        #expect(byAlias.status == 0)
        #expect(byAlias.stdout == byID.stdout)
    }

    @Test func sectorShowsBureauDirectorsStudyGroupsAndMembersByCategory() throws {
        let output = try ITUBrowserProcess.runOnBundled(["show", "itu-r"])
        #expect(output.status == 0)
        #expect(output.lines.first?.hasPrefix("ITU-R") == true)
        for heading in ["Bureau:", "Mandate", "Directors (", "Study groups (", "Members by category ("] {
            #expect(output.stdout.contains(heading), "missing \(heading)")
        }
        #expect(output.stdout.contains("intersputnik"))
        let json = try ITUBrowserProcess.runOnBundled(["show", "ITU-R", "--format", "json"]).jsonObject()
        #expect(json["type"] as? String == "sector")
        let related = try #require(json["related"] as? [String: Any])
        let groups = try #require(related["membersByCategory"] as? [[String: Any]])
        let members = groups.flatMap { ($0["members"] as? [[String: Any]]) ?? [] }
        #expect(members.contains { $0["id"] as? String == "intersputnik" })
    }

    @Test func newsShowsBodyOrganizationsAndSectors() throws {
        let id = "2021-11-01-intersputnik-gold-sector-member"
        let output = try ITUBrowserProcess.runOnBundled(["show", id])
        #expect(output.status == 0)
        #expect(output.stdout.contains("Date:          1 November 2021 (2021-11-01)"))
        #expect(output.stdout.contains("(intersputnik)"))
        #expect(output.lines.allSatisfy { expectedDisplayWidth($0) <= 100 || $0.contains("://") }, "only web addresses may run over")
        let json = try ITUBrowserProcess.runOnBundled(["show", id, "--format", "json"]).jsonObject()
        #expect(json["type"] as? String == "news")
        let item = try #require(json["item"] as? [String: Any])
        let body = try #require(item["body"] as? String)
        let firstWords = body.split(separator: " ").prefix(3).joined(separator: " ")
        #expect(output.stdout.contains(firstWords))
        let related = try #require(json["related"] as? [String: Any])
        #expect((related["organizations"] as? [[String: Any]])?.contains { $0["id"] as? String == "intersputnik" } == true)
    }

    @Test func unknownIDFailsWithASuggestion() throws {
        let output = try ITUBrowserProcess.runOnBundled(["show", "intersputnk"])
        #expect(output.status == 1)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr == "itu-browser: no organization, Sector or news item with id \"intersputnk\" (did you mean \"intersputnik\"?); valid Sectors: ITU-R, ITU-T, ITU-D; organizations and news items are listed by itu-browser list orgs and itu-browser list news\n")
        let far = try ITUBrowserProcess.runOnBundled(["show", "zzzzzzzz"])
        #expect(far.status == 1)
        #expect(far.stderr == "itu-browser: no organization, Sector or news item with id \"zzzzzzzz\"; valid Sectors: ITU-R, ITU-T, ITU-D; organizations and news items are listed by itu-browser list orgs and itu-browser list news\n")
    }

    @Test func missingFieldsReadNotRecordedInTextAndAreLeftOutOfJSON() throws {
        let folder = try TemporaryDirectory()
        try SmallFixtures.write(to: folder)
        let text = try ITUBrowserProcess.run(["show", "latin", "--fixtures", folder.url.path])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Headquarters:  not recorded"))
        #expect(text.stdout.contains("Founded:       not recorded"))
        let json = try ITUBrowserProcess.run(["show", "latin", "--format", "json", "--fixtures", folder.url.path]).jsonObject()
        let item = try #require(json["item"] as? [String: Any])
        #expect(item["headquarters"] == nil && item["founded"] == nil && item["shortName"] == nil)
        #expect((item["aliases"] as? [Any])?.isEmpty == true)
    }
}
