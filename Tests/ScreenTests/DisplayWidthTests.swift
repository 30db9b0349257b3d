import Testing
@testable import Screen

@Suite struct DisplayWidthTests {
    @Test func asciiIsOneColumnPerCharacter() {
        #expect(DisplayWidth.of("Intersputnik") == 12)
    }

    @Test func cyrillicIsOneColumnPerLetter() {
        #expect(DisplayWidth.of("Интерспутник") == 12)
    }

    @Test func cjkIsTwoColumnsPerCharacter() {
        #expect(DisplayWidth.of("国际电信联盟") == 12)
        #expect(DisplayWidth.of("ひらがな") == 8)
        #expect(DisplayWidth.of("한국") == 4)
    }

    @Test func emojiIsTwoColumns() {
        #expect(DisplayWidth.of(Character("🛰")) == 1, "text-presentation emoji stay one column, as wcwidth says")
        #expect(DisplayWidth.of(Character("🛰\u{FE0F}")) == 2)
        #expect(DisplayWidth.of(Character("😀")) == 2)
        #expect(DisplayWidth.of(Character("👩‍🚀")) == 2)
        #expect(DisplayWidth.of(Character("🇺🇳")) == 2)
    }

    @Test func combiningMarksAddNoWidth() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("Zürich") == 6)
    }
}
