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
        let inputs = [
            "", " ", "\"", "\"\"", "(", ")", "((((", "))))", "-", "--", "- -", "NOT", "OR", "AND", "OR OR OR",
            ":", "::", "title:\"", "a:b:c", "*", "**", "-*", "\u{0}", "\u{202E}evil", "((a OR (b -c)) NOT \"d e",
            String(repeating: "(", count: 10_000), String(repeating: "a OR ", count: 2_000),
            String(repeating: "\"", count: 999), String(repeating: "é", count: 5_000), "🚀🚀 ITU-🚀-D",
        ]
        for input in inputs {
            let results = index.search(input)
            #expect(results.hits.count <= 20)
        }
        #expect(problems(String(repeating: "(", count: 100) + "spectrum").contains("parentheses nested too deeply; inner ones ignored"))
    }
}
