import Testing
@testable import Catalog

/// Agreements in `organizations.json`: what loads, and each problem the decoder reports.
///
/// The agreements are added as the last key of the second organization (ITSO), on line 16,
/// its value starting at column 15.
@Suite("Fixture agreements")
struct AgreementValidationTests {
    static func load(_ agreements: String) -> FixtureLoadResult {
        TestFixtures.loadChangingOrganization("agreements", to: agreements, at: 1)
    }

    @Test func everyFieldLoads() throws {
        let result = AgreementValidationTests.load(#"""
        [{"title": "Tripartite memorandum", "kind": "memorandum of understanding", "counterpart": "EUTELSAT IGO and IMSO", "date": "2009", "sector": "ITU-R", "organizations": ["intersputnik", "Apple"], "source": "https://example.org/mou", "note": "Reviewed yearly."}, {"title": "Pledge", "kind": "pledge", "counterpart": "ITU"}]
        """#)
        #expect(result.problems.map(\.description) == [])
        let itso = try #require(result.catalog?.organization(id: "itso"))
        #expect(itso.agreements == [
            Organization.Agreement(title: "Tripartite memorandum", kind: "memorandum of understanding", counterpart: "EUTELSAT IGO and IMSO",
                                   date: PartialDate(year: 2009), sector: "ITU-R", organizations: ["intersputnik", "Apple"],
                                   source: "https://example.org/mou", note: "Reviewed yearly."),
            Organization.Agreement(title: "Pledge", kind: "pledge", counterpart: "ITU"),
        ])
    }

    @Test func missingRequiredFieldsAreReportedAtTheAgreement() {
        let result = AgreementValidationTests.load(#"[{"title": "MoU"}]"#)
        #expect(result.problems.map(\.description) == [
            "fixtures/organizations.json:16:16: organizations[1].agreements[0]: missing required field \"kind\"",
            "fixtures/organizations.json:16:16: organizations[1].agreements[0]: missing required field \"counterpart\"",
        ])
        #expect(result.catalog == nil)
    }

    @Test func blankTitleAndImpossibleDateAreReported() {
        let result = AgreementValidationTests.load(#"[{"title": " ", "kind": "MoU", "counterpart": "ITU", "date": "2012-02-30"}]"#)
        #expect(result.problems.map(\.description) == [
            "fixtures/organizations.json:16:26: organizations[1].agreements[0].title: must not be blank (it holds only whitespace)",
            "fixtures/organizations.json:16:76: organizations[1].agreements[0].date: \"2012-02-30\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
        ])
    }

    @Test func unknownSectorIsReportedWithASuggestion() {
        let result = AgreementValidationTests.load(#"[{"title": "MoU", "kind": "MoU", "counterpart": "ITU-T", "sector": "ITU-Z"}]"#)
        #expect(result.problems.map(\.description) == [
            "fixtures/organizations.json:16:82: organizations[1].agreements[0].sector: unknown Sector \"ITU-Z\" (did you mean \"ITU-R\"?)",
        ])
    }

    @Test func unknownPartnerIsReportedWithASuggestion() {
        let result = AgreementValidationTests.load(#"[{"title": "MoU", "kind": "MoU", "counterpart": "ITU", "organizations": ["intersputnk"]}]"#)
        #expect(result.problems.map(\.description) == [
            "fixtures/organizations.json:16:88: organizations[1].agreements[0].organizations[0]: unknown organization \"intersputnk\" (did you mean \"intersputnik\"?)",
        ])
    }

    @Test func aPartnerLaterInTheFileIsKnown() {
        // Apple is the third organization, read after ITSO's agreement names it.
        let result = AgreementValidationTests.load(#"[{"title": "MoU", "kind": "MoU", "counterpart": "Apple", "organizations": ["apple"]}]"#)
        #expect(result.problems.isEmpty)
    }

    @Test func theOrganizationItselfIsNotAPartner() {
        let result = AgreementValidationTests.load(#"[{"title": "MoU", "kind": "MoU", "counterpart": "ITU", "organizations": ["ITSO"]}]"#)
        #expect(result.problems.map(\.description) == [
            "fixtures/organizations.json:16:88: organizations[1].agreements[0].organizations[0]: \"ITSO\" is the organization itself; list only the other parties",
        ])
    }

    @Test func partnersAreNotCheckedWhenTheFileCannotBeRead() {
        // A syntax error after the agreement: no second-hand "unknown organization".
        let organizations = TestFixtures.file(.organizations, TestFixtures.changing(
            TestFixtures.organizationPairs, key: "agreements",
            to: #"[{"title": "MoU", "kind": "MoU", "counterpart": "ITU", "organizations": ["nobody"]}]"#, at: 0))
            .replacingFirst(#""id": "apple""#, with: #""id": apple"#)
        let result = TestFixtures.load(organizations: organizations)
        #expect(result.problems.map(\.description) == [
            "fixtures/organizations.json:19:7: organizations[2].id: expected a value, found \"apple\"",
        ])
    }

    @Test func unknownKeyIsAWarningListingTheKnownKeys() throws {
        let result = AgreementValidationTests.load(#"[{"title": "MoU", "kind": "MoU", "counterpart": "ITU", "signed": "2012"}]"#)
        #expect(result.problems.map(\.description) == [
            "fixtures/organizations.json:16:70: organizations[1].agreements[0]: warning: unknown key \"signed\" (known keys: title, kind, counterpart, date, sector, organizations, source, note)",
        ])
        #expect(result.catalog?.organization(id: "itso")?.agreements.count == 1)
    }

    @Test func agreementsMustBeAnArrayOfObjects() {
        let result = AgreementValidationTests.load(#"{"title": "MoU"}"#)
        #expect(result.problems.map(\.description) == [
            "fixtures/organizations.json:16:15: organizations[1].agreements: expected an array, found an object",
        ])
        let element = AgreementValidationTests.load(#"["MoU"]"#)
        #expect(element.problems.map(\.description) == [
            "fixtures/organizations.json:16:16: organizations[1].agreements[0]: expected an object, found a string",
        ])
    }
}
