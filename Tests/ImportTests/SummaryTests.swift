import Testing
@testable import Import

@Suite("Summary")
struct SummaryTests {
    @Test("the start of a text is its first characters, however its bytes fall at the cut")
    func startOfText() {
        // 10 characters from texts whose 10th and 11th bytes are a CR LF pair, a letter and a
        // combining accent, a letter and a multi-byte letter, an emoji, or plain ASCII.
        let texts = [
            "123456789\r\nrest", "12345678\r\nrest", "1234567890\r\nrest", "123456789e\u{301}rest", "123456789éest",
            "123456789👍🏽rest", "\r\n\r\n\r\n\r\n\r\n\r\n\r\n", "short", "exactly 10", "exactly 11!", "1234567890a",
        ]
        for text in texts {
            #expect(Summary.start(of: text, characters: 10) == text.prefix(10), "\(text.debugDescription)")
        }
    }

    @Test("the first sentences that fit in 300 characters, counted as characters, not bytes")
    func fitsByCharacters() {
        // Each sentence is 100 characters but 199 bytes: with the spaces between them two fit
        // (three would make 302 characters), though two are 399 bytes.
        let sentence = "É" + String(repeating: "é", count: 98) + "."
        let body = Array(repeating: sentence, count: 4).joined(separator: " ")
        #expect(Summary.make(from: body) == Array(repeating: sentence, count: 2).joined(separator: " "))
    }
}
