import Testing
@testable import Catalog

/// The store built from the small valid fixtures: relations both ways, lookups and filters.
@Suite("Catalog relations and filters")
struct CatalogRelationTests {
    private let catalog: Catalog

    init() throws {
        catalog = try #require(TestFixtures.load().catalog)
    }

    @Test func sectorToMembers() {
        #expect(catalog.members(of: "ITU-R").map(\.id) == ["itso", "intersputnik"], "by name")
        #expect(catalog.members(of: "itu-d").map(\.id) == ["intersputnik"])
        #expect(catalog.members(of: "ITU-T").map(\.id) == ["apple"])
        #expect(catalog.members(of: "ITU-X").isEmpty)
    }

    @Test func membersGroupedByCategory() {
        let groups = catalog.membersByCategory(of: "ITU-R")
        #expect(groups.map(\.category) == ["Intergovernmental organization operating satellite systems", Catalog.categoryNotRecorded])
        #expect(groups.map { $0.members.map(\.id) } == [["intersputnik"], ["itso"]])
    }

    @Test func organizationToSectors() throws {
        let intersputnik = try #require(catalog.organization(id: "intersputnik"))
        #expect(catalog.sectors(of: intersputnik).map(\.id) == ["ITU-R", "ITU-D"])
        #expect(intersputnik.membership(in: "ITU-R")?.labels == ["Gold Sector Member"])
        #expect(intersputnik.membership(in: "ITU-D")?.since == PartialDate("2021-10"))
    }

    @Test func organizationToNewsNewestFirst() {
        #expect(catalog.news(about: "intersputnik").map(\.id) == ["n1", "n2"])
        #expect(catalog.news(about: "apple").map(\.id) == ["n3"])
    }

    @Test func newsAsAnArrayAreTheListsItemsInOrder() {
        #expect(catalog.news.items.map(\.id) == catalog.news.map(\.id))
        #expect(catalog.news.items.count == 3)
        let about = catalog.news(about: "intersputnik")
        #expect(about.items.map(\.id) == ["n1", "n2"])
    }

    @Test func newsToOrganizationsAndSectors() throws {
        let item = try #require(catalog.newsItem(id: "n3"))
        #expect(catalog.organizations(of: item).map(\.id) == ["apple", "itso"])
        #expect(catalog.sectors(of: item).map(\.id) == ["ITU-T"])
        let byAlias = try #require(catalog.newsItem(id: "N2"))
        #expect(catalog.organizations(of: byAlias).map(\.id) == ["intersputnik"])
    }

    @Test func sectorToNews() {
        #expect(catalog.news(inSector: "ITU-D").map(\.id) == ["n1", "n2"])
        #expect(catalog.news(inSector: "itu-t").map(\.id) == ["n3"])
    }

    @Test func lookupByShortNameAndAliasIgnoringCase() {
        #expect(catalog.organization(id: "itso")?.id == "itso")
        #expect(catalog.organization(id: "ItSo")?.id == "itso")
        #expect(catalog.organization(id: "интерспутник")?.id == "intersputnik")
        #expect(catalog.organization(id: "INTERSPUTNIK")?.id == "intersputnik")
        #expect(catalog.organization(id: "eutelsat") == nil)
        #expect(catalog.item(id: "itu-r")?.id == "ITU-R")
        #expect(catalog.item(id: "n1")?.id == "n1")
    }

    @Test func organizationsFilteredBySectorAndKind() {
        #expect(catalog.organizations(inSector: "ITU-R").map(\.id) == ["itso", "intersputnik"])
        #expect(catalog.organizations(kind: "company").map(\.id) == ["apple"])
        #expect(catalog.organizations(inSector: "ITU-R", kind: "Company").isEmpty)
        #expect(catalog.organizationKinds == ["company", "intergovernmental satellite organization"])
    }

    @Test func newsFilteredByCategoryAndSector() {
        #expect(catalog.news(category: "membership").map(\.id) == ["n1", "n2"])
        #expect(catalog.news(inSector: "ITU-D", category: "Standardization").isEmpty)
        #expect(catalog.newsCategories == ["Membership", "Standardization"])
    }

    @Test func newsFilteredByPartialDateRange() throws {
        // n1 2021-11-01, n2 2021-10 (month), n3 2023 (year).
        let since = try #require(PartialDate("2021-10-15"))
        #expect(catalog.news(since: since).map(\.id) == ["n3", "n1", "n2"])
        #expect(catalog.news(since: PartialDate("2021-11")).map(\.id) == ["n3", "n1"])
        #expect(catalog.news(until: PartialDate("2021-10-31")).map(\.id) == ["n2"])
        #expect(catalog.news(since: PartialDate("2021"), until: PartialDate("2021")).map(\.id) == ["n1", "n2"])
        #expect(catalog.news(since: PartialDate("2023-06-01")).map(\.id) == ["n3"])
    }

    @Test func newsOfTheSameDateKeepTheirInputOrder() throws {
        let dates = ["2021-05-01", "2022", "2021-05-01", "2020-01", "2021-05-01", "2022"]
        let news = try dates.enumerated().map { index, date in
            NewsItem(id: "n\(index)", date: try #require(PartialDate(date)), category: "c", title: "t", summary: "s", body: "b")
        }
        let catalog = Catalog(sectors: [], organizations: [], news: news)
        #expect(catalog.news.map(\.id) == ["n1", "n5", "n0", "n2", "n4", "n3"])
        #expect(catalog.newsItem(id: "N4")?.date == PartialDate("2021-05-01"))
    }

    @Test func largeNewsListsAreOrderedLikeAStableSort() {
        let generator = CorpusGenerator(newsCount: 3_000, organizationCount: 20, seed: 8)
        let corpus = generator.makeCorpus()
        let expected = corpus.news.enumerated().sorted { a, b in
            a.element.date == b.element.date ? a.offset < b.offset : a.element.date > b.element.date
        }.map(\.element.id)
        let catalog = Catalog(sectors: corpus.sectors, organizations: corpus.organizations, news: corpus.news)
        #expect(catalog.news.map(\.id) == expected)
    }
}
