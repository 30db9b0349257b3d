@testable import Browser
import Catalog
import Screen
import Testing

/// One key of one binding, as a test argument.
struct BoundKey: Sendable, CustomTestStringConvertible {
    let binding: KeyBinding
    let key: Key
    var testDescription: String { "\(binding.context.rawValue): \(KeyBinding.name(of: key)) → \(binding.action.rawValue)" }

    static let all: [BoundKey] = Keymap.bindings.flatMap { binding in binding.keys.map { BoundKey(binding: binding, key: $0) } }
}

@Suite struct KeymapTests {
    @Test func everyBindingHasHelpAndAppearsInTheHelpOverlay() {
        var state = makeState(width: 220, height: 80)
        state.send(.character("?"))
        let screen = state.screen
        for binding in Keymap.bindings {
            #expect(!binding.help.isEmpty, "\(binding.action) has no help text")
            #expect(!binding.keyLabel.isEmpty)
            let hasHelp = screen.contains(binding.help), hasKeys = screen.contains(binding.keyLabel)
            if !hasHelp { print(screen) }
            #expect(hasHelp, "help overlay lacks “\(binding.help)”")
            #expect(hasKeys, "help overlay lacks the keys “\(binding.keyLabel)”")
        }
    }

    @Test func scrollingTheHelpOnASmallTerminalShowsEveryBinding() {
        var state = makeState(width: 80, height: 24)
        state.send(.character("?"))
        var seen = state.screen
        for _ in 0..<20 {
            state.send(.pageDown)
            seen += state.screen
        }
        #expect(state.isShowingHelp)
        for binding in Keymap.bindings {
            let shown = seen.contains(binding.help)
            #expect(shown, "scrolled help lacks “\(binding.help)”")
        }
    }

    @Test func markdownTableListsEveryBinding() {
        let table = Keymap.markdownTable()
        let rows = table.split(separator: "\n")
        #expect(rows.count == Keymap.bindings.count + 2)
        for binding in Keymap.bindings {
            #expect(rows.contains { $0.contains(binding.help) && $0.contains(binding.context.title) })
            for key in binding.keys {
                #expect(table.contains("`\(KeyBinding.name(of: key))`"))
            }
        }
    }

    @Test func noKeyIsBoundTwiceInOneContext() {
        for context in KeyContext.allCases {
            let keys = Keymap.bindings.filter { $0.context == context }.flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "a key is bound twice in \(context)")
        }
    }

    @Test func everyActionIsBound() {
        let bound = Set(Keymap.bindings.map(\.action))
        for action in BrowserAction.allCases { #expect(bound.contains(action), "\(action) has no binding") }
    }

    /// Each key of each binding, pressed in a state where it applies, has its effect.
    @Test(arguments: BoundKey.all)
    func everyBoundKeyHasItsEffect(_ bound: BoundKey) {
        for before in KeymapScenario.states(for: bound.binding) {
            check(bound, from: before)
        }
    }

    private func check(_ bound: BoundKey, from before: BrowserState) {
        let applies = Browser.contexts(for: before).contains(bound.binding.context)
        #expect(applies, "the scenario is not in the binding's context")
        var after = before
        let effects = Browser.update(&after, .key(bound.key))
        let hadEffect = KeymapScenario.hasEffect(bound.binding, before: before, after: after, effects: effects)
        #expect(hadEffect, "\(bound.testDescription) had no effect")
    }
}

/// States in which each binding applies, and what each action must change.
enum KeymapScenario {
    /// Moving keys are tried in a list, in a detail and in search results.
    static func states(for binding: KeyBinding) -> [BrowserState] {
        guard binding.context == .moving else { return [state(for: binding)] }
        var list = makeState(width: 80, height: 24)
        list.send(.character("3"), .down, .down)
        var detail = detailState()
        var results = resultsState()
        if [.moveUp, .moveToTop, .pageUp, .halfPageUp].contains(binding.action) {
            detail.send(.pageDown, .pageDown)
            results.send(.down)
        }
        return [list, detail, results]
    }

    static func state(for binding: KeyBinding) -> BrowserState {
        switch (binding.context, binding.action) {
        case (.browsing, .back):
            var state = detailState()
            state.send(.tab, .enter)
            return state
        case (.browsing, .forward):
            var state = detailState()
            state.send(.tab, .enter, .escape)
            return state
        case (.browsing, .nextResult), (.browsing, .previousResult):
            var state = resultsState()
            state.send(.down)
            return state
        case (.lists, .clearFacet):
            var state = makeState()
            state.send(.character("2"), .enter)
            return state
        case (.lists, .paneLeft), (.lists, .paneRight):
            var state = makeState()
            state.send(.character("3"))
            return state
        case (.lists, _):
            var state = makeState(width: 80, height: 24)
            state.send(.character("3"), .down, .down)
            return state
        case (.detail, _):
            var state = detailState()
            if binding.action == .followLink || binding.action == .previousLink { state.send(.tab, .tab) }
            return state
        case (.results, _):
            return resultsState()
        case (.help, .scrollHelpUp):
            var state = makeState(width: 80, height: 24)
            state.send(.character("?"), .pageDown)
            return state
        case (.queryLine, .olderQuery), (.queryLine, .newerQuery):
            var state = makeState()
            state.send(.character("/"))
            state.type("gold")
            state.send(.enter, .escape, .character("/"))
            state.type("sat")
            if binding.action == .newerQuery { state.send(.up) }
            return state
        case (.item, _):
            var state = makeState(width: 80, height: 24)
            state.send(.character("3"), .down)
            return state
        case (.queryLine, _):
            var state = makeState()
            state.send(.character("/"))
            state.type("gold sat")
            state.send(.left, .left)
            return state
        case (.help, _):
            var state = makeState(width: 80, height: 24)
            state.send(.character("?"))
            return state
        case (.always, _), (.browsing, _), (.moving, _):
            return makeState()
        }
    }

    /// Intersputnik's detail at 80×24, where it is longer than the screen.
    static func detailState() -> BrowserState {
        makeState(width: 80, height: 24, openItem: "intersputnik")
    }

    static func resultsState() -> BrowserState {
        var state = makeState(width: 80, height: 24)
        state.send(.character("/"))
        state.type("intersputnik")
        state.send(.enter)
        return state
    }

    static func hasEffect(_ binding: KeyBinding, before: BrowserState, after: BrowserState, effects: [BrowserEffect]) -> Bool {
        let b = before.navigation, a = after.navigation
        switch binding.action {
        case .quit, .forceQuit: return after.shouldQuit
        case .showHelp: return !before.isShowingHelp && after.isShowingHelp
        case .closeHelp: return before.isShowingHelp && !after.isShowingHelp
        case .scrollHelpDown: return after.isShowingHelp && after.helpScroll > before.helpScroll
        case .scrollHelpUp: return after.isShowingHelp && after.helpScroll < before.helpScroll
        case .startSearch: return after.search?.isEditing == true
        case .nextResult: return after.search?.position.selection == (before.search?.position.selection ?? 0) + 1
        case .previousResult: return after.search?.position.selection == (before.search?.position.selection ?? 0) - 1
        case .back: return a.historyIndex == b.historyIndex - 1
        case .forward: return a.historyIndex == b.historyIndex + 1
        case .focusOrganizations: return a.focus == .pane(.organizations)
        case .focusSectors: return a.focus == .pane(.sectors)
        case .focusNews: return a.focus == .pane(.news)
        case .nextPane: return b.focus == .pane(.news) && a.focus == .pane(.organizations)
        case .previousPane: return b.focus == .pane(.news) && a.focus == .pane(.sectors)
        case .paneLeft: return b.focus == .pane(.news) && a.focus == .pane(.organizations)
        case .paneRight: return b.focus == .pane(.news) && a.focus == .detail
        case .moveDown, .moveUp, .moveToTop, .moveToBottom, .pageDown, .pageUp, .halfPageDown, .halfPageUp:
            return movedAsExpected(binding.action, before: before, after: after)
        case .open:
            return a.isDetailOpen && !b.isDetailOpen
        case .clearFacet: return b.facet != nil && a.facet == nil
        case .nextLink, .previousLink:
            return a.currentDetail?.selectedLink != nil && a.currentDetail?.selectedLink != b.currentDetail?.selectedLink
        case .followLink:
            guard let link = b.currentDetail?.selectedLink, let target = b.currentDetail?.document?.links[link].target else { return false }
            return a.currentDetail?.target == target && a.historyIndex == b.historyIndex + 1
        case .closeSearch, .cancelQuery:
            return after.search == nil && before.search != nil && a == before.search?.returnPoint
        case .submitQuery: return before.search?.isEditing == true && after.search?.isEditing == false
        case .cursorLeft: return after.search?.query.cursor == (before.search?.query.cursor ?? 0) - 1
        case .cursorRight: return after.search?.query.cursor == (before.search?.query.cursor ?? 0) + 1
        case .cursorToStart: return after.search?.query.cursor == 0
        case .cursorToEnd: return after.search?.query.cursor == after.search?.query.characters.count
        case .deleteBackward: return after.search?.query.text == "gold at"
        case .deleteForward: return after.search?.query.text == "gold st"
        case .deleteWord: return after.search?.query.text == "gold at" && after.search?.query.cursor == 5
        case .deleteToStart: return after.search?.query.text == "at"
        case .olderQuery: return after.search?.query.text == "gold"
        case .newerQuery: return after.search?.query.text == "sat"
        case .insertCharacter: return false
        case .toggleStar: return effects == [.setStarred(ItemReference(.news, newsID(before)), true)]
        case .toggleRead: return effects == [.setRead(ItemReference(.news, newsID(before)), true)]
        case .editNote: return effects == [.editNote(ItemReference(.news, newsID(before)), current: nil)]
        case .openSource: return effects.count == 1 && effects.allSatisfy { if case .openURL = $0 { true } else { false } }
        case .copySource: return effects.count == 1 && effects.allSatisfy { if case .copyURL = $0 { true } else { false } }
        case .reload: return effects == [.reload]
        }
    }

    /// The id of the news item selected in the News pane.
    private static func newsID(_ state: BrowserState) -> String {
        state.news[state.navigation[.news].selection].id
    }

    private static func movedAsExpected(_ action: BrowserAction, before: BrowserState, after: BrowserState) -> Bool {
        let (old, new, last): (Int, Int, Int)
        switch before.navigation.focus {
        case .pane(let pane):
            (old, new, last) = (before.navigation[pane].selection, after.navigation[pane].selection, before.count(of: pane) - 1)
        case .results:
            (old, new, last) = (before.search?.position.selection ?? 0, after.search?.position.selection ?? 0, (before.search?.hits.count ?? 0) - 1)
        case .detail:
            let rows = before.layout.detailRows
            (old, new, last) = (before.navigation.currentDetail?.scroll ?? 0, after.navigation.currentDetail?.scroll ?? 0,
                                (before.navigation.currentDetail?.document?.lines.count ?? 0) - rows)
        }
        switch action {
        case .moveDown: return new == old + 1
        case .moveUp: return new == old - 1
        case .moveToTop: return old > 0 && new == 0
        case .moveToBottom: return new == last && old != last
        case .pageDown, .halfPageDown: return new > old
        case .pageUp, .halfPageUp: return new < old
        default: return false
        }
    }
}
