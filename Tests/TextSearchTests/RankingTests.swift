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

    @Test func moreWordsMatchedThenFewerTyposThenScore() {
        let index = Corpus.bodies([
            "orbital satellite",              // "orbital" is two edits from "orbits": only one word
            "satellite orbits",               // both words exact
            "satelite orbits",                // both words, one typo
            "satellite satellite satellite",  // one word only
        ])
        let results = index.search("satellite orbits", options: SearchOptions(lastWordIsPrefix: false))
        #expect(results.hits.map(\.id) == ["d1", "d2"])
        #expect(results.hits.map(\.typos) == [0, 1])
        let partial = index.search("satellite orbits zzzz", options: SearchOptions(lastWordIsPrefix: false))
        #expect(partial.isPartial)
        #expect(partial.hits.map(\.id) == ["d1", "d2"])
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
