@testable import TextSearch
import Testing

@Suite struct QueryLanguageTests {
    let index = SearchIndex(schema: Corpus.newsSchema, documents: [
        Corpus.news("a", title: "Satellite spectrum plan", body: "The orbit and spectrum of satellites.", sector: ["ITU-R"], org: ["intersputnik"], category: "International Cooperation", date: 20211101),
        Corpus.news("b", title: "Development fund", body: "Broadband for developing countries.", sector: ["ITU-D"], category: "Membership", date: 20220615),
        Corpus.news("c", title: "Spectrum auction", body: "An auction of mobile spectrum.", sector: ["ITU-R", "ITU-D"], org: ["apple"], date: 20200301),
        Corpus.news("d", title: "Gold sector member", body: "Intersputnik became a gold sector member.", sector: ["ITU-D"], org: ["intersputnik"], date: 20211101),
    ])

    func ids(_ query: String) -> Set<String> { Set(Corpus.ids(index, query)) }
    func problems(_ query: String) -> [String] { index.search(query).problems.map(\.message) }

    /// Any white space separates words and the rest: tabs, line breaks (a CR LF is one
    /// character) and non-ASCII spaces as a plain space does; other ASCII controls are part of
    /// a word. (Within quotes the text is the phrase's, tokenized later.)
    @Test func everyKindOfWhiteSpaceSeparatesWords() {
        let parser = QueryParser(schema: Corpus.newsSchema)
        let spaced = parser.parse("(satellite OR orbit) -spectrum \"gold sector\" title:plan")
        for separator in ["\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "\r", "\u{A0}", "\u{2003}", " \t "] {
            let query = "(satellite" + separator + "OR" + separator + "orbit)" + separator + "-spectrum" + separator
                + "\"gold sector\"" + separator + "title:plan"
            let parsed = parser.parse(query)
            #expect(parsed.root == spaced.root, "separator \(separator.unicodeScalars.map { $0.value })")
            #expect(parsed.problems == spaced.problems)
        }
        #expect(parser.parse("satellite\u{1F}orbit").root == .word("satellite\u{1F}orbit", field: nil, isPrefix: true))
    }

    /// Curly double quotes (“ ” „, in any pairing) open and close a phrase as straight ones
    /// do, and end a word they follow; a curly single quote is part of a word.
    @Test func curlyDoubleQuotesMakeAPhrase() {
        let parser = QueryParser(schema: Corpus.newsSchema)
        let straight = parser.parse("member \"gold sector\" title:plan")
        for (open, close) in [("“", "”"), ("„", "“"), ("”", "”"), ("\"", "”")] {
            let parsed = parser.parse("member" + open + "gold sector" + close + "title:plan")
            #expect(parsed.root == straight.root, "\(open)…\(close)")
            #expect(parsed.problems == straight.problems)
        }
        #expect(ids("“gold sector”") == ["d"])
        #expect(parser.parse("ITU’s").root == .word("ITU’s", field: nil, isPrefix: true))
    }

    @Test func wordsAreAnded() {
        #expect(ids("spectrum auction") == ["c"])
        #expect(ids("spectrum AND auction") == ["c"])
        #expect(!index.search("spectrum auction", options: SearchOptions(lastWordIsPrefix: false)).isPartial)
    }

    @Test func whenNoDocumentHoldsAllWordsTheBestPartialOnesComeBack() {
        let results = index.search("spectrum auction fund", options: SearchOptions(lastWordIsPrefix: false))
        #expect(results.isPartial)
        #expect(results.hits.map(\.id) == ["c"])
        #expect(results.hits.first?.matchedWords == 2)
        #expect(results.totalMatches == 1)
    }

    @Test func phrasesNeedAdjacentWordsInOrder() {
        #expect(ids("\"gold sector member\"") == ["d"])
        #expect(ids("\"member sector gold\"").isEmpty)
        #expect(ids("\"spectrum plan\"") == ["a"])
    }

    @Test func orNotAndParentheses() {
        #expect(ids("auction OR fund") == ["b", "c"])
        #expect(ids("auction | fund") == ["b", "c"])
        #expect(ids("spectrum -auction") == ["a"])
        #expect(ids("spectrum NOT auction") == ["a"])
        #expect(ids("(auction OR orbit) spectrum") == ["a", "c"])
        #expect(ids("-spectrum") == ["b", "d"])
    }

    @Test func prefixesExplicitAndWhileTyping() {
        #expect(ids("spec*") == ["a", "c"])
        #expect(Set(index.search("develop").hits.map(\.id)) == ["b"])
        #expect(index.search("develop", options: SearchOptions(lastWordIsPrefix: false)).hits.isEmpty)
        #expect(index.search("develop ").hits.isEmpty)
    }

    @Test func fieldScopes() {
        #expect(ids("title:spectrum") == ["a", "c"])
        #expect(ids("body:orbit") == ["a"])
        #expect(ids("title:orbit").isEmpty)
        #expect(ids("title:\"gold sector\"") == ["d"])
        #expect(ids("body:\"spectrum plan\"").isEmpty)
    }

    @Test func facetFiltersWithAliasesAndFolding() {
        #expect(ids("sector:ITU-D") == ["b", "c", "d"])
        #expect(ids("sector:itu-d spectrum") == ["c"])
        #expect(ids("org:intersputnik") == ["a", "d"])
        #expect(ids("organization:Intersputnik") == ["a", "d"])
        #expect(ids("category:\"International Cooperation\"") == ["a"])
        #expect(ids("type:news").count == 4)
        #expect(ids("sector:ITU-D OR org:apple") == ["b", "c", "d"])
        #expect(ids("-sector:ITU-D") == ["a"])
        let filtered = index.search("spectrum", options: SearchOptions(filters: ["sector": ["ITU-D"]]))
        #expect(filtered.hits.map(\.id) == ["c"])
    }

    @Test func unknownFacetValueSaysWhichAreKnown() {
        #expect(ids("sector:ITU-X").isEmpty)
        #expect(problems("sector:ITU-X") == ["no sector \"ITU-X\" — known: ITU-D, ITU-R"])
    }

    @Test func datesAcceptYearMonthAndDay() {
        #expect(ids("after:2021-01-01") == ["a", "b", "d"])
        #expect(ids("after:2021-11-02") == ["b"])
        #expect(ids("before:2022") == ["a", "c", "d"])
        #expect(ids("before:2021-11") == ["c"])
        #expect(ids("year:2021") == ["a", "d"])
        #expect(ids("year:2022-06") == ["b"])
        #expect(ids("year:2021-11-01") == ["a", "d"])
        #expect(ids("after:2021 before:2022") == ["a", "d"])
    }

    @Test func sortByDateIsNewestFirst() {
        #expect(Corpus.ids(index, "sort:date") == ["b", "a", "d", "c"])
        #expect(Corpus.ids(index, "spectrum sort:date") == ["a", "c"])
        #expect(Corpus.ids(index, "sector:ITU-D sort:date") == ["b", "d", "c"])
    }

    @Test func unknownFieldSearchesTheValueAndListsKnownNames() {
        #expect(problems("foo:spectrum") == ["unknown field \"foo\" — known: title, summary, body, sector, org, category, type, year, after, before, sort"])
        #expect(ids("foo:spectrum") == ["a", "c"])
    }

    /// A name before a colon is a field's when it is letters and underscores, ASCII or not (a
    /// query of ASCII only is read as bytes, any other as characters; both read it alike).
    @Test func aFieldNameIsLettersAndUnderscores() {
        #expect(problems("títle:spectrum") == ["unknown field \"títle\" — known: title, summary, body, sector, org, category, type, year, after, before, sort"])
        #expect(problems("my_field:spectrum") == ["unknown field \"my_field\" — known: title, summary, body, sector, org, category, type, year, after, before, sort"])
        let parser = QueryParser(schema: Corpus.newsSchema)
        for word in ["ti1le:spectrum", "ti-tle:spectrum", "ti@le:spectrum", "ti1lé:spectrum"] {
            #expect(parser.parse(word + " ").root == .word(word, field: nil, isPrefix: false), "\(word)")
        }
    }

    @Test func malformedQueriesStillSearchAndSayWhatWasWrong() {
        #expect(problems("\"gold sector") == ["unclosed quote: searched \"gold sector\" as a phrase"])
        #expect(ids("\"gold sector") == ["d"])
        #expect(problems("spectrum)") == ["unmatched \")\" ignored"])
        #expect(ids("spectrum)") == ["a", "c"])
        #expect(problems("(spectrum OR fund") == ["unclosed \"(\": closed at the end of the query"])
        #expect(ids("(spectrum OR fund") == ["a", "b", "c"])
        #expect(problems("after:2021-13-01") == ["bad date \"2021-13-01\" in after: — use YYYY, YYYY-MM or YYYY-MM-DD"])
        #expect(problems("year:21") == ["bad date \"21\" in year: — use YYYY, YYYY-MM or YYYY-MM-DD"])
        #expect(problems("before:2021-02-30") == ["bad date \"2021-02-30\" in before: — use YYYY, YYYY-MM or YYYY-MM-DD"])
        #expect(problems("spectrum OR") == ["OR needs a word on each side; the lone OR was ignored"])
        #expect(ids("spectrum OR") == ["a", "c"])
        #expect(problems("spectrum NOT") == ["NOT needs a word after it; it was ignored"])
        #expect(problems("title:") == ["title: needs a value after the colon"])
        #expect(problems("sort:sideways") == ["unknown sort \"sideways\" — use sort:date or sort:relevance"])
        #expect(problems("*") == ["\"*\" alone matches nothing; put it after the start of a word (sat*)"])
        #expect(problems("spectrum").isEmpty)
    }

    @Test func hostileInputNeverCrashesOrHangs() {
        // Forty documents holding "spectrum" in every field; the work of any query is bounded
        // by its words: each of at most `QueryParser.maxWords` units reads each posting entry
        // at most twice (resolving, ranking), and each document gets at most one ranking key.
        let documents = (0..<40).map { i in
            Corpus.news("n\(i)", title: "spectrum title\(i)", body: "spectrum body\(i)", summary: "spectrum summary\(i)")
        }
        let index = SearchIndex(schema: Corpus.newsSchema, documents: documents)
        let entries = index.data.entryDocument.count
        // Three hundred distinct words within one typo of "spectrum": each is its own unit, reading
        // the postings of "spectrum" again.
        let letters = "abcdefghijklmnopqrstuvwxyz"
        var variants: [String] = []
        for i in 0..<8 {
            for letter in letters where variants.count < 300 {
                var word = Array("spectrum")
                guard word[i] != letter else { continue }
                word[i] = letter
                variants.append(String(word))
            }
        }
        let inputs = [
            "", " ", "\"", "\"\"", "(", ")", "((((", "))))", "-", "--", "- -", "NOT", "OR", "AND", "OR OR OR",
            ":", "::", "title:\"", "a:b:c", "*", "**", "-*", "\u{0}", "\u{202E}evil", "((a OR (b -c)) NOT \"d e",
            String(repeating: "(", count: 10_000), String(repeating: "a OR ", count: 2_000),
            String(repeating: "\"", count: 999), String(repeating: "é", count: 5_000), "🚀🚀 ITU-🚀-D",
            variants.joined(separator: " "), variants.joined(separator: " OR "),
            variants.map { "title:\($0)" }.joined(separator: " "), String(repeating: "spectrum* ", count: 500),
        ]
        for input in inputs {
            let results = index.search(input)
            let trace = results.trace
            #expect(trace.units <= QueryParser.maxWords, "\(input.prefix(40))")
            #expect(trace.postingsRead <= 2 * QueryParser.maxWords * entries, "\(input.prefix(40)): \(trace.postingsRead) entries read")
            #expect(trace.documentsRanked <= index.documentCount, "\(input.prefix(40))")
        }
        #expect(index.search(variants.joined(separator: " OR ")).totalMatches == 40)
        #expect(problems(String(repeating: "(", count: 100) + "spectrum").contains("parentheses nested too deeply; inner ones ignored"))
    }

    @Test func queriesLongerThanTheWordCapAreCutAndSaySo() {
        let words = (0..<300).map { "w\($0)" }
        let text = words.joined(separator: " ")
        let long = SearchIndex(schema: Corpus.newsSchema, documents: [
            Corpus.news("all", title: "all", body: text),
            Corpus.news("first", title: "first", body: words.prefix(QueryParser.maxWords).joined(separator: " ")),
            Corpus.news("last", title: "last", body: words.suffix(10).joined(separator: " ")),
        ])
        let results = long.search(text, options: SearchOptions(lastWordIsPrefix: false))
        #expect(results.problems.map(\.message) == ["query too long: only its first 64 words were searched"])
        // The first 64 words are searched: both documents holding them match, fully.
        #expect(Set(results.hits.map(\.id)) == ["all", "first"])
        #expect(results.hits.allSatisfy { $0.matchedWords == QueryParser.maxWords })
        #expect(!results.isPartial)
        #expect(long.search(words.prefix(QueryParser.maxWords).joined(separator: " ")).problems.isEmpty)
    }

    @Test func phrasesNeverMatchWhereLongFieldPositionsSaturate() {
        // Positions are stored in 16 bits: past 65,535 every word shares that position.
        let filler = String(repeating: "filler ", count: 65_533)
        let long = SearchIndex(schema: Corpus.newsSchema, documents: [
            Corpus.news("long", title: "long", body: filler + "alpha omega x y beta gamma"),
        ])
        // "filler alpha" ends at 65,534: a true phrase below the limit still matches.
        #expect(Corpus.ids(long, "\"filler alpha\"") == ["long"])
        #expect(Corpus.ids(long, "\"alpha omega\"") == ["long"])
        // "x" sits at 65,535 and "y", "beta", "gamma" past it, all stored as 65,535: these
        // phrases are not in the text.
        #expect(Corpus.ids(long, "\"omega beta\"") == [])
        #expect(Corpus.ids(long, "\"gamma beta\"") == [])
        #expect(long.search("\"omega beta\"").hits.isEmpty)
    }
}

/// Phrase matching against a reading of every field's words.
@Suite struct PhraseReferenceTests {
    /// The walk keeps each matched document's first entry of each word: the entry the
    /// forward index gives.
    @Test func thePhraseWalkKeepsEachWordsFirstEntryInEveryMatch() throws {
        var random = SeededGenerator(seed: 35)
        let vocabulary = ["alpha", "beta", "gamma", "delta"]
        func text() -> String { (0..<Int.random(in: 0...30, using: &random)).map { _ in vocabulary.randomElement(using: &random)! }.joined(separator: " ") }
        let index = SearchIndex(schema: Corpus.newsSchema, documents: (0..<300).map { i in
            Corpus.news("d\(i)", title: text(), body: text(), summary: text())
        })
        let planner = QueryPlanner(data: index.data, schema: index.schema)
        let matcher = PhraseMatcher(data: index.data)
        var checked = 0
        for _ in 0..<60 {
            let words = (0..<Int.random(in: 2...3, using: &random)).map { _ in vocabulary.randomElement(using: &random)! }
            var cache = UnitCache()
            let key = UnitKey(text: words.joined(separator: " "), isPhrase: true, field: [nil, 0, 2].randomElement(using: &random)!, isPrefix: false)
            let unit = try #require(planner.resolve(key, cache: &cache))
            guard case .phrase(let terms) = unit.kind else { Issue.record("not a phrase: \(key.text)"); continue }
            let entries = try #require(unit.phraseEntries)
            unit.documents.forEach { d in
                for (k, term) in terms.enumerated() {
                    #expect(entries.firstEntry(word: k, document: d) == matcher.firstEntry(term: term.term, document: d), "\(key.text) in \(d)")
                    checked += 1
                }
            }
            #expect(entries.firstEntry(word: 0, document: index.documentCount) == nil)
        }
        #expect(checked > 1000)
    }

    @Test func phrasesMatchTheDocumentsWhoseFieldsHoldTheWordsInARow() {
        var random = SeededGenerator(seed: 34)
        let vocabulary = ["alpha", "beta", "gamma", "delta", "omega", "kappa"]
        func text() -> [String] { (0..<Int.random(in: 0...40, using: &random)).map { _ in vocabulary.randomElement(using: &random)! } }
        let fields = (0..<400).map { _ in ["title": text(), "summary": text(), "body": text()] }
        let index = SearchIndex(schema: Corpus.newsSchema, documents: fields.enumerated().map { i, words in
            Corpus.news("d\(i)", title: words["title"]!.joined(separator: " "), body: words["body"]!.joined(separator: ", "),
                        summary: words["summary"]!.joined(separator: "\n"))
        })
        var matched = 0
        for _ in 0..<120 {
            let phrase = (0..<Int.random(in: 2...3, using: &random)).map { _ in vocabulary.randomElement(using: &random)! }
            let scope = [nil, "title", "body"].randomElement(using: &random)!
            let expected = Set(fields.indices.filter { i in
                fields[i].contains { name, words in
                    (scope == nil || scope == name) && words.count >= phrase.count
                        && (0...words.count - phrase.count).contains { Array(words[$0..<$0 + phrase.count]) == phrase }
                }
            }.map { "d\($0)" })
            let query = (scope.map { "\($0):" } ?? "") + "\"" + phrase.joined(separator: " ") + "\""
            let results = index.search(query, options: SearchOptions(limit: 400, lastWordIsPrefix: false))
            #expect(Set(results.hits.map(\.id)) == expected, "\(query)")
            #expect(results.totalMatches == expected.count, "\(query)")
            matched += expected.count
        }
        #expect(matched > 500)
    }
}
