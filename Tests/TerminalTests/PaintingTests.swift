import Testing
import Screen
@testable import Terminal

extension HeadlessTerminalTests {
    @Suite struct Painting {
        @Test func plainTextAppearsWhereTheFramePutsIt() throws {
            try withHeadless { terminal in
                terminal.paint(frame("Hello, ITU", x: 2, y: 1))
                let rows = terminal.screenText()
                #expect(rows.count == 6)
                #expect(rows[0].withoutTrailingSpaces == "")
                #expect(rows[1].withoutTrailingSpaces == "  Hello, ITU")
                #expect(rows[1].count == 40)
            }
        }

        @Test func wideCharactersTakeTwoColumnsEach() throws {
            try withHeadless { terminal in
                terminal.paint(frame("国际电信 ITU"))
                #expect(terminal.screenText()[0].withoutTrailingSpaces == "国际电信 ITU")
                #expect(terminal.cell(x: 0, y: 0)?.grapheme == "国")
                #expect(terminal.cell(x: 2, y: 0)?.grapheme == "际")
                #expect(terminal.cell(x: 6, y: 0)?.grapheme == "信")
                #expect(terminal.cell(x: 8, y: 0)?.grapheme == " ")
                #expect(terminal.cell(x: 9, y: 0)?.grapheme == "I")
            }
        }

        @Test func emojiTakesTwoColumns() throws {
            try withHeadless { terminal in
                terminal.paint(frame("👍 ok"))
                #expect(terminal.cell(x: 0, y: 0)?.grapheme == "👍")
                #expect(terminal.cell(x: 3, y: 0)?.grapheme == "o")
                #expect(terminal.cell(x: 4, y: 0)?.grapheme == "k")
            }
        }

        @Test func escapeInDataIsShownAsItsPlaceholder() throws {
            try withHeadless { terminal in
                terminal.paint(frame("a\u{1B}[31mb"))
                #expect(terminal.screenText()[0].withoutTrailingSpaces == "a␛[31mb")
            }
        }

        @Test func controlCharactersStoredRawInCellsAreNeverWritten() throws {
            try withHeadless { terminal in
                var hostile = Frame(width: 40, height: 6)
                hostile[0, 0] = Cell(grapheme: "\u{1B}]0;PWNED\u{07}")
                hostile[1, 0] = Cell(grapheme: "\u{1B}")
                hostile[2, 0] = Cell(grapheme: "\r")
                hostile[3, 0] = Cell(grapheme: "\u{9B}")
                hostile[4, 0] = Cell(grapheme: "")
                terminal.paint(hostile)
                #expect(terminal.cell(x: 0, y: 0)?.grapheme == "␛")
                #expect(terminal.cell(x: 1, y: 0)?.grapheme == "␛")
                #expect(terminal.cell(x: 2, y: 0)?.grapheme == "␍")
                #expect(terminal.cell(x: 3, y: 0)?.grapheme == "\u{FFFD}")
                #expect(terminal.cell(x: 4, y: 0)?.grapheme == " ")
                let written = terminal.writtenBytes()
                #expect(!written.isEmpty)
                #expect(!written.contains(0x07))
                #expect(!written.contains(0x0D))
                #expect(written.firstRange(of: Array("PWNED".utf8)) == nil)
                #expect(written.firstRange(of: Array("\u{1B}]0;".utf8)) == nil)
            }
        }

        @Test func attributesAreKept() throws {
            try withHeadless { terminal in
                var painted = Frame(width: 40, height: 6)
                painted.write("bold", x: 0, y: 0, style: Style(attributes: .bold))
                painted.write("rev", x: 0, y: 1, style: Style(attributes: [.reverse, .underline]))
                terminal.paint(painted)
                #expect(terminal.cell(x: 0, y: 0)?.attributes == .bold)
                #expect(terminal.cell(x: 2, y: 1)?.attributes == [.reverse, .underline])
                #expect(terminal.cell(x: 6, y: 0)?.attributes == [])
            }
        }

        @Test func colorsAreReadBack() throws {
            try withHeadless { terminal in
                #expect(terminal.usesColor)
                var painted = Frame(width: 40, height: 6)
                painted.write("red on blue", x: 0, y: 0, style: Style(foreground: .red, background: .blue))
                painted.write("cyan", x: 0, y: 1, style: Style(foreground: .cyan, attributes: .bold))
                terminal.paint(painted)
                let redOnBlue = try #require(terminal.cell(x: 0, y: 0))
                #expect(redOnBlue.colorPair != 0)
                #expect(redOnBlue.foreground == .red)
                #expect(redOnBlue.background == .blue)
                let cyan = try #require(terminal.cell(x: 0, y: 1))
                #expect(cyan.colorPair != 0 && cyan.colorPair != redOnBlue.colorPair)
                #expect(cyan.foreground == .cyan)
                #expect(cyan.background == .terminalDefault)
                #expect(cyan.attributes == .bold)
                #expect(terminal.cell(x: 20, y: 0)?.colorPair == 0)
            }
        }

        @Test(arguments: [
            ("xterm-256color", ["NO_COLOR": "1"]),
            ("xterm", ["NO_COLOR": "yes"]),
            ("vt100", [:]),
        ])
        func withoutColorOnlyAttributesArePainted(term: String, environment: [String: String]) throws {
            try withHeadless(term: term, environment: environment) { terminal in
                #expect(!terminal.usesColor)
                var painted = Frame(width: 40, height: 6)
                painted.write("alert", x: 0, y: 0, style: Style(foreground: .red, background: .blue, attributes: .bold))
                painted.write("quiet", x: 0, y: 1, style: Style(foreground: .green, attributes: .reverse))
                terminal.paint(painted)
                for y in 0..<6 {
                    for x in 0..<40 { #expect(terminal.cell(x: x, y: y)?.colorPair == 0) }
                }
                #expect(terminal.cell(x: 0, y: 0)?.attributes == .bold)
                #expect(terminal.cell(x: 0, y: 1)?.attributes == .reverse)
                #expect(terminal.screenText()[0].withoutTrailingSpaces == "alert")
            }
        }

        @Test func anEmptyNoColorKeepsColors() throws {
            try withHeadless(environment: ["NO_COLOR": ""]) { terminal in
                #expect(terminal.usesColor)
            }
        }

        @Test func aLargerFrameIsClipped() throws {
            try withHeadless(width: 10, height: 3) { terminal in
                var large = Frame(width: 30, height: 8)
                large.write("0123456789ABCDEF", x: 0, y: 0)
                large.write("国际电信国际电信", x: 1, y: 1)
                large.write("below", x: 0, y: 7)
                terminal.paint(large)
                let rows = terminal.screenText()
                #expect(rows.count == 3)
                #expect(rows[0] == "0123456789")
                // "信" would straddle the right edge at column 9: it is left out, not split.
                #expect(rows[1] == " 国际电信 ")
            }
        }

        @Test func aSmallerFrameIsPaddedWithBlanks() throws {
            try withHeadless(width: 10, height: 3) { terminal in
                var full = Frame(width: 10, height: 3)
                for y in 0..<3 { full.write("XXXXXXXXXX", x: 0, y: y) }
                terminal.paint(full)
                #expect(terminal.screenText() == ["XXXXXXXXXX", "XXXXXXXXXX", "XXXXXXXXXX"])
                terminal.paint(frame(width: 4, height: 1, "ab"))
                #expect(terminal.screenText() == ["ab        ", "          ", "          "])
            }
        }

        @Test func aChangedFrameReplacesTheScreen() throws {
            try withHeadless(width: 12, height: 2) { terminal in
                terminal.paint(frame(width: 12, height: 2, "国际 News"))
                terminal.paint(frame(width: 12, height: 2, "a国 Sectors"))
                #expect(terminal.screenText()[0] == "a国 Sectors ")
                terminal.paint(frame(width: 12, height: 2, "国际 News"))
                #expect(terminal.screenText()[0] == "国际 News   ")
            }
        }

        @Test func theCursorGoesWhereTheFrameSays() throws {
            try withHeadless { terminal in
                var query = frame("/ gold", y: 5)
                query.cursor = (x: 6, y: 5)
                terminal.paint(query)
                #expect(terminal.cursorPosition == (6, 5))
            }
        }
    }
}
