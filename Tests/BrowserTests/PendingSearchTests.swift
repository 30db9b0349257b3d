import Testing
@testable import Browser
import CatalogSearch
import Screen

/// The search index may arrive after the first frame (`expectSearch` then `attachSearch`).
@Suite struct PendingSearchTests {
    @Test func slashOpensTheQueryLineBeforeTheIndexArrives() {
        var state = makeState(withSearch: false)
        state.expectSearch()
        state.send(.character("/"))
        state.type("gold")
        #expect(state.search?.query.text == "gold")
        #expect(state.search?.results == nil)
        #expect(state.screen.contains("Building the search index"))

        state.attachSearch(CatalogSearchIndex(catalog: TestCatalog.small))
        #expect(state.search?.results?.hits.isEmpty == false)
        #expect(!state.screen.contains("Building the search index"))
    }

    @Test func aStartingQueryIsSearchedOnceTheIndexArrives() {
        var state = makeState(withSearch: false)
        state.expectSearch(query: "gold")
        #expect(state.search?.query.text == "gold")
        state.attachSearch(CatalogSearchIndex(catalog: TestCatalog.small))
        let direct = makeState(query: "gold")
        #expect(state.search?.hits.map(\.id) == direct.search?.hits.map(\.id))
        #expect(state.search?.hits.isEmpty == false)
    }

    @Test func withoutAPromisedIndexSearchSaysItIsUnavailable() {
        var state = makeState(withSearch: false)
        state.send(.character("/"))
        #expect(state.search == nil)
        #expect(state.screen.contains("search is unavailable"))
    }
}
