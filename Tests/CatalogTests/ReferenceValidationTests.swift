import Testing
@testable import Catalog

/// One test per rule about ids and references between the files.
@Suite("Fixture ids and references")
struct ReferenceValidationTests {
    @Test func duplicateNewsIDIgnoringCase() {
        let result = TestFixtures.loadChangingNews("id", to: #""N1""#, at: 1)
        #expect(result.problems.map(\.description) == [
            "fixtures/news.json:14:7: news[1].id: duplicate id \"N1\" (first at news[0])",
        ])
    }

    @Test func duplicateOrganizationID() {
        let result = TestFixtures.loadChangingOrganization("id", to: #""Intersputnik""#, at: 1)
        #expect(result.problems.map(\.description) == [
            "fixtures/organizations.json:11:7: organizations[1].id: duplicate id \"Intersputnik\" (first at organizations[0])",
        ])
    }

    @Test func shortNameClashingWithAnotherOrganizationsID() {
        let result = TestFixtures.loadChangingOrganization("shortName", to: #""itso""#, at: 2)
        #expect(result.problems.map(\.description) == [
            "fixtures/organizations.json:22:14: organizations[2].shortName: duplicate name \"itso\" (first at organizations[1])",
        ])
    }

    @Test func aliasClashingWithAnotherOrganizationsAliasIgnoringCase() {
        let result = TestFixtures.loadChangingOrganization("aliases", to: #"["Apple", "ИНТЕРСПУТНИК"]"#, at: 2)
        #expect(result.problems.map(\.description) == [
            "fixtures/organizations.json:22:22: organizations[2].aliases[1]: duplicate name \"ИНТЕРСПУТНИК\" (first at organizations[0].aliases[0])",
        ])
    }

    @Test func anOrganizationsOwnNamesMayRepeatItsID() {
        // Intersputnik's short name "Intersputnik" is its id in other case: not a clash.
        let result = TestFixtures.loadChangingOrganization("aliases", to: #"["INTERSPUTNIK", "Интерспутник"]"#)
        #expect(result.problems.isEmpty)
    }

    @Test func duplicateSectorID() {
        var sectors = TestFixtures.sectorPairs
        sectors.append(TestFixtures.changing(sectors, key: "id", to: #""itu-r""#, at: 2)[2])
        let result = TestFixtures.load(sectors: TestFixtures.file(.sectors, sectors))
        #expect(result.problems.map(\.description) == [
            "fixtures/sectors.json:21:7: sectors[3].id: duplicate id \"itu-r\" (first at sectors[0])",
        ])
    }

    @Test func organizationNameClashingWithASectorID() {
        let result = TestFixtures.loadChangingOrganization("shortName", to: #""ITU-T""#, at: 2)
        #expect(result.problems.map(\.description) == [
            "fixtures/organizations.json:22:14: organizations[2].shortName: name \"ITU-T\" is already the id of the Sector \"ITU-T\"",
        ])
    }

    @Test func unknownOrganizationWithASuggestion() {
        let result = TestFixtures.loadChangingNews("organizations", to: #"["intersputnk"]"#)
        #expect(result.problems.map(\.description) == [
            "fixtures/news.json:9:19: news[0].organizations[0]: unknown organization \"intersputnk\" (did you mean \"intersputnik\"?)",
        ])
    }

    @Test func unknownOrganizationWithoutASuggestion() {
        let result = TestFixtures.loadChangingNews("organizations", to: #"["intersputnik", "eutelsat"]"#)
        #expect(result.problems.map(\.description) == [
            "fixtures/news.json:9:35: news[0].organizations[1]: unknown organization \"eutelsat\"",
        ])
    }

    @Test func newsMayNameAnOrganizationByShortNameOrAlias() throws {
        let result = TestFixtures.loadChangingNews("organizations", to: #"["ITSO", "Интерспутник"]"#)
        #expect(result.problems.isEmpty)
        let catalog = try #require(result.catalog)
        #expect(catalog.news(about: "itso").map(\.id) == ["n3", "n1"])
    }

    @Test func unknownSectorInNews() {
        let result = TestFixtures.loadChangingNews("sectors", to: #"["ITU-R", "ITU-X"]"#)
        #expect(result.problems.map(\.description) == [
            "fixtures/news.json:10:22: news[0].sectors[1]: unknown Sector \"ITU-X\" (did you mean \"ITU-R\"?)",
        ])
    }

    @Test func unknownSectorWithoutASuggestionListsTheKnownOnes() {
        let result = TestFixtures.loadChangingNews("sectors", to: #"["Radio"]"#)
        #expect(result.problems.map(\.description) == [
            "fixtures/news.json:10:13: news[0].sectors[0]: unknown Sector \"Radio\" (known: ITU-R, ITU-T, ITU-D)",
        ])
    }

    @Test func membershipInUnknownSector() {
        let result = TestFixtures.loadChangingOrganization("memberships", to: #"[{"sector": "ITU-Q"}]"#, at: 1)
        #expect(result.problems.map(\.description) == [
            "fixtures/organizations.json:15:28: organizations[1].memberships[0].sector: unknown Sector \"ITU-Q\" (did you mean \"ITU-R\"?)",
        ])
    }

    @Test func twoMembershipsOfOneSector() {
        let result = TestFixtures.loadChangingOrganization("memberships", to: #"[{"sector": "ITU-R"}, {"sector": "itu-r"}]"#, at: 1)
        #expect(result.problems.map(\.description) == [
            "fixtures/organizations.json:15:49: organizations[1].memberships[1].sector: duplicate membership of \"itu-r\" (first at organizations[1].memberships[0])",
        ])
    }

    @Test func referencesAreNotCheckedAgainstAFileThatCouldNotBeRead() {
        // The organizations file is broken; news naming organizations get no second-hand errors.
        let result = TestFixtures.load(organizations: #"{"schemaVersion": 1, "organizations": [}"#)
        #expect(result.problems.map(\.description) == [
            "fixtures/organizations.json:1:40: organizations[0]: expected a value, found '}'",
        ])
    }
}
