import Testing
import Screen
@testable import Terminal
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension HeadlessTerminalTests {
    @Suite struct Lifecycle {
        @Test func anUnknownTermIsOneClearLine() throws {
            #expect(throws: TerminalError.unknownTerm("no-such-terminal")) {
                try Terminal.openHeadless(width: 10, height: 3, term: "no-such-terminal")
            }
            let error = TerminalError.unknownTerm("no-such-terminal")
            #expect(error.description == "itu-browser: cannot open the terminal: TERM \"no-such-terminal\" is not known to this system")
            #expect(TerminalError.unknownTerm("x\u{1B}[2J").description.contains("x␛[2J"))
            #expect(TerminalError.standardOutputNotATerminal.description == "itu-browser: cannot open the terminal: standard output is not a terminal")
        }

        @Test func aTerminalThatCannotMoveTheCursorIsRefused() throws {
            #expect(throws: TerminalError.termCannotMoveCursor("dumb")) {
                try Terminal.openHeadless(width: 10, height: 3, term: "dumb")
            }
            #expect(TerminalError.termCannotMoveCursor("dumb").description == "itu-browser: cannot open the terminal: TERM \"dumb\" cannot move the cursor")
            let afterwards = try Terminal.openHeadless(width: 10, height: 3)
            afterwards.close()
        }

        @Test func onlyOneScreenAtATime() throws {
            try withHeadless { _ in
                #expect(throws: TerminalError.alreadyOpen) { try Terminal.openHeadless(width: 10, height: 3) }
            }
            let again = try Terminal.openHeadless(width: 10, height: 3)
            again.close()
        }

        @Test func closeIsIdempotentAndEndsEverything() throws {
            let terminal = try Terminal.openHeadless(width: 10, height: 3)
            terminal.close()
            terminal.close()
            #expect(!terminal.isOpen)
            #expect(terminal.size == (0, 0))
            terminal.paint(frame(width: 10, height: 3, "ignored"))
            terminal.feedInput("q")
            #expect(terminal.nextEvent(timeoutMilliseconds: nil) == nil)
        }

        @Test func aTerminationSignalClosesTheTerminalAndIsPassedOn() throws {
            let terminal = try Terminal.openHeadless(
                width: 10, height: 3, term: "xterm-256color", environment: [:], guardsSignals: true
            )
            defer { terminal.close() }
            var received: [Int32] = []
            terminal.onTerminationSignal = { received.append($0) }
            terminal.feedInput("q")
            #expect(terminal.nextEvent(timeoutMilliseconds: 100) == .key(.character("q")))
            // To the process, as `kill` sends it: the thread running this test may block signals.
            kill(getpid(), SIGTERM)
            #expect(terminal.nextEvent(timeoutMilliseconds: nil) == nil)
            #expect(received == [SIGTERM])
            #expect(!terminal.isOpen)
        }

        /// What a crash writes to restore the terminal turns off the mouse reporting it asked
        /// for, and only when it asked.
        @Test func theResetSequenceTurnsOffTheMouseReportingAskedFor() throws {
            let off = "\u{1B}[?1006l\u{1B}[?1000l"
            try withHeadless(term: "xterm-256color") { terminal in
                #expect(String(decoding: terminal.resetSequence(), as: UTF8.self).hasPrefix(off))
            }
            try withHeadless(term: "vt100") { terminal in
                #expect(!String(decoding: terminal.resetSequence(), as: UTF8.self).contains("1006"))
            }
        }

        @Test func theResetSequenceComesFromTerminfo() throws {
            try withHeadless(term: "vt100") { _ in
                #expect(TerminfoString.bytes(named: "sgr0") == Array("\u{1B}[m\u{0F}".utf8))
                #expect(TerminfoString.bytes(named: "kmous") == nil)
            }
        }
    }
}
