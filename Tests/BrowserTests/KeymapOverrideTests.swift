@testable import Browser
import Catalog
import Screen
import Testing

/// Keys rebound by a config: names parsed, overrides applied to `update` and to the help.
@Suite struct KeymapOverrideTests {
    static func keys(_ overrides: [(String, [Key])]) throws(BoundKeys.Problems) -> BoundKeys {
        try BoundKeys.overriding(overrides.map { BoundKeys.Override(action: $0.0, keys: $0.1) })
    }

    static func problems(_ overrides: [(String, [Key])]) -> [String] {
        do throws(BoundKeys.Problems) {
            _ = try keys(overrides)
            return []
        } catch {
            return error.problems.map(\.message)
        }
    }

    @Test func everyKeyOfTheKeymapIsFoundByItsName() {
        for binding in Keymap.bindings {
            for key in binding.keys {
                #expect(KeyBinding.key(named: KeyBinding.name(of: key)) == key, "\(KeyBinding.name(of: key))")
            }
        }
    }

    @Test func namesAcceptTheUsualSpellingsAndRejectOthers() {
        #expect(KeyBinding.key(named: "ctrl-n") == .control("n"))
        #expect(KeyBinding.key(named: "C-N") == .control("n"))
        #expect(KeyBinding.key(named: "Alt-x") == .alt("x"))
        #expect(KeyBinding.key(named: "pagedown") == .pageDown)
        #expect(KeyBinding.key(named: "RETURN") == .enter)
        #expect(KeyBinding.key(named: "F12") == .function(12))
        #expect(KeyBinding.key(named: "G") == .character("G"))
        for bad in ["", "Hyper-K", "Ctrl-1", "Ctrl-", "F0", "F25", "jj", " ", "Ctrl-ab"] {
            #expect(KeyBinding.key(named: bad) == nil, "\(bad)")
        }
    }

    @Test func actionNamesAreTheKebabCaseOfTheTableAndLeaveCtrlCAlone() {
        #expect(Keymap.actionNames.first == "quit")
        #expect(Keymap.actionNames.contains("move-down") && Keymap.actionNames.contains("half-page-up"))
        #expect(!Keymap.actionNames.contains("force-quit") && !Keymap.actionNames.contains("insert-character"))
        #expect(Keymap.defaultKeyNames["move-down"] == ["j", "↓"])
    }

    @Test func aRemappedKeyDrivesUpdateAndTheOldKeyNoLongerDoes() throws {
        var state = makeState()
        state.keys = try Self.keys([("quit", [.character("x")])])
        state.send(.character("q"))
        #expect(!state.shouldQuit)
        #expect(state.message == "q does nothing here — press ? for the keys")
        state.send(.character("x"))
        #expect(state.shouldQuit)
    }

    @Test func anActionBoundInSeveralContextsGetsTheNewKeysInEach() throws {
        let keys = try Self.keys([("open", [.character("e")])])
        let open = keys.bindings.filter { $0.action == .open }
        #expect(open.count == 2 && open.allSatisfy { $0.keys == [.character("e")] })
        #expect(keys.binding(for: .enter, in: .lists) == nil)
        #expect(keys.binding(for: .character("e"), in: .results)?.action == .open)
    }

    @Test func aKeyThatWouldDoTwoThingsIsRefusedNamingBoth() {
        #expect(Self.problems([("quit", [.character("j")])])
            == ["key j would do both move-down and quit; give one of them another key"])
        #expect(Self.problems([("next-result", [.character("q")]), ("quit", [.character("x")])]) == [])
        #expect(Self.problems([("jump", [.character("z")])]).first?.hasPrefix(#"unknown action "jump" — actions: quit, "#) == true)
    }

    @Test func theHelpShowsTheBindingsInForce() throws {
        var state = makeState(width: 140, height: 40)
        state.keys = try Self.keys([("quit", [.character("x")]), ("move-down", [.character("j"), .control("n")])])
        state.send(.character("?"))
        let text = Browser.render(state).text
        #expect(text.contains("x                 Quit"))
        #expect(text.contains("j Ctrl-N          Down a row"))
        #expect(!text.contains("q                 Quit"))
    }
}

/// The contexts `update` looks keys up in are the ones overrides are checked against, so a
/// rebound key never silently loses to another binding.
@Suite struct KeymapLookupChainTests {
    @Test func everyChainUpdateUsesIsCheckedForConflicts() {
        var list = makeState()
        var results = makeState()
        results.send(.character("/"))
        results.type("gold")
        let editing = results
        results.send(.enter)
        let detail = makeState(openItem: "intersputnik")
        list.send(.character("3"))
        var help = makeState()
        help.send(.character("?"))
        for state in [list, results, editing, detail, help] {
            #expect(Keymap.lookupChains.contains(Browser.contexts(for: state)), "\(Browser.contexts(for: state))")
        }
    }

    @Test func aSearchKeyTakenFromTheItemKeysIsRefused() {
        let problems = KeymapOverrideTests.problems([("start-search", [.character("s")])])
        #expect(problems == ["key s would do both toggle-star and start-search; give one of them another key"])
    }
}
