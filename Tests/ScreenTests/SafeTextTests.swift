import Testing
@testable import Screen

@Suite struct SafeTextTests {
    @Test func escapeSequencesBecomeVisiblePlaceholders() {
        #expect(SafeText.sanitize("a\u{1B}[31mred") == "a␛[31mred")
        #expect(SafeText.sanitize("\u{1B}]0;title\u{07}") == "␛]0;title␇")
    }

    @Test func carriageReturnTabAndNewlineAreShown() {
        #expect(SafeText.sanitize("a\rb\tc\nd") == "a␍b␉c␊d")
    }

    @Test func deleteAndC1ControlsAreReplaced() {
        #expect(SafeText.sanitize("x\u{7F}y") == "x␡y")
        #expect(SafeText.sanitize("x\u{9B}31m") == "x\u{FFFD}31m")
    }

    @Test func bidirectionalOverridesAreReplaced() {
        #expect(SafeText.sanitize("abc\u{202E}def") == "abc\u{FFFD}def")
        #expect(SafeText.sanitize("\u{2066}x\u{2069}") == "\u{FFFD}x\u{FFFD}")
    }

    @Test func ordinaryTextInAnyScriptIsUnchanged() {
        let text = "Интерспутник 国际电信联盟 Zürich 😀"
        #expect(SafeText.sanitize(text) == text)
    }

    @Test func sanitizedTextHasNoControlScalars() {
        var hostile = ""
        for v in 0..<0xA0 { hostile.unicodeScalars.append(Unicode.Scalar(UInt8(v))) }
        let clean = SafeText.sanitize(hostile)
        #expect(!clean.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }
}
