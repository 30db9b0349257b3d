import Foundation
@testable import Browser
import Catalog
import Screen
import Testing

/// A small deterministic random generator (SplitMix64), so failures repeat.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// True when no cell holds a control character (C0, DEL, C1) or a bidirectional control.
func isSafe(_ frame: Frame) -> Bool {
    frame.cells.allSatisfy { cell in
        cell.grapheme.unicodeScalars.allSatisfy { scalar in
            let v = scalar.value
            return v >= 0x20 && v != 0x7F && !(0x80...0x9F).contains(v)
                && !(0x202A...0x202E).contains(v) && !(0x2066...0x2069).contains(v)
        }
    }
}

@Suite struct RenderTests {
    @Test func everySizeFrom1x1To60x25ShowsTheScreenOrAskToEnlarge() {
        // Each state, with a text it must show at any size the layout accepts.
        var states: [(state: BrowserState, shows: String)] = [(makeState(), "Organizations"),
                                                              (makeState(openItem: "intersputnik"), "Intersputnik"),
                                                              (makeState(query: "gold"), "Gold")]
        var help = makeState()
        help.send(.character("?"))
        states.append((help, "Keys"))
        var typing = makeState()
        typing.send(.character("/"))
        typing.type("sat")
        states.append((typing, "/sat"))
        for (start, shows) in states {
            var state = start
            for width in 1...60 {
                for height in 1...25 {
                    Browser.update(&state, .resize(width: width, height: height))
                    let frame = Browser.render(state)
                    let text = frame.text
                    let size = "\(width)×\(height)"
                    if width < Layout.minimumWidth || height < Layout.minimumHeight {
                        // Too small: the request to enlarge, whole when it fits, else cut.
                        if width >= 5 {
                            #expect(text.contains("\(Layout.minimumWidth)×\(Layout.minimumHeight)"), "\(size)")
                        } else {
                            #expect(text.contains("…"), "\(size)")
                        }
                        #expect(!text.contains("ITU Browser"), "\(size)")
                    } else {
                        #expect(frame.line(0).hasPrefix(" ITU Browser"), "\(size)")
                        #expect(text.contains(shows), "\(size): \(shows) missing")
                        #expect(!frame.line(height - 1).trimmingCharacters(in: .whitespaces).isEmpty, "\(size): no status line")
                        #expect(!text.contains("40×10"), "\(size)")
                    }
                }
            }
        }
    }

    @Test func randomLargeSizesRender() {
        var random = SeededRandom(state: 7)
        var state = makeState(TestCatalog.large(newsCount: 2000))
        for _ in 0..<25 {
            let (w, h) = (Int.random(in: 60...400, using: &random), Int.random(in: 20...200, using: &random))
            Browser.update(&state, .resize(width: w, height: h))
            let frame = Browser.render(state)
            #expect(frame.width == w && frame.height == h)
        }
    }

    @Test func randomEventSequencesNeverCrash() {
        let keys: [Key] = Keymap.bindings.flatMap(\.keys) + [.character("x"), .character("Ж"), .character("衛"), .function(5), .alt("x")]
        for seed in 1...12 {
            var random = SeededRandom(state: UInt64(seed))
            var state = makeState(seed % 2 == 0 ? TestCatalog.small : TestCatalog.hostile,
                                  width: Int.random(in: 1...160, using: &random), height: Int.random(in: 1...50, using: &random))
            for _ in 0..<400 {
                let event: InputEvent
                switch Int.random(in: 0..<20, using: &random) {
                case 0: event = .resize(width: Int.random(in: 0...160, using: &random), height: Int.random(in: 0...50, using: &random))
                case 1, 2:
                    let kinds: [MouseEvent.Kind] = [.press, .wheelUp, .wheelDown]
                    event = .mouse(MouseEvent(kind: kinds[Int.random(in: 0..<3, using: &random)],
                                              x: Int.random(in: -2...170, using: &random), y: Int.random(in: -2...55, using: &random)))
                default:
                    let key = keys[Int.random(in: 0..<keys.count, using: &random)]
                    if key == .control("c") || key == .character("q") { continue }
                    event = .key(key)
                }
                Browser.update(&state, event)
                let frame = Browser.render(state)
                #expect(frame.width == state.width && frame.height == state.height)
                #expect(isSafe(frame))
            }
        }
    }

    @Test func hostileTextRendersAsPlaceholdersEverywhere() {
        var states: [BrowserState] = []
        for (w, h) in [(140, 40), (80, 24), (100, 30), (45, 12)] {
            let base = makeState(TestCatalog.hostile, width: w, height: h)
            states.append(base)
            states.append(makeState(TestCatalog.hostile, width: w, height: h, openItem: "evil"))
            states.append(makeState(TestCatalog.hostile, width: w, height: h, openItem: "evil-news"))
            states.append(makeState(TestCatalog.hostile, width: w, height: h, openItem: "ITU-R"))
            #expect(isSafe(Browser.render(makeState(TestCatalog.hostile, width: w, height: h, openItem: "empty-news"))))
            var news = base
            news.send(.character("3"))
            states.append(news)
            var searching = base
            searching.send(.character("/"))
            searching.type("evil\u{1B}[2J")
            states.append(searching)
        }
        for state in states {
            let frame = Browser.render(state)
            #expect(isSafe(frame))
            #expect(frame.text.contains("␛") || frame.width < 60)
        }
    }

    @Test func notRecordedIsShownForMissingFields() {
        let state = makeState(openItem: "imso")
        let screen = state.screen
        #expect(screen.contains("Founded        not recorded"))
        #expect(screen.contains("not recorded"))
    }

    @Test func focusedPaneTitleIsReversedAndSelectionIsBold() throws {
        let state = makeState()
        let frame = Browser.render(state)
        let title = try #require(find("1 Organizations", in: frame))
        #expect(frame[title.x, title.y].style.attributes.contains(.reverse))
        let other = try #require(find("3 News", in: frame))
        #expect(!frame[other.x, other.y].style.attributes.contains(.reverse))
        let list = try #require(state.layout.panes[.organizations]).content
        #expect(frame.line(list.y).contains("Apple Inc."))
        #expect(frame[list.x + 1, list.y].style.attributes.isSuperset(of: [.reverse, .bold]))
    }

    @Test func everyColoredStyleAlsoHasAnAttribute() {
        let styles = [Theme.statusMessage, Theme.statusProblem, Theme.focusedBorder, Theme.heading, Theme.date, Theme.link,
                      Theme.selectedLink, Theme.highlight, Theme.typeMarker, Theme.helpKey, Theme.helpHeading]
        for style in styles where style.foreground != .terminalDefault && style.foreground != .white {
            let meaningful = style.attributes.subtracting(.dim)
            #expect(!meaningful.isEmpty || style == Theme.date, "a colored style has no attribute")
        }
    }

    @Test func listsDrawOnlyVisibleRowsOfAHugeList() {
        var state = makeState(TestCatalog.large(newsCount: 100_000))
        state.send(.character("3"), .character("G"))
        let frame = Browser.render(state)
        #expect(frame.text.contains("Generated item 99999"))
        #expect(frame.text.contains("100000/100000"))
    }
}
