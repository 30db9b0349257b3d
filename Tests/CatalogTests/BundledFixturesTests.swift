import Foundation
import Testing
@testable import Catalog

/// The fixtures the repository ships with.
@Suite("Bundled fixtures")
struct BundledFixturesTests {
    /// `fixtures/` at the repository root, found from this file's place in `Tests/CatalogTests`.
    static let folder: String = {
        var components = #filePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        components.removeLast(3)
        return (components + ["fixtures"]).joined(separator: "/")
    }()

    @Test func loadWithNoErrorsAndNoWarnings() throws {
        let result = FixtureLoader.load(directory: BundledFixturesTests.folder)
        #expect(result.problems.map(\.description) == [])
        let catalog = try #require(result.catalog)
        #expect(catalog.sectors.map(\.id).sorted() == ["ITU-D", "ITU-R", "ITU-T"])
    }

    @Test func intersputnikIsAMemberOfITURAndITUD() throws {
        let catalog = try #require(FixtureLoader.load(directory: BundledFixturesTests.folder).catalog)
        let intersputnik = try #require(catalog.organization(id: "intersputnik"))
        #expect(intersputnik.membership(in: "ITU-R") != nil)
        #expect(intersputnik.membership(in: "ITU-D") != nil)
        #expect(catalog.members(of: "ITU-D").contains { $0.id == "intersputnik" })
        #expect(!catalog.news(about: "intersputnik").isEmpty)
    }

    @Test func atLeastSeventyNewsItemsEachWithASource() throws {
        let catalog = try #require(FixtureLoader.load(directory: BundledFixturesTests.folder).catalog)
        #expect(catalog.news.count >= 70)
        #expect(catalog.news.filter { $0.source?.hasPrefix("http") != true }.map(\.id) == [])
    }

    /// A membership, an agreement with a source address, or a fact about ITU that is not
    /// "Not known".
    static func hasITURelationship(_ organization: Organization) -> Bool {
        !organization.memberships.isEmpty
            || organization.agreements.contains { $0.source?.hasPrefix("http") == true }
            || organization.facts.contains { $0.label.contains("ITU") && !$0.value.hasPrefix("Not known") }
    }

    @Test func atLeastTwentyOrganizationsRecordASourcedITURelationship() throws {
        let catalog = try #require(FixtureLoader.load(directory: BundledFixturesTests.folder).catalog)
        let related = catalog.organizations.filter(BundledFixturesTests.hasITURelationship)
        #expect(related.count >= 20, "\(related.map(\.id))")
        #expect(related.allSatisfy { !$0.sources.isEmpty })
    }

    @Test func organizationsWithNothingFoundSayNotKnown() throws {
        let catalog = try #require(FixtureLoader.load(directory: BundledFixturesTests.folder).catalog)
        for id in ["apple", "ntt", "azercosmos", "viasat", "oneweb", "globalstar", "thales-alenia-space", "eumetsat", "arabsat"] {
            let organization = try #require(catalog.organization(id: id))
            #expect(organization.memberships.isEmpty && organization.agreements.isEmpty, "\(id)")
            #expect(organization.facts.contains { $0.label == "ITU relationship" && $0.value.hasPrefix("Not known") }, "\(id)")
        }
    }

    /// Writing the bundled organizations back, in file order, gives the same bytes: the file
    /// keeps the writer's layout and key order (agreements included), so a rewrite changes only
    /// what changed.
    @Test func writingTheBundledOrganizationsBackGivesTheSameBytes() throws {
        func contents(_ kind: FixtureFile.Kind) throws -> [UInt8] {
            try Array(#require(FileManager.default.contents(atPath: FileSystem.join(BundledFixturesTests.folder, kind.fileName))))
        }
        let (sectors, organizations) = (try contents(.sectors), try contents(.organizations))
        var session = FixtureLoadSession()
        sectors.withUnsafeBufferPointer { session.read(kind: .sectors, name: "sectors.json", bytes: $0) }
        organizations.withUnsafeBufferPointer { session.read(kind: .organizations, name: "organizations.json", bytes: $0) }
        #expect(session.problems.isEmpty)
        var json = JSONWriter(prettyPrinted: true)
        json.beginFixtureFile(.organizations)
        for organization in session.organizations { json.write(organization) }
        json.endFixtureFile()
        #expect(json.text == String(decoding: organizations, as: UTF8.self))
    }
}
