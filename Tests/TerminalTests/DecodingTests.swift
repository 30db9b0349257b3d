import Testing
import CNcurses
import Screen
@testable import Terminal

/// The pure parts: no ncurses screen is opened here.
struct DecodingTests {
    @Test func functionKeyCodes() {
        #expect(KeyDecoder.key(forFunctionKey: KEY_UP) == .up)
        #expect(KeyDecoder.key(forFunctionKey: KEY_FIND) == .home)
        #expect(KeyDecoder.key(forFunctionKey: KEY_SELECT) == .end)
        #expect(KeyDecoder.key(forFunctionKey: KEY_ENTER) == .enter)
        #expect(KeyDecoder.key(forFunctionKey: KEY_BACKSPACE) == .backspace)
        #expect(KeyDecoder.key(forFunctionKey: itu_key_f(1)) == .function(1))
        #expect(KeyDecoder.key(forFunctionKey: itu_key_f(12)) == .function(12))
        #expect(KeyDecoder.key(forFunctionKey: itu_key_f(13)) == nil)
        #expect(KeyDecoder.key(forFunctionKey: itu_key_f(0)) == nil)
        #expect(KeyDecoder.key(forFunctionKey: KEY_B2) == nil)
        #expect(KeyDecoder.key(forFunctionKey: -5) == nil)
    }

    /// Found by the key-decoder fuzz target: the function-key number was computed in Int32 and
    /// overflowed (a trap) for the most negative codes.
    @Test func extremeFunctionKeyCodesAreNotKeys() {
        #expect(KeyDecoder.key(forFunctionKey: Int32.min) == nil)
        #expect(KeyDecoder.key(forFunctionKey: Int32.min + 1) == nil)
        #expect(KeyDecoder.key(forFunctionKey: Int32.max) == nil)
    }

    @Test func characterCodes() {
        #expect(KeyDecoder.key(forCharacter: 0x1A) == .control("z"))
        #expect(KeyDecoder.key(forCharacter: 0x7F) == .backspace)
        #expect(KeyDecoder.key(forCharacter: 0) == nil)
        #expect(KeyDecoder.key(forCharacter: 0x9B) == nil)
        #expect(KeyDecoder.key(forCharacter: 0xD800) == nil)
        #expect(KeyDecoder.key(forCharacter: 0x110000) == nil)
        #expect(KeyDecoder.key(forCharacter: 0x416) == .character("Ж"))
    }

    @Test func altNeedsAPrintableFollowUp() {
        #expect(KeyDecoder.altCharacter(after: .character(0x78)) == "x")
        #expect(KeyDecoder.altCharacter(after: .character(0x1B)) == nil)
        #expect(KeyDecoder.altCharacter(after: .character(0x09)) == nil)
        #expect(KeyDecoder.altCharacter(after: .functionKey(KEY_UP)) == nil)
    }

    @Test func paddingIsRemovedFromTerminfoStrings() {
        #expect(TerminfoString.withoutPadding(Array("\u{1B}[m\u{0F}$<2>".utf8)) == Array("\u{1B}[m\u{0F}".utf8))
        #expect(TerminfoString.withoutPadding(Array("a$<5*/>b$c".utf8)) == Array("ab$c".utf8))
    }

    @Test func paletteAllocatesPairsOnDemandAndFallsBackWhenFull() {
        var allocated: [(Int16, Int16, Int16)] = []
        var palette = ColorPalette(enabled: true, hasDefaultColors: true, pairLimit: 3) { pair, fg, bg in
            allocated.append((pair, fg, bg))
            return true
        }
        #expect(palette.pair(foreground: .terminalDefault, background: .terminalDefault) == 0)
        #expect(palette.pair(foreground: .red, background: .terminalDefault) == 1)
        #expect(palette.pair(foreground: .green, background: .blue) == 2)
        #expect(palette.pair(foreground: .red, background: .terminalDefault) == 1)
        #expect(palette.pair(foreground: .red, background: .yellow) == 1)
        #expect(palette.pair(foreground: .cyan, background: .black) == 0)
        #expect(allocated.map(\.0) == [1, 2])
        #expect(allocated.map(\.1) == [Int16(COLOR_RED), Int16(COLOR_GREEN)])
        #expect(allocated.map(\.2) == [-1, Int16(COLOR_BLUE)])
    }

    @Test func paletteWithoutDefaultColorsUsesWhiteOnBlack() {
        let palette = ColorPalette(enabled: true, hasDefaultColors: false, pairLimit: 64) { _, _, _ in true }
        #expect(palette.cursesColor(.terminalDefault, isBackground: false) == Int16(COLOR_WHITE))
        #expect(palette.cursesColor(.terminalDefault, isBackground: true) == Int16(COLOR_BLACK))
    }

    @Test func disabledPaletteAlwaysUsesPairZero() {
        var palette = ColorPalette(enabled: false, hasDefaultColors: true, pairLimit: 64) { _, _, _ in
            Issue.record("no pair may be allocated")
            return true
        }
        #expect(palette.pair(foreground: .red, background: .blue) == 0)
    }
}
