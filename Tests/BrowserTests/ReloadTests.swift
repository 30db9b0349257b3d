@testable import Browser
import Catalog
import CatalogSearch
import Screen
import Testing

/// A reloaded catalog replaces the one on screen without losing the person's place.
@Suite struct ReloadTests {
    static func reload(_ catalog: Catalog, requested: Bool = false, from old: Catalog = TestCatalog.small) -> BrowserEvent {
        .catalogReloaded(CatalogReload(catalog: catalog, searchIndex: CatalogSearchIndex(catalog: catalog),
                                       changes: CatalogChanges(from: old, to: catalog), isRequested: requested))
    }

    static let newest = NewsItem(id: "2025-01-02-new", date: PartialDate(year: 2025, month: 1, day: 2)!, category: "Events",
                                 title: "A brand new announcement", summary: "", body: "New.", sectors: ["ITU-T"])

    static func with(news: [NewsItem]) -> Catalog {
        Catalog(sectors: TestCatalog.sectors, organizations: TestCatalog.organizations, news: news)
    }

    @Test func selectionStaysOnTheSameItemWhenNewsArriveAboveIt() {
        var state = makeState()
        state.send(.character("3"), .down, .down)
        let selectedID = state.news[state.navigation[.news].selection].id
        Browser.update(&state, Self.reload(Self.with(news: TestCatalog.news + [Self.newest])))
        #expect(state.news[state.navigation[.news].selection].id == selectedID)
        #expect(state.navigation[.news].selection == 3)
        #expect(state.message == "fixtures changed: +1 news")
        #expect(state.screen.contains("A brand new announcement"))
    }

    @Test func aScrolledListKeepsTheSelectedItemOnTheSameScreenRow() {
        let large = TestCatalog.large(newsCount: 200)
        var state = makeState(large, width: 80, height: 24)
        state.send(.character("3"), .pageDown, .pageDown, .down)
        let before = state.navigation[.news]
        #expect(before.scroll > 0)
        let grown = Catalog(sectors: large.sectors, organizations: large.organizations, news: large.news + [Self.newest])
        Browser.update(&state, Self.reload(grown, from: large))
        let after = state.navigation[.news]
        #expect(after.selection == before.selection + 1)
        #expect(after.selection - after.scroll == before.selection - before.scroll)
    }

    @Test func historyAndQueryStayAndTheOpenDetailShowsTheNewText() {
        var state = makeState()
        state.send(.character("/"))
        state.type("intersputnik")
        state.send(.enter, .enter)
        let opened = state.navigation.currentDetail?.target
        var changed = TestCatalog.news
        changed[0].body = "Rewritten body about Intersputnik and its Gold membership."
        Browser.update(&state, Self.reload(Self.with(news: changed), requested: true))
        #expect(state.navigation.currentDetail?.target == opened)
        #expect(state.search?.query.text == "intersputnik")
        #expect(state.message == "reloaded: 1 news changed")
        state.send(.escape)
        #expect(state.search?.results?.hits.isEmpty == false)
    }

    @Test func anItemThatLeftLeavesTheSelectionOnTheSameRow() {
        var state = makeState()
        state.send(.character("3"), .down)
        let removed = state.news[1].id
        Browser.update(&state, Self.reload(Self.with(news: TestCatalog.news.filter { $0.id != removed })))
        #expect(state.navigation[.news].selection == 1)
        #expect(state.message == "fixtures changed: −1 news")
    }

    @Test func aFacetOnASectorThatLeftIsCleared() {
        var state = makeState()
        state.send(.character("2"), .enter)
        #expect(state.navigation.facet == "ITU-R")
        let catalog = Catalog(sectors: TestCatalog.sectors.filter { $0.id != "ITU-R" }, organizations: [], news: [])
        Browser.update(&state, Self.reload(catalog))
        #expect(state.navigation.facet == nil)
        #expect(state.screen.contains("0 organizations"))
    }

    @Test func aFailedReloadKeepsTheDataAndSaysWhy() {
        var state = makeState()
        let before = state.screen
        Browser.update(&state, .reloadFailed("fixtures/news.json:3:1: not valid JSON; the data on screen is unchanged"))
        #expect(state.catalog.news.count == TestCatalog.news.count)
        #expect(state.screen.contains("news.json:3:1: not valid JSON"))
        #expect(state.screen != before)
    }

    @Test func changesAreCountedByIdAndSummarized() {
        var edited = TestCatalog.news
        edited[1].title = "Changed"
        edited[2].tags = ["x"]
        let news = Array(edited.dropLast()) + [Self.newest]
        let organizations = Array(TestCatalog.organizations.dropFirst(2))
        let changes = CatalogChanges(from: TestCatalog.small,
                                     to: Catalog(sectors: TestCatalog.sectors, organizations: organizations, news: news))
        #expect(changes.news == CatalogChanges.Counts(added: 1, removed: 1, changed: 2))
        #expect(changes.organizations == CatalogChanges.Counts(added: 0, removed: 2, changed: 0))
        #expect(changes.summary == "+1 news, −1 news, −2 organizations, 2 news changed")
        #expect(CatalogChanges(from: TestCatalog.small, to: TestCatalog.small).summary == "no changes")
    }
}
