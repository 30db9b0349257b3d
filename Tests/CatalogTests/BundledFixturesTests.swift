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
}
