import Testing
@testable import Screen

@Suite struct FrameTests {
    @Test func writeTruncatesWithEllipsis() {
        var frame = Frame(width: 10, height: 1)
        let used = frame.write("Intersputnik", x: 0, y: 0)
        #expect(used == 10)
        #expect(frame.line(0) == "Intersput…")
    }

    @Test func wideGraphemesTakeTwoCellsWithAContinuation() {
        var frame = Frame(width: 10, height: 1)
        frame.write("电信ab", x: 0, y: 0)
        #expect(frame[0, 0].grapheme == "电")
        #expect(frame[0, 0].width == 2)
        #expect(frame[1, 0].isContinuation)
        #expect(frame[4, 0].grapheme == "a")
        #expect(frame.line(0) == "电信ab    ")
    }

    @Test func aWideGraphemeIsNeverSplitAtTheEdge() {
        var frame = Frame(width: 5, height: 1)
        frame.write("ab电信", x: 0, y: 0)
        #expect(frame.line(0) == "ab电…")
        for x in 0..<5 where frame[x, 0].width == 2 { #expect(x + 1 < 5) }
    }

    @Test func writingOutsideTheFrameIsIgnored() {
        var frame = Frame(width: 3, height: 2)
        frame.write("hello", x: 5, y: 0)
        frame.write("hello", x: 0, y: 7)
        frame.write("hello", x: -2, y: 1)
        #expect(frame.text == "\nllo")
    }

    @Test func controlCharactersAreStoredAsPlaceholders() {
        var frame = Frame(width: 12, height: 1)
        frame.write("a\u{1B}[2Jb", x: 0, y: 0)
        #expect(frame.line(0).hasPrefix("a␛[2Jb"))
        #expect(!frame.cells.contains { $0.grapheme.unicodeScalars.contains { $0.value < 0x20 } })
    }

    @Test func styledRunsKeepTheirStyles() {
        var frame = Frame(width: 10, height: 1)
        let bold = Style(attributes: .bold)
        frame.write(runs: [("ab", .plain), ("cd", bold)], x: 0, y: 0)
        #expect(frame[1, 0].style == .plain)
        #expect(frame[2, 0].style == bold)
    }

    @Test func zeroSizedFramesAreSafe() {
        var frame = Frame(width: 0, height: 0)
        frame.write("x", x: 0, y: 0)
        frame.fill(x: 0, y: 0, width: 5, height: 5)
        #expect(frame.text == "")
    }
}
