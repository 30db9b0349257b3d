@testable import TextSearch
import Testing

/// The engine's top hits against `ReferenceBM25F`, which scores every document the plain way:
/// the same documents in the same order (up to ties within float rounding), the same scores,
/// and each of `Ranker`'s ways of selecting the best seen to run.
@Suite struct ReferenceRankingTests {
    /// No word stems to another (no plurals); `satelite` and `orbital` are a typo and a prefix
    /// away from other words.
    static let vocabulary = ["sat", "satellite", "satelite", "spectrum", "spectral", "sun", "star", "station", "signal",
                             "system", "sector", "service", "summit", "orbit", "orbital", "radio", "radar", "band", "beam",
                             "cable", "mobile", "network"]

    static let documents: [Document] = {
        var generator = SeededGenerator(seed: 2026)
        // Zipf-like: the first words are the most frequent.
        func word() -> String {
            let r = Double.random(in: 0..<1, using: &generator)
            let index = Int(Double(vocabulary.count) * r * r)
            return vocabulary[min(index, vocabulary.count - 1)]
        }
        func text(_ length: Int) -> String { (0..<length).map { _ in word() }.joined(separator: " ") }
        return (0..<3_000).map { i in
            Corpus.news("d\(i)", title: text(1 + i % 4), body: text(3 + i % 23), summary: i % 3 == 0 ? text(4) : "",
                        sector: [["ITU-R", "ITU-D"][i % 2]], date: 20200101 + i % 400)
        }
    }()

    static let index = SearchIndex(schema: Corpus.newsSchema, documents: documents)
    static let reference = ReferenceBM25F(schema: Corpus.newsSchema, documents: documents)

    /// Compares the engine's hits with the reference's ranking; returns the engine's trace.
    @discardableResult
    static func compare(_ query: String, limit: Int, prefix: Bool, expected: [ReferenceBM25F.Hit]? = nil,
                        sourceLocation: SourceLocation = #_sourceLocation) -> SearchTrace {
        let results = index.search(query, options: SearchOptions(limit: limit, lastWordIsPrefix: prefix))
        let expected = expected ?? reference.search(query, lastWordIsPrefix: prefix)
        let context = "\(query) limit \(limit) prefix \(prefix)"
        #expect(results.totalMatches == expected.count, "\(context)", sourceLocation: sourceLocation)
        #expect(results.hits.count == min(limit, expected.count), "\(context)", sourceLocation: sourceLocation)
        let byID = Dictionary(uniqueKeysWithValues: expected.map { ($0.id, $0) })
        for (rank, hit) in results.hits.enumerated() {
            // The hit is a match with the reference's words, typos and score...
            guard let own = byID[hit.id] else {
                Issue.record("\(context): \(hit.id) is not a match", sourceLocation: sourceLocation)
                continue
            }
            #expect(hit.matchedWords == own.matched && hit.typos == own.typos, "\(context): \(hit.id)", sourceLocation: sourceLocation)
            #expect(abs(hit.score - own.score) <= 1e-5 * max(1, own.score), "\(context): \(hit.id) \(hit.score) vs \(own.score)",
                    sourceLocation: sourceLocation)
            // ...and its place holds what the reference has there (so no better document was left out).
            guard rank < expected.count else { continue }
            let place = expected[rank]
            #expect(hit.typos == place.typos && abs(hit.score - place.score) <= 1e-5 * max(1, place.score),
                    "\(context): place \(rank) holds \(hit.id) \(hit.score), the reference \(place.id) \(place.score)",
                    sourceLocation: sourceLocation)
        }
        return results.trace
    }

    @Test func everyStrategyMatchesTheReference() {
        var strategies: Set<String> = []
        let queries = ["s", "sa", "sat", "satellite", "orbit", "o", "spectrum", "title:s", "title:spectrum", "body:sat", "satelite",
                       "signal s", "sat s", "s o", "sun signal", "sector station", "satellite orbit", "satellite sector s",
                       "radar s", "spectral sun s", "orbital radio", "summit zzz", "cable network mobile"]
        for query in queries {
            for prefix in [true, false] {
                let expected = ReferenceRankingTests.reference.search(query, lastWordIsPrefix: prefix)
                for limit in [1, 7, 20] {
                    let trace = ReferenceRankingTests.compare(query, limit: limit, prefix: prefix, expected: expected)
                    strategies.insert("\(trace.strategy)")
                }
            }
        }
        // Past the kept selection's largest limit, a word in one field is ranked densely.
        for query in ["title:spectrum", "title:s", "title:satelite"] {
            for prefix in [true, false] {
                let expected = ReferenceRankingTests.reference.search(query, lastWordIsPrefix: prefix)
                strategies.insert("\(ReferenceRankingTests.compare(query, limit: KeptWordSelection.largestLimit + 1, prefix: prefix, expected: expected).strategy)")
            }
        }
        #expect(strategies == ["singleWordWalk", "singleWordDense", "singleWordKept", "allWordsDense", "allWordsWalk", "everyCandidate"])
    }

    @Test func theSingleWordWalkRunsAndStopsEarly() {
        let trace = ReferenceRankingTests.compare("s", limit: 20, prefix: true)
        #expect(trace.strategy == .singleWordWalk)
        #expect(trace.termsSkipped > 0)
    }

    @Test func theAllWordsWalkRunsAndStopsEarly() {
        let trace = ReferenceRankingTests.compare("signal s", limit: 20, prefix: true)
        #expect(trace.strategy == .allWordsWalk)
        #expect(trace.termsSkipped > 0 || trace.documentsSkipped > 0)
    }

    /// A word in one field only, whose entries there were kept: fewer candidates than the
    /// word has documents, each offered as its entries are read.
    @Test func theKeptSingleWordPathRuns() {
        let trace = ReferenceRankingTests.compare("title:spectrum", limit: 20, prefix: false)
        #expect(trace.strategy == .singleWordKept)
    }

    /// The same past the kept selection's largest limit: ranked densely.
    @Test func theDenseSingleWordPathRuns() {
        let trace = ReferenceRankingTests.compare("title:spectrum", limit: KeptWordSelection.largestLimit + 1, prefix: false)
        #expect(trace.strategy == .singleWordDense)
    }

    @Test func theDenseAllWordsPathRuns() {
        let trace = ReferenceRankingTests.compare("sat satellite", limit: 20, prefix: false)
        #expect(trace.strategy == .allWordsDense)
    }

    @Test func rankingEveryCandidateMatchesTheReference() {
        for query in ["s", "signal s", "sat satellite"] {
            var options = SearchOptions(limit: 20)
            options.exhaustiveRanking = true
            let exhaustive = ReferenceRankingTests.index.search(query, options: options)
            #expect(exhaustive.trace.strategy == .everyCandidate)
            #expect(exhaustive == ReferenceRankingTests.index.search(query, options: SearchOptions(limit: 20)))
        }
    }
}
