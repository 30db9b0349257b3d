@testable import Browser
import Catalog
import Screen
import Testing

@Suite struct QueryLineTests {
    @Test func insertsAnyScriptAndMovesByCharacters() {
        var state = makeState()
        state.send(.character("/"))
        state.type("Интер 衛星 🛰")
        #expect(state.search?.query.text == "Интер 衛星 🛰")
        state.send(.home, .right, .character("x"))
        #expect(state.search?.query.text == "Иxнтер 衛星 🛰")
        state.send(.control("e"), .backspace)
        #expect(state.search?.query.text == "Иxнтер 衛星 ")
        state.send(.control("a"), .delete)
        #expect(state.search?.query.text == "xнтер 衛星 ")
        state.send(.end, .control("w"))
        #expect(state.search?.query.text == "xнтер ")
        state.send(.control("u"))
        #expect(state.search?.query.text == "")
        #expect(state.search?.query.cursor == 0)
    }

    @Test func editingAtTheEdgesIsHarmless() {
        var state = makeState()
        state.send(.character("/"), .backspace, .delete, .left, .control("w"), .control("u"), .down, .up)
        #expect(state.search?.query.text == "")
        #expect(state.search?.isEditing == true)
    }

    @Test func historyStepsThroughEarlierQueriesAndBackToTheDraft() {
        var state = makeState()
        for query in ["gold", "spectrum"] {
            state.send(.character("/"))
            state.send(.control("u"))
            state.type(query)
            state.send(.enter, .escape)
        }
        state.send(.character("/"))
        state.type("dra")
        state.send(.up)
        #expect(state.search?.query.text == "spectrum")
        state.send(.up)
        #expect(state.search?.query.text == "gold")
        state.send(.up)
        #expect(state.search?.query.text == "gold")
        state.send(.down, .down)
        #expect(state.search?.query.text == "dra")
    }

    @Test func ctrlCQuitsWhileTyping() {
        var state = makeState()
        state.send(.character("/"))
        state.type("q")
        #expect(!state.shouldQuit)
        #expect(state.search?.query.text == "q")
        state.send(.control("c"))
        #expect(state.shouldQuit)
    }
}

@Suite struct NavigationTests {
    @Test func startsOnOrganizationsAndQuitsWithQ() {
        var state = makeState()
        #expect(state.navigation.focus == .pane(.organizations))
        state.send(.character("q"))
        #expect(state.shouldQuit)
    }

    @Test func unknownOpenItemStartsNormallyWithAMessage() {
        let state = makeState(openItem: "nope")
        #expect(state.navigation.focus == .pane(.organizations))
        #expect(state.message == "no item with id \"nope\"")
        #expect(state.screen.contains("no item with id \"nope\""))
    }

    @Test func openItemOpensItsDetail() {
        let state = makeState(openItem: "Интерспутник")
        #expect(state.navigation.currentDetail?.target == .organization("intersputnik"))
    }

    @Test func backAndForwardRestoreScrollAndSelectedLink() throws {
        var state = makeState(width: 80, height: 24, openItem: "intersputnik")
        state.send(.tab, .tab)
        let page1 = try #require(state.navigation.currentDetail)
        #expect(page1.selectedLink == 1)
        let target = try #require(page1.document?.links[1].target)
        state.send(.enter)
        #expect(state.navigation.currentDetail?.target == target)
        state.send(.character("j"))
        let page2 = try #require(state.navigation.currentDetail)
        state.send(.escape)
        #expect(state.navigation.currentDetail == page1)
        state.send(.character("]"))
        #expect(state.navigation.currentDetail?.target == page2.target)
        #expect(state.navigation.currentDetail?.scroll == page2.scroll)
        state.send(.character("["), .character("["))
        #expect(!state.navigation.isDetailOpen)
        state.send(.character("["))
        #expect(state.message == "nothing to go back to")
    }

    @Test func backFromTheFirstDetailRestoresTheListSelectionAndScroll() {
        var state = makeState(TestCatalog.large(newsCount: 500), width: 80, height: 24)
        state.send(.character("3"), .pageDown, .pageDown, .down)
        let position = state.navigation[.news]
        #expect(position.scroll > 0)
        state.send(.enter)
        #expect(state.navigation.focus == .detail)
        state.send(.backspace)
        #expect(state.navigation.focus == .pane(.news))
        #expect(state.navigation[.news] == position)
    }

    @Test func openingALinkDropsThePagesAhead() {
        var state = makeState(openItem: "intersputnik")
        state.send(.tab, .enter, .escape, .tab, .tab, .enter)
        #expect(state.navigation.history.count == 2)
        state.send(.character("]"))
        #expect(state.message == "nothing to go forward to")
    }

    @Test func sectorFacetNarrowsListsAndEscClearsIt() {
        var state = makeState()
        state.send(.character("3"), .down, .down)
        let newsBefore = state.navigation[.news]
        state.send(.character("2"), .character("G"), .enter)
        #expect(state.navigation.facet == "ITU-D")
        #expect(state.organizations.map(\.id) == ["apt", "intersputnik"])
        #expect(state.news.allSatisfy { $0.sectors.contains("ITU-D") })
        #expect(state.news.count == 3)
        #expect(state.screen.contains("Sector: ITU-D"))
        state.send(.enter)
        #expect(state.navigation.currentDetail?.target == .sector("ITU-D"))
        state.send(.escape, .escape)
        #expect(state.navigation.facet == nil)
        #expect(state.organizations.count == TestCatalog.organizations.count)
        #expect(state.navigation[.news] == newsBefore)
        #expect(!state.screen.contains("Sector: ITU-D"))
        state.send(.escape)
        #expect(state.message == "no Sector filter to clear")
    }

    @Test func panesCycleWithTabAndNumbers() {
        var state = makeState()
        state.send(.tab)
        #expect(state.navigation.focus == .pane(.sectors))
        state.send(.tab, .tab)
        #expect(state.navigation.focus == .pane(.organizations))
        state.send(.backTab)
        #expect(state.navigation.focus == .pane(.news))
        state.send(.character("h"))
        #expect(state.navigation.focus == .pane(.organizations))
        state.send(.character("l"))
        #expect(state.navigation.focus == .pane(.news))
    }

    @Test func narrowLayoutMovesBetweenTabsWithHAndL() {
        var state = makeState(width: 80, height: 24)
        state.send(.character("l"))
        #expect(state.navigation.focus == .pane(.sectors))
        state.send(.right, .right)
        #expect(state.navigation.focus == .pane(.news))
        state.send(.left)
        #expect(state.navigation.focus == .pane(.sectors))
    }

    @Test func linkSelectionFollowsScrolling() throws {
        var state = makeState(width: 80, height: 24, openItem: "intersputnik")
        state.send(.tab)
        #expect(state.navigation.currentDetail?.selectedLink == 0)
        state.send(.character("G"))
        let entry = try #require(state.navigation.currentDetail)
        let document = try #require(entry.document)
        let rows = state.layout.detailRows
        // Scrolled to the end, the first link was left behind: the selection moved to the
        // first link still in view.
        #expect(entry.scroll == document.lines.count - rows && entry.scroll > document.links[0].line)
        let visible = entry.scroll..<(entry.scroll + rows)
        var expected: Int? = nil
        for (index, link) in document.links.enumerated() where expected == nil && visible.contains(link.line) { expected = index }
        let link = try #require(entry.selectedLink, "the selection was lost on scrolling")
        #expect(link == expected && link > 0)
        // Shift-Tab selects the link before it, scrolling it into view.
        state.send(.backTab)
        let after = try #require(state.navigation.currentDetail)
        let selected = try #require(after.selectedLink)
        #expect(selected == link - 1)
        #expect((after.scroll..<(after.scroll + rows)).contains(document.links[selected].line))
    }

    @Test func unboundKeyExplainsItself() {
        var state = makeState()
        state.send(.character("z"))
        #expect(state.message?.contains("press ? for the keys") == true)
    }

    @Test func anyKeyClosesHelp() {
        var state = makeState()
        state.send(.character("?"))
        #expect(state.isShowingHelp)
        state.send(.character("x"))
        #expect(!state.isShowingHelp)
        #expect(state.navigation[.organizations].selection == 0)
    }
}

@Suite struct SearchTests {
    @Test func escapeReturnsToExactlyWhereYouWere() {
        var state = makeState(width: 80, height: 24, openItem: "intersputnik")
        state.send(.tab, .tab, .character("j"))
        let before = state.navigation
        state.send(.character("/"))
        state.type("gold")
        #expect(state.search?.hits.isEmpty == false)
        state.send(.enter, .down, .enter)
        #expect(state.navigation.isDetailOpen)
        state.send(.escape, .escape)
        #expect(state.search == nil)
        #expect(state.navigation == before)
    }

    @Test func escapeWhileTypingRestoresTheLists() {
        var state = makeState()
        state.send(.character("3"), .down)
        let before = state.navigation
        state.send(.character("/"))
        state.type("sat")
        state.send(.escape)
        #expect(state.search == nil)
        #expect(state.navigation == before)
    }

    @Test func resultsUpdateOnEveryKeystroke() {
        var state = makeState()
        state.send(.character("/"))
        state.type("g")
        let one = state.search?.hits.count ?? 0
        state.type("old")
        let four = state.search?.hits.count ?? 0
        #expect(one >= four)
        #expect(four > 0)
        state.send(.control("u"))
        #expect(state.search?.results == nil)
    }

    @Test func nAndNStepThroughResultsAndOpenFromADetail() throws {
        var state = makeState()
        state.send(.character("/"))
        state.type("intersputnik")
        state.send(.enter)
        let hits = try #require(state.search?.hits)
        #expect(hits.count >= 3)
        state.send(.character("n"))
        #expect(state.search?.position.selection == 1)
        state.send(.character("N"))
        #expect(state.search?.position.selection == 0)
        state.send(.character("N"))
        #expect(state.message == "first result")
        state.send(.enter)
        #expect(state.navigation.currentDetail?.target == hits[0].detailTarget)
        state.send(.character("n"))
        #expect(state.navigation.currentDetail?.target == hits[1].detailTarget)
        #expect(state.navigation.history.count == 1)
        state.send(.escape)
        #expect(state.navigation.focus == .results)
        #expect(state.search?.position.selection == 1)
    }

    @Test func nWithoutASearchSaysSo() {
        var state = makeState()
        state.send(.character("n"))
        #expect(state.message == "no search results — press / to search")
    }

    @Test func searchWithoutAnIndexIsUnavailable() {
        var state = makeState(withSearch: false)
        state.send(.character("/"))
        #expect(state.search == nil)
        #expect(state.screen.contains("search is unavailable"))
    }

    @Test func queryAtStartShowsResults() {
        let state = makeState(query: "gold")
        #expect(state.search?.isEditing == false)
        #expect(state.navigation.focus == .results)
        #expect(state.search?.hits.isEmpty == false)
    }

    @Test func queryProblemsShowInTheStatusLine() throws {
        var state = makeState()
        state.send(.character("/"))
        state.type("\"gold")
        let problem = try #require(state.search?.results?.problems.first)
        let frame = Browser.render(state)
        #expect(frame.line(frame.height - 1).contains(problem))
    }

    @Test func highlightsMarkTheMatchedBytes() {
        let runs = Renderer.highlighted("Золото gold", [13..<17], base: Theme.plain)
        #expect(runs.map(\.text) == ["Золото ", "gold"])
        #expect(runs.last?.style == Theme.highlight)
        let odd = Renderer.highlighted("ab", [1..<99, -3..<0], base: Theme.plain)
        #expect(odd.map(\.text) == ["a", "b"])
    }
}

@Suite struct MouseTests {
    @Test func clickFocusesAPaneAndSelectsTheRow() throws {
        var state = makeState()
        let frame = Browser.render(state)
        let row = try #require(find("Apple joins ITU-T", in: frame))
        state.click(x: row.x, y: row.y)
        #expect(state.navigation.focus == .pane(.news))
        #expect(state.news[state.navigation[.news].selection].id == "2019-02-01-apple-standards")
    }

    @Test func clickOnATabFocusesThatPane() throws {
        var state = makeState(width: 80, height: 24)
        let frame = Browser.render(state)
        let tab = try #require(find("3 News", in: frame))
        state.click(x: tab.x, y: tab.y)
        #expect(state.navigation.focus == .pane(.news))
    }

    @Test func wheelScrollsTheListUnderThePointer() {
        var state = makeState(TestCatalog.large(newsCount: 300))
        let area = state.layout.panes[.news]!
        Browser.update(&state, .mouse(MouseEvent(kind: .wheelDown, x: area.box.x + 2, y: area.box.y + 2)))
        #expect(state.navigation[.news].scroll == Browser.wheelStep)
        #expect(state.navigation[.news].selection >= Browser.wheelStep)
        Browser.update(&state, .mouse(MouseEvent(kind: .wheelUp, x: area.box.x + 2, y: area.box.y + 2)))
        #expect(state.navigation[.news].scroll == 0)
    }

    @Test func clickOnALinkFollowsIt() throws {
        var state = makeState(openItem: "intersputnik")
        let frame = Browser.render(state)
        let detail = try #require(state.layout.detail)
        let link = try #require(find("ITU-D", in: frame, fromColumn: detail.box.x))
        state.click(x: link.x, y: link.y)
        #expect(state.navigation.currentDetail?.target == .sector("ITU-D"))
        #expect(state.navigation.history.count == 2)
    }

    @Test func wheelScrollsTheDetail() {
        var state = makeState(width: 80, height: 24, openItem: "intersputnik")
        Browser.update(&state, .mouse(MouseEvent(kind: .wheelDown, x: 10, y: 10)))
        #expect(state.navigation.currentDetail?.scroll == Browser.wheelStep)
    }
}

@Suite struct ResizeTests {
    @Test func resizesSwitchLayoutsAndKeepSelectionsVisible() {
        var state = makeState(TestCatalog.large(newsCount: 400))
        state.send(.character("3"), .character("G"))
        for (w, h) in [(80, 24), (30, 8), (1, 1), (0, 0), (140, 40), (100, 30), (99, 30), (40, 10)] {
            Browser.update(&state, .resize(width: w, height: h))
            let frame = Browser.render(state)
            #expect(frame.width == w && frame.height == h)
            let position = state.navigation[.news]
            #expect(position.selection == 399)
            let rows = state.layout.visibleRows(of: .news)
            #expect(position.selection >= position.scroll && position.selection < position.scroll + rows)
        }
        Browser.update(&state, .resize(width: 140, height: 40))
        #expect(state.layout.mode == .wide)
        Browser.update(&state, .resize(width: 80, height: 24))
        #expect(state.layout.mode == .narrow)
        Browser.update(&state, .resize(width: 39, height: 24))
        #expect(state.layout.mode == .tooSmall)
    }

    @Test func detailIsRelaidOutForTheNewWidth() {
        var state = makeState(openItem: "intersputnik")
        let wide = state.navigation.currentDetail?.document?.width
        Browser.update(&state, .resize(width: 80, height: 24))
        let narrow = state.navigation.currentDetail?.document?.width
        #expect(wide != narrow)
        #expect(narrow == 78)
    }
}

@Suite struct PreviewTests {
    @Test func wheelScrollsThePreviewAndMovingResetsIt() throws {
        var state = makeState(width: 100, height: 30)
        let area = try #require(state.layout.detail)
        state.send(.character("j"), .character("j"), .character("j"), .character("j"), .character("j"))
        #expect(state.preview?.target == .organization("intersputnik"))
        Browser.update(&state, .mouse(MouseEvent(kind: .wheelDown, x: area.box.x + 3, y: area.box.y + 3)))
        #expect(state.preview?.scroll == Browser.wheelStep)
        state.send(.character("k"))
        #expect(state.preview?.scroll == 0)
        #expect(state.preview?.target == .organization("imso"))
    }

    @Test func clickOnThePreviewOpensTheItem() throws {
        var state = makeState()
        let area = try #require(state.layout.detail)
        state.click(x: area.content.x + 2, y: area.content.y + 1)
        #expect(state.navigation.currentDetail?.target == .organization("apple"))
    }
}
