import Foundation
import Screen
import Testing
@testable import Terminal
#if canImport(Glibc)
import Glibc
#endif

extension HeadlessTerminalTests {
    /// What the run loop needs besides painting: the descriptor to poll, handing the terminal
    /// over to another program and back, and the clipboard sequence.
    @Suite struct Handover {
        @Test func clipboardSequenceIsOSC52WithTheTextInBase64() {
            let url = "https://www.itu.int/en/Pages/default.aspx"
            #expect(Terminal.clipboardSequence(for: url) == "\u{1B}]52;c;" + Data(url.utf8).base64EncodedString() + "\u{07}")
            let hostile = Terminal.clipboardSequence(for: "x\u{1B}]0;owned\u{07}\u{9B}2J")
            #expect(hostile.filter { $0 == "\u{1B}" }.count == 1, "only the sequence's own ESC reaches the terminal")
            #expect(hostile.filter { $0 == "\u{07}" }.count == 1)
        }

        @Test func copyingWritesTheSequenceToTheTerminal() throws {
            try withHeadless { terminal in
                terminal.copyToClipboard("https://x.org/a")
                let written = String(decoding: terminal.writtenBytes(), as: UTF8.self)
                #expect(written.contains("\u{1B}]52;c;" + Data("https://x.org/a".utf8).base64EncodedString() + "\u{07}"))
            }
        }

        @Test func theInputDescriptorIsReadableWhenKeysWaitAndReadingZeroDrainsThem() throws {
            try withHeadless { terminal in
                var descriptor = [pollfd(fd: terminal.inputDescriptor, events: Int16(POLLIN), revents: 0)]
                #expect(poll(&descriptor, 1, 0) == 0, "nothing typed yet")
                terminal.feedInput("ab\u{1B}[A")
                #expect(poll(&descriptor, 1, 1000) == 1)
                var events: [InputEvent] = []
                while let event = terminal.nextEvent(timeoutMilliseconds: 0) { events.append(event) }
                #expect(events == [.key(.character("a")), .key(.character("b")), .key(.up)])
                descriptor[0].revents = 0
                #expect(poll(&descriptor, 1, 0) == 0, "everything was read")
            }
        }

        @Test func afterSuspendAndResumeTheNextPaintDrawsEveryCell() throws {
            try withHeadless { terminal in
                terminal.paint(frame("before the editor"))
                terminal.suspend()
                terminal.resume()
                #expect(terminal.painted == nil, "a full repaint follows")
                terminal.paint(frame("before the editor"))
                #expect(terminal.isOpen)
                #expect(terminal.screenText()[0].withoutTrailingSpaces == "before the editor")
            }
        }
    }
}
