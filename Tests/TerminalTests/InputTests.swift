import Testing
import CNcurses
import Foundation
import Screen
@testable import Terminal

extension HeadlessTerminalTests {
    @Suite struct Input {
        /// The events decoded from `bytes` written into the terminal's input at once.
        func events(after bytes: [UInt8], term: String = "xterm-256color") throws -> [InputEvent] {
            try withHeadless(term: term) { terminal in
                terminal.feedInput(bytes)
                var events: [InputEvent] = []
                while let event = terminal.nextEvent(timeoutMilliseconds: 150) { events.append(event) }
                return events
            }
        }

        func events(after text: String, term: String = "xterm-256color") throws -> [InputEvent] {
            try events(after: Array(text.utf8), term: term)
        }

        @Test func printableCharactersInAnyScript() throws {
            #expect(try events(after: "qж国") == [.key(.character("q")), .key(.character("ж")), .key(.character("国"))])
        }

        @Test func aGraphemeOfSeveralScalarsIsOneKey() throws {
            #expect(try events(after: "👍🏽e\u{301}") == [.key(.character("👍🏽")), .key(.character("e\u{301}"))])
        }

        /// Sequences are written with "^[" for ESC so test names print safely.
        @Test(arguments: [
            ("^[[A", Key.up), ("^[OA", .up), ("^[[B", .down), ("^[[C", .right), ("^[[D", .left),
            ("^[[H", .home), ("^[OH", .home), ("^[[1~", .home), ("^[[7~", .home),
            ("^[[F", .end), ("^[OF", .end), ("^[[4~", .end), ("^[[8~", .end),
            ("^[[5~", .pageUp), ("^[[6~", .pageDown), ("^[[3~", .delete), ("^[[Z", .backTab),
            ("^[OP", .function(1)), ("^[[15~", .function(5)), ("^[[24~", .function(12)),
        ])
        func escapeSequencesBecomeKeys(sequence: String, key: Key) throws {
            let bytes = sequence.replacingOccurrences(of: "^[", with: "\u{1B}")
            #expect(try events(after: bytes) == [.key(key)])
        }

        @Test(arguments: ["xterm", "screen", "linux", "vt100"])
        func arrowsAndHomeWorkUnderOtherTerminals(term: String) throws {
            #expect(try events(after: "\u{1B}[A\u{1B}[1~", term: term) == [.key(.up), .key(.home)])
        }

        @Test(arguments: [
            (UInt8(127), Key.backspace), (8, .backspace), (13, .enter), (10, .enter), (9, .tab),
            (0x17, .control("w")), (0x01, .control("a")), (0x03, .control("c")), (0x1A, .control("z")),
        ])
        func controlCodesBecomeKeys(byte: UInt8, key: Key) throws {
            #expect(try events(after: [byte]) == [.key(key)])
        }

        @Test func escapeAloneIsEscape() throws {
            #expect(try events(after: "\u{1B}") == [.key(.escape)])
        }

        @Test func escapeThenACharacterIsAlt() throws {
            #expect(try events(after: "\u{1B}x\u{1B}ж") == [.key(.alt("x")), .key(.alt("ж"))])
        }

        @Test func escapeThenSomethingElseKeepsBoth() throws {
            #expect(try events(after: "\u{1B}\u{17}") == [.key(.escape), .key(.control("w"))])
        }

        @Test func ignoredCodesAreSkipped() throws {
            #expect(try events(after: [0x00, 0x1C, 0xC2, 0x85, UInt8(ascii: "k")]) == [.key(.character("k"))])
        }

        @Test func mouseReportsBecomeMouseEvents() throws {
            let pressAndRelease = "\u{1B}[<0;5;3M\u{1B}[<0;5;3m"
            #expect(try events(after: pressAndRelease) == [.mouse(MouseEvent(kind: .press, x: 4, y: 2))])
            let wheel = "\u{1B}[<64;2;2M\u{1B}[<65;7;4M"
            #expect(try events(after: wheel) == [
                .mouse(MouseEvent(kind: .wheelUp, x: 1, y: 1)),
                .mouse(MouseEvent(kind: .wheelDown, x: 6, y: 3)),
            ])
        }

        /// Found by the key-decoder fuzz target: a report without its row came out as a click at
        /// column 1009 of an 80-column screen. (The screen here is 40 × 6.)
        @Test func mouseReportsOffTheScreenAreSkipped() throws {
            let missingRow = "\u{1B}[<0;1010M"
            let beyondTheCorner = "\u{1B}[<0;41;3M\u{1B}[<64;5;7M"
            #expect(try events(after: missingRow + "a" + beyondTheCorner + "b") == [
                .key(.character("a")), .key(.character("b")),
            ])
            #expect(try events(after: "\u{1B}[<0;40;6M") == [.mouse(MouseEvent(kind: .press, x: 39, y: 5))])
        }

        @Test func unknownEscapeSequencesAreSkippedWhole() throws {
            let unknownCSI = "\u{1B}[1;5A\u{1B}[200~"
            let unknownSS3 = "\u{1B}Oz"
            #expect(try events(after: "a" + unknownCSI + "b" + unknownSS3 + "c", term: "screen") == [
                .key(.character("a")), .key(.character("b")), .key(.character("c")),
            ])
            #expect(try events(after: "\u{1B}[") == [.key(.alt("["))])
            #expect(try events(after: "\u{1B}O") == [.key(.alt("O"))])
        }

        /// The terminal is asked for SGR reports whatever its terminfo entry says, and X10
        /// reports (from terminals without SGR) are read as well, under either entry.
        @Test(arguments: ["xterm-256color", "screen", "tmux-256color", "linux"])
        func bothReportFormsWorkUnderEveryTerminal(term: String) throws {
            let sgrPress = "\u{1B}[<0;5;3M"
            let x10Wheel = "\u{1B}[M" + String(UnicodeScalar(32 + 65)) + String(UnicodeScalar(32 + 7)) + String(UnicodeScalar(32 + 2))
            #expect(try events(after: sgrPress + "a" + x10Wheel + "b", term: term) == [
                .mouse(MouseEvent(kind: .press, x: 4, y: 2)), .key(.character("a")),
                .mouse(MouseEvent(kind: .wheelDown, x: 6, y: 1)), .key(.character("b")),
            ])
        }

        /// Found by the key-decoder fuzz target: ncurses 6.4 decoding this report itself wrote
        /// past its array of nine parameters and crashed. It is skipped up to its final byte (`j`,
        /// not an SGR report's `M`), and what follows is read.
        @Test func anSGRReportWithTooManyParametersIsSkipped() throws {
            let hostile = "\u{1B}[<;;;;;;;;;;;;;;:;;;;;;;;;;;;;;;;;;;;;;;;;01;jk/golA5m"
            #expect(try events(after: hostile + "x\u{1B}[<0;1;1;1;1;1;1;1;1;1;1;1;1;1Mz") == [
                .key(.character("k")), .key(.character("/")), .key(.character("g")),
                .key(.character("o")), .key(.character("l")), .key(.character("A")), .key(.character("5")),
                .key(.character("m")), .key(.character("x")), .key(.character("z")),
            ])
        }

        @Test func aReportCutShortIsSkippedAndTheKeyAfterItRead() throws {
            #expect(try events(after: "\u{1B}[<0;5\u{17}") == [.key(.control("w"))])
            #expect(try events(after: "\u{1B}[M" + "!") == [])
        }

        @Test func theTerminalIsAskedForSGRReportsAndToStopOnSuspend() throws {
            try withHeadless { terminal in
                let on = "\u{1B}[?1000h\u{1B}[?1006h"
                let off = "\u{1B}[?1006l\u{1B}[?1000l"
                #expect(String(decoding: terminal.writtenBytes(), as: UTF8.self).hasSuffix(on))
                terminal.suspend()
                #expect(String(decoding: terminal.writtenBytes(), as: UTF8.self).contains(off))
                terminal.resume()
                #expect(String(decoding: terminal.writtenBytes(), as: UTF8.self).hasSuffix(on))
                terminal.feedInput("\u{1B}[<0;2;2M")
                #expect(terminal.nextEvent(timeoutMilliseconds: 150) == .mouse(MouseEvent(kind: .press, x: 1, y: 1)),
                        "ncurses still leaves the report to us after a resume")
            }
            try withHeadless(term: "vt100") { terminal in
                #expect(!String(decoding: terminal.writtenBytes(), as: UTF8.self).contains("1006"),
                        "a terminal without a mouse is not asked for reports")
            }
        }

        @Test func x10MouseReportsWorkUnderScreen() throws {
            let press: [UInt8] = [0x1B, 0x5B, 0x4D, 32 + 0, 32 + 10, 32 + 4]
            #expect(try events(after: press, term: "screen") == [.mouse(MouseEvent(kind: .press, x: 9, y: 3))])
        }

        @Test func nothingToReadTimesOut() throws {
            try withHeadless { terminal in
                let clock = ContinuousClock()
                let start = clock.now
                #expect(terminal.nextEvent(timeoutMilliseconds: 120) == nil)
                #expect(clock.now - start >= .milliseconds(100))
                #expect(terminal.nextEvent(timeoutMilliseconds: 0) == nil)
            }
        }

        @Test func resizeIsReportedWithTheNewSize() throws {
            try withHeadless(width: 40, height: 6) { terminal in
                terminal.paint(frame("before"))
                #expect(resizeterm(10, 50) == OK)
                #expect(terminal.nextEvent(timeoutMilliseconds: 150) == .resize(width: 50, height: 10))
                #expect(terminal.size == (50, 10))
                terminal.paint(frame(width: 50, height: 10, "after the resize", y: 9))
                let rows = terminal.screenText()
                #expect(rows.count == 10)
                #expect(rows[9].withoutTrailingSpaces == "after the resize")
                #expect(rows[0].withoutTrailingSpaces == "")
            }
        }
    }
}
