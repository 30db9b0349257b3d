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

    @Test func aPhraseIsHighlightedOnlyWhereItOccurs() throws {
        let body = "Spectrum for every satellite; a satellite spectrum plan, and more spectrum."
        let index = SearchIndex(schema: Corpus.newsSchema, documents: [
            Corpus.news("x", title: "Satellite news on spectrum", body: body),
        ])
        let hit = try #require(index.search("\"satellite spectrum\"").hits.first)
        #expect(hit.highlights["body"] == [32..<41, 42..<50])
        #expect(texts(body, hit.highlights["body"] ?? []) == ["satellite", "spectrum"])
        #expect(hit.highlights["title"] == nil)
        let words = try #require(index.search("satellite spectrum").hits.first)
        #expect(words.highlights["body"]?.count == 5)
        #expect(words.highlights["title"]?.count == 2)
    }

    /// The snippet comes from the snippet field when it holds a match, else from a lower-weighted
    /// field that does (the summary here), else from the start of the snippet field, or of the
    /// first lower-weighted field with text when the snippet field has none.
    @Test func theSnippetComesFromTheFirstFieldThatHoldsAMatch() throws {
        let index = SearchIndex(schema: Corpus.newsSchema, documents: [
            Corpus.news("body", title: "Kigali", body: "Members met in Kigali.", summary: "A Kigali summary."),
            Corpus.news("summary", title: "Kigali", body: "Members met.", summary: "A Kigali summary."),
            Corpus.news("title", title: "Kigali", body: "Members met.", summary: "A summary."),
            Corpus.news("no body", title: "Kigali", summary: "A summary."),
        ])
        let snippets = Dictionary(uniqueKeysWithValues: index.search("kigali").hits.map { ($0.id, $0.snippet) })
        #expect(snippets["body"]??.field == "body")
        #expect(snippets["body"]??.highlights == [15..<21])
        #expect(snippets["summary"]??.field == "summary")
        #expect(snippets["summary"]??.text == "A Kigali summary.")
        #expect(snippets["title"]??.field == "body")
        #expect(snippets["title"]??.text == "Members met.")
        #expect(snippets["title"]??.highlights == [])
        #expect(snippets["no body"]??.field == "summary")
        #expect(snippets["no body"]??.text == "A summary.")
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

    /// With no highlight, a snippet is the text's first characters up to a word boundary,
    /// whatever the text holds past them (checked against a cut made from `Character`s).
    @Test func aSnippetWithoutHighlightsIsTheStartOfTheText() {
        var random = SeededGenerator(seed: 55)
        let pieces = ["word", "longer", " ", " ", "\n", "\r\n", "\t", "é", "e\u{301}", "电信", "🇨🇭", "x", "."]
        func isSpace(_ c: Character) -> Bool { [32, 9, 10, 13].contains(c.utf8.first ?? 0) }
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...30, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let length = Int.random(in: 1...40, using: &random)
            let characters = Array(text)
            var expected: String
            if characters.count <= length {
                expected = text
            } else {
                var last = length
                if !isSpace(characters[last]) {
                    var c = last
                    while c > 0 && !isSpace(characters[c]) { c -= 1 }
                    if c > 0 { last = c }
                }
                while last > 0 && isSpace(characters[last - 1]) { last -= 1 }
                expected = String(characters[..<last]) + "…"
            }
            expected = String(expected.unicodeScalars.map { [9, 10, 13].contains($0.value) ? " " : Character($0) })
            let (cut, ranges) = Highlighter.cut(text, highlights: [], length: length)
            #expect(cut == expected, "\(text.debugDescription), \(length)")
            #expect(ranges.isEmpty)
        }
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

    /// The check read eight bytes at a time finds a carriage return or a byte from 0x80 at any
    /// offset, in the words and in the tail, and passes every other byte.
    @Test func theASCIICheckFindsEveryOffendingByteWhereverItIs() {
        for length in 0...25 {
            let plain = (0..<length).map { UInt8(32 + ($0 * 7) % 95) }
            #expect(plain.withUnsafeBufferPointer { CharacterStarts.isASCIIWithoutCarriageReturn($0) })
            for offset in 0..<length {
                for bad: UInt8 in [13, 0x80, 0xC3, 0xFF] {
                    var bytes = plain
                    bytes[offset] = bad
                    #expect(!bytes.withUnsafeBufferPointer { CharacterStarts.isASCIIWithoutCarriageReturn($0) },
                            "byte \(bad) at \(offset) of \(length)")
                }
                var near = plain
                near[offset] = [12, 14, 0x7F, 0][offset % 4]
                #expect(near.withUnsafeBufferPointer { CharacterStarts.isASCIIWithoutCarriageReturn($0) })
            }
        }
    }

    @Test func snippetsNeverSplitACarriageReturnFromItsLineFeed() {
        let text = String(repeating: "ab\r\n", count: 60)
        let (cut, _) = Highlighter.cut(text, highlights: [], length: 41)
        #expect(cut == String(repeating: "ab  ", count: 14).dropLast(2) + "…")
    }
}

/// Highlights come from the postings' word positions (a field is read only up to its last
/// matched word); these check them against a reading of every word of each matched field.
@Suite struct HighlightReferenceTests {
    static let vocabulary = [
        "satellite", "satellites", "satelite", "spectrum", "orbit", "orbits", "ITU-D", "WRC-23", "itu", "d", "Crème",
        "creme", "电信", "国际电信联盟", "Интерспутник", "broadband", "5G", "ITU's", "regulations", "the", "of",
        "spectrum-sharing",
    ]

    /// `query`'s hits, read both ways; each pair must agree.
    static func bothWays(_ index: SearchIndex, _ query: String, prefix: Bool) -> [(SearchHit, SearchHit)] {
        var options = SearchOptions(limit: 10, lastWordIsPrefix: prefix)
        let guided = index.search(query, options: options).hits
        options.highlightsReadWholeFields = true
        return Array(zip(guided, index.search(query, options: options).hits))
    }

    /// 300 news items of random words of `vocabulary`, and 150 random queries of one to three
    /// of them (phrases, field-scoped, prefixes among them).
    static func randomCorpus() -> (index: SearchIndex, queries: [(query: String, prefix: Bool)]) {
        var random = SeededGenerator(seed: 8)
        func text(_ words: Int) -> String {
            (0..<words).map { _ in vocabulary.randomElement(using: &random)! }
                .joined(separator: [" ", ", ", ". ", "\n"].randomElement(using: &random)!)
        }
        let documents = (0..<300).map { i in
            Corpus.news("d\(i)", title: text(Int.random(in: 0...6, using: &random)),
                        body: text(Int.random(in: 0...120, using: &random)),
                        summary: text(Int.random(in: 0...15, using: &random)))
        }
        let queries = (0..<150).map { _ in
            let words = (0..<Int.random(in: 1...3, using: &random)).map { _ in vocabulary.randomElement(using: &random)! }
            var query = Bool.random(using: &random) && words.count > 1
                ? "\"" + words.joined(separator: " ") + "\"" : words.joined(separator: " ")
            if Int.random(in: 0..<4, using: &random) == 0 { query = ["title:", "body:"].randomElement(using: &random)! + query }
            return (query, Bool.random(using: &random))
        }
        return (SearchIndex(schema: Corpus.newsSchema, documents: documents), queries)
    }

    @Test func randomTextsAndQueriesHighlightWhatAWholeReadingFinds() throws {
        let (index, queries) = HighlightReferenceTests.randomCorpus()
        var checkedHits = 0, highlightedFields = 0
        for (query, prefix) in queries {
            for (guided, whole) in HighlightReferenceTests.bothWays(index, query, prefix: prefix) {
                #expect(guided.id == whole.id)
                #expect(guided.highlights == whole.highlights, "\(query) in \(guided.id)")
                #expect(guided.snippet == whole.snippet, "\(query) in \(guided.id)")
                checkedHits += 1
                highlightedFields += guided.highlights.count
            }
        }
        #expect(checkedHits > 300)
        #expect(highlightedFields > checkedHits)
    }

    /// Hits asked for some fields' highlights carry exactly those of a search for all, and
    /// the same snippet.
    @Test func chosenFieldsCarryTheirHighlightsAndTheSameSnippet() throws {
        let (index, queries) = HighlightReferenceTests.randomCorpus()
        var checkedHits = 0, droppedFields = 0
        for (n, (query, prefix)) in queries.enumerated() {
            var options = SearchOptions(limit: 10, lastWordIsPrefix: prefix)
            let all = index.search(query, options: options).hits
            let chosen: Set<String> = [["title"], ["body"], ["title", "summary"], [], ["title", "no such field"]][n % 5]
            options.highlightedFields = chosen
            let some = index.search(query, options: options).hits
            #expect(some.map(\.id) == all.map(\.id), "\(query)")
            for (hit, reference) in zip(some, all) {
                #expect(hit.highlights == reference.highlights.filter { chosen.contains($0.key) }, "\(query) in \(hit.id)")
                #expect(hit.snippet == reference.snippet, "\(query) in \(hit.id)")
                checkedHits += 1
                droppedFields += reference.highlights.count - hit.highlights.count
            }
        }
        #expect(checkedHits > 300)
        #expect(droppedFields > 100)
    }

    /// Stored positions stop at 65535: every word from there on shares it, so there each word
    /// is compared with the matched terms.
    @Test func wordsPastTheLastStoredPositionAreStillHighlighted() throws {
        let filler = Array(repeating: "word", count: 66_000).joined(separator: " ")
        let text = "Kigali " + filler + " Kigali word"
        let index = Corpus.bodies([text])
        let pairs = HighlightReferenceTests.bothWays(index, "kigali", prefix: false)
        let (guided, whole) = try #require(pairs.first)
        #expect(whole.highlights["body"]?.count == 2)
        #expect(guided.highlights == whole.highlights)
    }
}
