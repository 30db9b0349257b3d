import Testing
@testable import Import

@Suite("White space")
struct WhitespaceTests {
    @Test("runs of white space of any kind become one space, and the ends are trimmed")
    func collapse() {
        #expect(Whitespace.collapse(" \t a\u{A0}\u{2003}\u{85}b \r\n c\u{3000}") == "a b c")
        #expect(Whitespace.collapse("\u{2028}\u{2029} ") == "")
        #expect(Whitespace.collapse("") == "")
        #expect(Whitespace.collapse("é\u{200B}ü") == "é\u{200B}ü")
        let text = "  ab  cd  "
        #expect(Whitespace.collapse(text.dropFirst(3)) == "b cd")
    }

    @Test("an ASCII word is found whatever its case, after a false start")
    func containsASCII() {
        #expect(Whitespace.containsASCII("All Rights RESERVED.", "all rights reserved"))
        #expect(Whitespace.containsASCII("coocookie", "cookie"))
        #expect(!Whitespace.containsASCII("cooki", "cookie"))
    }
}
