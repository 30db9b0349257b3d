import Foundation
import TextSearch
import Testing

@Suite struct RankingTests {
    @Test func bm25ScoreMatchesAHandComputation() throws {
        let index = Corpus.bodies(["satellite orbit", "spectrum orbit spectrum", "radio waves"])
        let hit = try #require(index.search("spectrum", options: SearchOptions(lastWordIsPrefix: false)).hits.first)
        #expect(hit.id == "d1")
        // N = 3 documents, df("spectrum") = 1:
        //   idf = ln(1 + (3 - 1 + 0.5) / (1 + 0.5)) = ln(2.666667) = 0.980829
        // average length = (2 + 3 + 2) / 3 = 2.333333; d1 has length 3:
        //   norm = 1 / (1 - 0.75 + 0.75 * 3 / 2.333333) = 1 / 1.214286 = 0.823529
        // one field of weight 1, tf = 2:  tf~ = 1 * 2 * 0.823529 = 1.647059
        //   score = idf * tf~ * (1.2 + 1) / (tf~ + 1.2) = 0.980829 * 3.623529 / 2.847059 = 1.248328
        // field factor: the term is in a top-weighted field, so 0.5 + 0.5 * 1 / 1 = 1.
        #expect(abs(hit.score - 1.248328) < 0.000001)
    }

    @Test func titleMatchesOutrankBodyMatchesAndRepetitionHelps() {
        let index = SearchIndex(schema: Corpus.newsSchema, documents: [
            Corpus.news("body-once", title: "Annual report", body: "A note about spectrum and other matters of the year."),
            Corpus.news("title", title: "Spectrum report", body: "A note about other matters of the year in general."),
            Corpus.news("body-twice", title: "Annual report", body: "Spectrum here, and spectrum there, matters of the year."),
        ])
        #expect(Corpus.ids(index, "spectrum") == ["title", "body-twice", "body-once"])
    }

    @Test func bm25fWithSeveralWeightedFieldsMatchesAHandComputation() throws {
        // title 3, summary 1.5, body 1.
        let index = SearchIndex(schema: Corpus.newsSchema, documents: [
            Corpus.news("n0", title: "spectrum plan", body: "the spectrum of radio"),
            Corpus.news("n1", title: "radio plan", body: "spectrum spectrum orbit", summary: "spectrum"),
            Corpus.news("n2", title: "orbit", body: "plan", summary: "radio"),
        ])
        let options = SearchOptions(lastWordIsPrefix: false)
        let hits = index.search("spectrum", options: options).hits
        #expect(hits.map(\.id) == ["n0", "n1"])
        // N = 3, df = 2: idf = ln(1 + 1.5 / 2.5) = 0.470004.
        // Average lengths: title 5/3, summary 2/3, body 8/3.
        // n0: title (length 2) norm = 1 / (0.25 + 0.75 * 2 / (5/3)) = 0.869565; body (length 4)
        //   norm = 1 / (0.25 + 0.75 * 4 / (8/3)) = 0.727273. tf~ = 3 * 0.869565 + 1 * 0.727273 = 3.335968.
        //   score = 0.470004 * 3.335968 * 2.2 / 4.535968 = 0.760459; best field weight 3 of 3: factor 1.
        #expect(abs(hits[0].score - 0.760459) < 0.000001)
        // n1: summary (length 1) norm = 1 / (0.25 + 0.75 * 1 / (2/3)) = 0.727273; body (length 3, tf 2)
        //   norm = 1 / (0.25 + 0.75 * 3 / (8/3)) = 0.914286. tf~ = 1.5 * 0.727273 + 2 * 0.914286 = 2.919481.
        //   0.470004 * 2.919481 * 2.2 / 4.119481 = 0.732803; best field weight 1.5 of 3:
        //   factor 0.5 + 0.5 * 1.5 / 3 = 0.75, score 0.549602.
        #expect(abs(hits[1].score - 0.549602) < 0.000001)
        // Scoped to the body: n1 tf~ = 2 * 0.914286 = 1.828571, 0.470004 * 1.828571 * 2.2 / 3.028571
        //   = 0.624307, factor 0.5 + 0.5 * 1 / 3, score 0.416204; n0 tf~ = 0.727273, score 0.260128.
        let body = index.search("body:spectrum", options: options).hits
        #expect(body.map(\.id) == ["n1", "n0"])
        #expect(abs(body[0].score - 0.416204) < 0.000001)
        #expect(abs(body[1].score - 0.260128) < 0.000001)
    }

    @Test func moreWordsMatchedComeFirstWhateverTheTyposAndScore() throws {
        let index = Corpus.bodies([
            "satellite satellite satellite",                      // one word, exact, high score
            "satelite orbts note note note note note note note",  // both words, a typo in each, low score
        ])
        let hits = index.search("satellite OR orbits", options: SearchOptions(lastWordIsPrefix: false)).hits
        #expect(hits.map(\.id) == ["d1", "d0"])
        #expect(hits.map(\.matchedWords) == [2, 1])
        #expect(hits.map(\.typos) == [2, 0])
        #expect(hits[0].score < hits[1].score)
    }

    @Test func fewerTyposComeFirstWhateverTheScore() throws {
        let index = Corpus.bodies([
            "satelite satelite satelite",                     // one typo, high score
            "satellite note note note note note note note",  // exact, low score
        ])
        let hits = index.search("satellite", options: SearchOptions(lastWordIsPrefix: false)).hits
        #expect(hits.map(\.id) == ["d1", "d0"])
        #expect(hits.map(\.typos) == [0, 1])
        #expect(hits[0].score < hits[1].score)
    }

    @Test func withTheSameWordsAndTyposTheHigherScoreComesFirst() throws {
        let index = Corpus.bodies([
            "satellite note note note note note",   // older in index order, lower score
            "satellite satellite orbit",
        ], dates: [20250101, 20200101])
        let hits = index.search("satellite", options: SearchOptions(lastWordIsPrefix: false)).hits
        #expect(hits.map(\.id) == ["d1", "d0"])
        #expect(hits[0].score > hits[1].score)
        #expect(hits.map(\.typos) == [0, 0])
    }

    @Test func partialMatchesKeepTheDocumentsHoldingMostWords() {
        let index = Corpus.bodies(["satellite orbits", "satellite", "orbits radio"])
        let partial = index.search("satellite orbits zzzz", options: SearchOptions(lastWordIsPrefix: false))
        #expect(partial.isPartial)
        #expect(partial.hits.map(\.id) == ["d0"])
    }

    @Test func proximityBreaksTiesThenRecency() {
        let index = Corpus.bodies(["alpha gamma beta delta", "alpha beta gamma delta", "beta delta gamma alpha"],
                                  dates: [20200101, 20190101, 20210101])
        // Same words, same lengths: equal BM25F; the closer "alpha" and "beta", the better, whatever the dates.
        #expect(Corpus.ids(index, "alpha beta") == ["d1", "d0", "d2"])
        let same = Corpus.bodies(["alpha beta", "alpha beta", "alpha beta"], dates: [20200101, 20220101, nil])
        #expect(Corpus.ids(same, "alpha") == ["d1", "d0", "d2"])
    }

    @Test func topResultsOfALargeMatchSetEqualAFullSort() {
        // A one-letter prefix takes the bounded path; compare it with scoring every document.
        var generator = SeededGenerator(seed: 7)
        let words = ["sat", "satellite", "satellites", "spectrum", "sun", "star", "orbit", "radio", "signal", "system"]
        let texts = (0..<3_000).map { _ in (0..<12).map { _ in words.randomElement(using: &generator) ?? "" }.joined(separator: " ") }
        let index = Corpus.bodies(texts)
        let top = index.search("s", options: SearchOptions(limit: 25)).hits
        let everything = index.search("s", options: SearchOptions(limit: 3_000)).hits
        #expect(top.map(\.id) == Array(everything.prefix(25)).map(\.id))
        #expect(top.map(\.score) == Array(everything.prefix(25)).map(\.score))
        #expect(index.search("s").totalMatches == 3_000)
    }
}

/// A small deterministic generator (SplitMix64) so random tests repeat exactly.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
