import Testing
@testable import Screen

@Suite struct TextLayoutTests {
    @Test func wrapBreaksAtSpaces() {
        #expect(TextLayout.wrap("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
    }

    @Test func wrapSplitsWordsLongerThanALine() {
        #expect(TextLayout.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    }

    @Test func wrapCountsWideCharactersAsTwoColumns() {
        #expect(TextLayout.wrap("国际电信联盟", width: 5) == ["国际", "电信", "联盟"])
    }

    @Test func wrapKeepsParagraphsAndBlankLines() {
        #expect(TextLayout.wrap("a b\n\nc", width: 10) == ["a b", "", "c"])
    }

    @Test func truncateAndPadUseDisplayWidth() {
        #expect(TextLayout.truncate("Интерспутник", to: 6) == "Интер…")
        #expect(TextLayout.pad("电信", to: 6) == "电信  ")
        #expect(TextLayout.truncate("abc", to: 0) == "")
    }
}
