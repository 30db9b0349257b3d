@testable import TextSearch
import Testing

/// Flags are named in the query and supplied, with their documents, at search time.
@Suite struct QueryFlagTests {
    let index = SearchIndex(schema: Corpus.newsSchema, documents: [
        Corpus.news("a", title: "Satellite spectrum plan", body: "The orbit and spectrum of satellites.", sector: ["ITU-R"], date: 20211101),
        Corpus.news("b", title: "Development fund", body: "Broadband for developing countries.", sector: ["ITU-D"], date: 20220615),
        Corpus.news("c", title: "Spectrum auction", body: "An auction of mobile spectrum.", sector: ["ITU-R", "ITU-D"], date: 20200301),
        Corpus.news("d", title: "Gold sector member", body: "Intersputnik became a gold sector member.", sector: ["ITU-D"], date: 20211101),
    ])

    /// `is:seen` holds a and c; `is:unseen` holds the ITU-D documents not seen; `has:pin` holds d.
    let flags: [QueryFlag] = [
        .holding("is:seen", documents: [0, 2]),
        .lacking("is:unseen", documents: [0, 2], among: ["sector": ["ITU-D"]]),
        .holding("has:pin", documents: [3, 99, -1]),
    ]

    func search(_ query: String) -> SearchResults {
        index.search(query, options: SearchOptions(lastWordIsPrefix: false, flags: flags))
    }

    func ids(_ query: String) -> Set<String> { Set(search(query).hits.map(\.id)) }

    @Test func aFlagHoldsTheDocumentsSuppliedForIt() {
        #expect(ids("is:seen") == ["a", "c"])
        #expect(ids("has:pin") == ["d"])
        #expect(ids("IS:Seen") == ["a", "c"])
        #expect(search("is:seen").problems.isEmpty)
    }

    @Test func aComplementFlagHoldsItsScopeLessTheListedDocuments() {
        #expect(ids("is:unseen") == ["b", "d"])
    }

    @Test func flagsCombineWithWordsNegationAndOr() {
        #expect(ids("spectrum is:seen") == ["a", "c"])
        #expect(ids("spectrum -is:seen").isEmpty)
        #expect(ids("-is:seen") == ["b", "d"])
        #expect(ids("NOT has:pin is:unseen") == ["b"])
        #expect(ids("has:pin OR auction") == ["c", "d"])
    }

    @Test func theSameQueryFollowsTheFlagsOfEachSearch() {
        var session = SearchSession(index: index)
        let before = session.search("is:seen", options: SearchOptions(flags: flags))
        var changed = flags
        changed[0] = .holding("is:seen", documents: [1])
        let after = session.search("is:seen", options: SearchOptions(flags: changed))
        #expect(Set(before.hits.map(\.id)) == ["a", "c"])
        #expect(after.hits.map(\.id) == ["b"])
    }

    @Test func anUnknownFlagIsAProblemListingTheKnownOnes() {
        let results = search("spectrum is:stared")
        #expect(results.problems.map(\.message) == [#"unknown flag "is:stared" — known: is:seen, is:unseen, has:pin"#])
        #expect(Set(results.hits.map(\.id)) == ["a", "c"])
    }

    @Test func withoutFlagsTheKeywordIsAnUnknownField() {
        let problems = index.search("is:seen", options: SearchOptions(lastWordIsPrefix: false)).problems.map(\.message)
        #expect(problems.first?.hasPrefix(#"unknown field "is""#) == true)
    }

    @Test func aFlagKeywordWithoutValueNeedsOne() {
        #expect(search("spectrum is:").problems.map(\.message) == ["is: needs a value after the colon"])
    }
}
