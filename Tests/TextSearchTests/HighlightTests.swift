@testable import TextSearch
import Testing

@Suite struct HighlightTests {
    func texts(_ text: String, _ ranges: [Range<Int>]) -> [String] {
        let bytes = Array(text.utf8)
        return ranges.map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    @Test func highlightsAreUTF8ByteRangesIntoTheOriginalText() throws {
        let index = SearchIndex(schema: Corpus.newsSchema, documents: [
            Corpus.news("x", title: "Crème de la crème: ITU-D satellites", body: "Интерспутник и ITU-D, 电信 and satellite."),
        ])
        let hit = try #require(index.search("creme satellite", options: SearchOptions(lastWordIsPrefix: false)).hits.first)
        #expect(hit.highlights["title"] == [0..<6, 13..<19, 27..<37])
        #expect(texts("Crème de la crème: ITU-D satellites", hit.highlights["title"] ?? []) == ["Crème", "crème", "satellites"])
        let body = "Интерспутник и ITU-D, 电信 and satellite."
        let other = try #require(index.search("интерспутник itu-d 电信", options: SearchOptions(lastWordIsPrefix: false)).hits.first)
        #expect(other.highlights["body"] == [0..<24, 28..<33, 35..<41])
        #expect(texts(body, other.highlights["body"] ?? []) == ["Интерспутник", "ITU-D", "电信"])
        #expect(other.matchedTerms == ["интерспутник", "itu-d", "电信"])
    }

    @Test func fieldScopedWordsAreHighlightedOnlyInTheirField() throws {
        let index = SearchIndex(schema: Corpus.newsSchema, documents: [
            Corpus.news("x", title: "Spectrum plan", body: "More spectrum."),
        ])
        let hit = try #require(index.search("title:spectrum").hits.first)
        #expect(hit.highlights["title"] == [0..<8])
        #expect(hit.highlights["body"] == nil)
    }

    @Test func shortFieldIsTheWholeSnippet() throws {
        let index = Corpus.bodies(["Members met in Kigali."])
        let snippet = try #require(index.search("kigali").hits.first?.snippet)
        #expect(snippet.text == "Members met in Kigali.")
        #expect(snippet.highlights == [15..<21])
    }

    @Test func longFieldIsCutAtWordBoundariesAroundTheMatch() throws {
        let before = (1...40).map { "word\($0)" }.joined(separator: " ")
        let after = (41...80).map { "word\($0)" }.joined(separator: " ")
        let text = before + " Kigali\nconference " + after
        let index = Corpus.bodies([text])
        let snippet = try #require(index.search("kigali").hits.first?.snippet)
        #expect(snippet.text.hasPrefix("…word"))
        #expect(snippet.text.hasSuffix("…"))
        #expect(snippet.text.count <= Highlighter.snippetLength + 2)
        #expect(!snippet.text.contains("\n"))
        let words = snippet.text.dropFirst().dropLast().split(separator: " ")
        let original = Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" }))
        #expect(words.allSatisfy { original.contains($0) })
        #expect(texts(snippet.text, snippet.highlights) == ["Kigali"])
    }

    @Test func snippetOfAFieldWithoutMatchStartsAtTheBeginning() {
        let (text, ranges) = Highlighter.cut(String(repeating: "long words here ", count: 30), highlights: [], length: 40)
        #expect(text == "long words here long words here long…")
        #expect(ranges.isEmpty)
    }

    @Test func snippetHighlightsAreShiftedPastTheLeadingEllipsis() {
        let text = String(repeating: "x ", count: 100) + "target end"
        let start = text.utf8.count - "target end".utf8.count
        let (cut, ranges) = Highlighter.cut(text, highlights: [start..<(start + 6)], length: 30)
        #expect(cut.hasPrefix("…"))
        #expect(texts(cut, ranges) == ["target"])
        #expect(cut.hasSuffix("target end"))
    }

    /// Where characters start, from the bytes alone, is where Swift's characters start: one per
    /// byte for plain ASCII, and a table when a carriage return joins its line feed or a letter
    /// takes a combining mark.
    @Test(arguments: ["plain ASCII text, with punctuation.", "line one\r\nline two", "crème", "cre\u{301}me", "电信 🇨🇭 done", ""])
    func characterStartsAreThoseOfSwiftCharacters(text: String) {
        var expected: [Int] = []
        var offset = 0
        for character in text {
            expected.append(offset)
            offset += character.utf8.count
        }
        expected.append(offset)
        var copy = text
        let starts = copy.withUTF8 { CharacterStarts($0) }
        #expect(starts.characterCount == text.count)
        #expect((0...starts.characterCount).map { starts[$0] } == expected)
    }

    @Test func snippetsNeverSplitACarriageReturnFromItsLineFeed() {
        let text = String(repeating: "ab\r\n", count: 60)
        let (cut, _) = Highlighter.cut(text, highlights: [], length: 41)
        #expect(cut == String(repeating: "ab  ", count: 14).dropLast(2) + "…")
    }
}
