@testable import Browser
import Catalog
import Screen
import Testing

/// The item keys (s, m, a, o, y, R): the state they change and the effects they hand the run loop.
@Suite struct ItemMarksTests {
    static let gold = ItemReference(.news, "2021-11-01-intersputnik-gold")

    /// The News pane with the Intersputnik announcement (the second newest) selected.
    static func onGold(width: Int = 140, height: Int = 40) -> BrowserState {
        var state = makeState(width: width, height: height)
        state.send(.character("3"), .down)
        return state
    }

    @Test func sStarsAndUnstarsTheSelectedNewsItem() {
        var state = Self.onGold()
        #expect(Browser.update(&state, .key(.character("s"))) == [.setStarred(Self.gold, true)])
        #expect(state.marks[Self.gold]?.isStarred == true)
        #expect(state.message == "★ starred")
        #expect(Browser.update(&state, .key(.character("s"))) == [.setStarred(Self.gold, false)])
        #expect(state.marks[Self.gold] == nil)
    }

    @Test func sStarsAnOrganizationAndTheRowShowsTheStar() throws {
        var state = makeState(width: 80, height: 24)
        state.send(.character("1"))
        let effects = Browser.update(&state, .key(.character("s")))
        let first = state.organizations[0]
        #expect(effects == [.setStarred(ItemReference(.organization, first.id), true)])
        let frame = Browser.render(state)
        let row = try #require(find(String(first.name.prefix(10)), in: frame))
        #expect(frame[row.x - 2, row.y].grapheme == "★")
    }

    @Test func sectorsCannotBeMarked() {
        var state = makeState()
        state.send(.character("2"))
        #expect(Browser.update(&state, .key(.character("s"))).isEmpty)
        #expect(state.message?.hasPrefix("Sectors cannot be starred") == true)
    }

    @Test func openingUnreadNewsMarksItReadOnce() {
        var state = Self.onGold()
        #expect(Browser.update(&state, .key(.enter)) == [.setRead(Self.gold, true)])
        #expect(state.marks[Self.gold]?.isRead == true)
        state.send(.escape)
        #expect(Browser.update(&state, .key(.enter)).isEmpty, "an item already read is not marked again")
    }

    @Test func openingByIdMarksUnreadNewsRead() {
        var state = makeState()
        #expect(Browser.update(&state, .openItem(Self.gold.id)) == [.setRead(Self.gold, true)])
        #expect(state.navigation.currentDetail?.target == .news(Self.gold.id))
        #expect(Browser.update(&state, .openItem("no-such-item")).isEmpty)
        #expect(state.message == "no item with id \"no-such-item\"")
    }

    @Test func mInTheDetailMarksUnreadAndItStaysUnreadWhileOpen() {
        var state = Self.onGold()
        state.send(.enter)
        #expect(Browser.update(&state, .key(.character("m"))) == [.setRead(Self.gold, false)])
        #expect(state.marks[Self.gold] == nil)
        #expect(Browser.update(&state, .key(.character("j"))).isEmpty)
        #expect(state.screen.contains("● unread"))
    }

    @Test func unreadNewsShowsADotAndABoldTitleAndReadNewsNeither() throws {
        var state = Self.onGold()
        state.send(.up)
        let title = "Intersputnik becomes"
        var frame = Browser.render(state)
        var row = try #require(find(title, in: frame))
        #expect(frame[row.x - 15, row.y].grapheme == "●")
        #expect(frame[row.x, row.y].style.attributes.contains(.bold))
        Browser.update(&state, .marksChanged([Self.gold: ItemMarks(isRead: true)]))
        frame = Browser.render(state)
        row = try #require(find(title, in: frame))
        #expect(frame[row.x - 15, row.y].grapheme == " ")
        #expect(!frame[row.x, row.y].style.attributes.contains(.bold))
    }

    @Test func aAsksToEditTheNoteAndTheNoteShowsInTheDetail() throws {
        var state = Self.onGold()
        let note = "ask about the Gold fee\n\nand the date"
        Browser.update(&state, .marksChanged([Self.gold: ItemMarks(isRead: true, note: note)]))
        #expect(Browser.update(&state, .key(.character("a"))) == [.editNote(Self.gold, current: note)])
        state.send(.enter)
        let lines = state.screen.split(separator: "\n", omittingEmptySubsequences: false)
        let heading = try #require(lines.firstIndex { $0.contains("│ Note ") })
        #expect(lines[heading + 1].contains("│ ask about the Gold fee "))
        #expect(lines[heading + 3].contains("│ and the date "))
    }

    @Test func marksFromElsewhereRedrawTheOpenDetail() {
        var state = Self.onGold()
        state.send(.enter)
        #expect(!state.screen.contains("★ starred"))
        Browser.update(&state, .marksChanged([Self.gold: ItemMarks(isRead: true, isStarred: true)]))
        #expect(state.screen.contains("★ starred"))
    }

    @Test func oAndYHandOverTheSourceAddress() {
        var state = Self.onGold()
        #expect(Browser.update(&state, .key(.character("o"))) == [.openURL("https://intersputnik.int/news/")])
        #expect(Browser.update(&state, .key(.character("y"))) == [.copyURL("https://intersputnik.int/news/")])
        #expect(state.message == "copied to the clipboard (OSC 52): https://intersputnik.int/news/")
        state.send(.down)
        #expect(Browser.update(&state, .key(.character("o"))).isEmpty, "a news item without a source")
        #expect(state.message == "no web address recorded for this item")
    }

    @Test func anAddressWithControlCharactersIsNeverHandedOut() {
        var state = makeState(TestCatalog.hostile)
        state.send(.character("3"))
        #expect(Browser.update(&state, .key(.character("o"))).isEmpty)
        #expect(!Browser.isWebAddress("https://x.org/\u{1B}]52;c;AAAA\u{07}"))
        #expect(!Browser.isWebAddress("https://x.org/ two"))
        #expect(!Browser.isWebAddress("file:///etc/passwd"))
        #expect(Browser.isWebAddress("https://www.itu.int/en/Pages/default.aspx"))
    }

    @Test func readOnlyStateRefusesMarksWithItsReason() {
        var state = Self.onGold()
        Browser.update(&state, .marksReadOnly(reason: "state.sqlite is corrupt (kept as state.sqlite.corrupt-1)"))
        #expect(state.screen.contains("state is read-only: state.sqlite is corrupt"))
        for key in ["s", "m", "a"] {
            #expect(Browser.update(&state, .key(.character(Character(key)))).isEmpty)
            #expect(state.message == "state is read-only: state.sqlite is corrupt (kept as state.sqlite.corrupt-1)")
        }
        #expect(Browser.update(&state, .key(.enter)).isEmpty, "opening does not try to mark read")
        #expect(Browser.update(&state, .key(.character("y"))) == [.copyURL("https://intersputnik.int/news/")])
    }

    @Test func searchResultsShowMarks() {
        var state = makeState()
        Browser.update(&state, .marksChanged([ItemReference(.organization, "intersputnik"): ItemMarks(isStarred: true)]))
        state.send(.character("/"))
        state.type("intersputnik")
        #expect(state.screen.contains("ORG   ★ Intersputnik"))
        #expect(state.screen.contains("NEWS ●  2021-11-01"))
    }

    @Test func theBrowsersSearchKnowsTheFlags() {
        var state = makeState()
        Browser.update(&state, .marksChanged([ItemReference(.organization, "apt"): ItemMarks(isStarred: true),
                                              Self.gold: ItemMarks(isRead: true, note: "fee")]))
        state.send(.character("/"))
        state.type("is:starred")
        #expect(state.search?.hits.map(\.id) == ["apt"])
        state.send(.control("u"))
        state.type("has:note")
        #expect(state.search?.hits.map(\.id) == [Self.gold.id])
        state.send(.control("u"))
        state.type("intersputnik is:unread")
        #expect(state.search?.hits.contains { $0.id == Self.gold.id } == false)
        #expect(state.search?.hits.contains { $0.id == "intersputnik" } == true)
    }

    @Test func capitalRAsksForAReload() {
        var state = makeState()
        #expect(Browser.update(&state, .key(.character("R"))) == [.reload])
        #expect(state.message == "reloading the fixtures…")
    }
}
