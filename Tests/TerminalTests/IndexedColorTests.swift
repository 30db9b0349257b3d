import CNcurses
import Screen
import Testing
@testable import Terminal

/// 256-color numbers chosen in the config reach ncurses, and fall back on smaller terminals.
@Suite struct IndexedColorTests {
    @Test func a256ColorTerminalGetsTheNumberItself() {
        var allocated: [(Int16, Int16, Int16)] = []
        var palette = ColorPalette(enabled: true, hasDefaultColors: true, pairLimit: 256, colorCount: 256) { pair, fg, bg in
            allocated.append((pair, fg, bg))
            return true
        }
        #expect(palette.pair(foreground: .indexed(208), background: .terminalDefault) == 1)
        #expect(allocated.map(\.1) == [208])
        #expect(palette.color(fromCurses: 208) == .indexed(208))
    }

    @Test func anEightColorTerminalShowsBrightColorsAsTheirBaseAndOthersInTheDefault() {
        let palette = ColorPalette(enabled: true, hasDefaultColors: true, pairLimit: 64, colorCount: 8) { _, _, _ in true }
        #expect(palette.cursesColor(.indexed(12), isBackground: false) == Int16(COLOR_BLUE))
        #expect(palette.cursesColor(.indexed(3), isBackground: false) == Int16(COLOR_YELLOW))
        #expect(palette.cursesColor(.indexed(208), isBackground: false) == -1)
    }

    @Test func noColorStillPaintsIndexedColorsWithPairZero() {
        var palette = ColorPalette(enabled: false, hasDefaultColors: true, pairLimit: 256, colorCount: 256) { _, _, _ in
            Issue.record("no pair may be allocated")
            return true
        }
        #expect(palette.pair(foreground: .indexed(208), background: .indexed(17)) == 0)
    }
}
