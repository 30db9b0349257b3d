@testable import TextSearch
import Testing

/// The bounded shortcuts of `Ranker` (one word, several words with a prefix driver, dense
/// scoring) must return exactly what ranking every candidate returns.
@Suite struct PrunedRankingTests {
    static let words = ["sat", "satellite", "satellites", "satelite", "spectrum", "spectral", "sun", "star", "station",
                        "orbit", "orbital", "radio", "signal", "system", "sector", "service", "development"]

    static func index(seed: UInt64, count: Int) -> SearchIndex {
        var generator = SeededGenerator(seed: seed)
        func text(_ length: Int) -> String {
            (0..<length).map { _ in words.randomElement(using: &generator) ?? "" }.joined(separator: " ")
        }
        let documents = (0..<count).map { i in
            Corpus.news("d\(i)", title: text(1 + i % 4), body: text(3 + i % 23), summary: i % 2 == 0 ? text(5) : "",
                        sector: [["ITU-R", "ITU-D"][i % 2]], date: 20200101 + i % 400)
        }
        return SearchIndex(schema: Corpus.newsSchema, documents: documents)
    }

    static func queries(seed: UInt64, count: Int) -> [String] {
        var generator = SeededGenerator(seed: seed)
        func word() -> String {
            let word = words.randomElement(using: &generator) ?? "s"
            return Bool.random(using: &generator) ? word : String(word.prefix(Int.random(in: 1...3, using: &generator)))
        }
        return (0..<count).map { _ in
            switch Int.random(in: 0..<6, using: &generator) {
            case 0: return word()
            case 1: return "\(word()) \(word())"
            case 2: return "\(word()) \(word()) \(word())"
            case 3: return "\"\(words.randomElement(using: &generator) ?? "") \(words.randomElement(using: &generator) ?? "")\" \(word())"
            case 4: return "title:\(word()) \(word())"
            default: return "\(word()) \(word()) sector:ITU-R"
            }
        }
    }

    /// The seeds of the random indexes and queries: one in a debug build, where the exhaustive
    /// search is slow (the suite's slowest test), three in the optimized sanitizer run of CI.
    static let seeds: [UInt64] = {
        #if DEBUG
        [1]
        #else
        [1, 2, 3]
        #endif
    }()

    @Test(arguments: PrunedRankingTests.seeds)
    func prunedTopKEqualsExhaustiveTopK(seed: UInt64) {
        let index = PrunedRankingTests.index(seed: seed, count: 2_500)
        var mismatches: [String] = []
        for query in PrunedRankingTests.queries(seed: seed * 31, count: 60) {
            for limit in [1, 7, 20] {
                for prefix in [true, false] {
                    let options = SearchOptions(limit: limit, lastWordIsPrefix: prefix)
                    var exhaustive = options
                    exhaustive.exhaustiveRanking = true
                    if index.search(query, options: options) != index.search(query, options: exhaustive) {
                        mismatches.append("\(query) limit \(limit) prefix \(prefix)")
                    }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test func aShortPrefixWithACommonWordTakesTheWalkAndMatchesExhaustive() {
        // Many candidates and a one-letter driver whose postings outnumber them: the walk path.
        let index = PrunedRankingTests.index(seed: 8, count: 3_000)
        for query in ["satellite s", "s orbit", "spectrum s", "radio s", "sector s"] {
            let options = SearchOptions(limit: 20, lastWordIsPrefix: true)
            var exhaustive = options
            exhaustive.exhaustiveRanking = true
            let results = index.search(query, options: options)
            #expect(results.totalMatches > 1_000, "\(query)")
            #expect(results == index.search(query, options: exhaustive), "\(query)")
        }
    }

    /// A phrase alone is ranked from the entries its walk kept; what it returns, in any field,
    /// with a filter or a word left out, is what ranking every candidate returns.
    @Test func aPhraseAloneIsRankedFromItsKeptEntriesAsEveryCandidateIs() {
        let index = PrunedRankingTests.index(seed: 5, count: 2_500)
        for query in ["\"satellite spectrum\"", "\"orbit radio signal\"", "title:\"sun star\"", "body:\"radio signal\"",
                      "\"spectrum satellite\" -orbit", "\"radio signal\" sector:ITU-D", "\"signal system\" sort:date"] {
            for limit in [1, 7, 20] {
                let options = SearchOptions(limit: limit)
                var exhaustive = options
                exhaustive.exhaustiveRanking = true
                let results = index.search(query, options: options)
                #expect(!results.hits.isEmpty, "\(query)")
                #expect(results == index.search(query, options: exhaustive), "\(query) limit \(limit)")
                if !query.contains("sort:") { #expect(results.trace.strategy == .singlePhrase, "\(query)") }
            }
        }
    }

    /// A word in one field is ranked from its kept entries (densely past the kept selection's
    /// largest limit), each candidate's best term kept on the way for its hit: the hits (their
    /// matched terms too) are what ranking every candidate gives, for words with typos, whose
    /// candidates hold several of its terms.
    @Test func aWordInOneFieldKeepsEachHitsBestTermAsEveryCandidateFindsIt() {
        let index = PrunedRankingTests.index(seed: 6, count: 2_500)
        var termCounts: Set<Int> = []
        let largest = KeptWordSelection.largestLimit
        for query in ["title:satelite", "title:satellites", "title:spectral", "summary:satelite", "title:orbitall"] {
            for (limit, prefix) in [(1, false), (7, false), (20, false), (20, true), (largest, false), (largest + 1, false)] {
                let options = SearchOptions(limit: limit, lastWordIsPrefix: prefix)
                var exhaustive = options
                exhaustive.exhaustiveRanking = true
                let results = index.search(query, options: options)
                #expect(results.trace.strategy == (limit <= largest ? .singleWordKept : .singleWordDense), "\(query)")
                #expect(results == index.search(query, options: exhaustive), "\(query) limit \(limit)")
                termCounts.formUnion(results.hits.map { Set($0.matchedTerms).count })
                termCounts.insert(Set(results.hits.flatMap(\.matchedTerms)).count)
            }
        }
        // The hits of a word of several terms hold different ones.
        #expect(termCounts.contains { $0 > 1 })
    }
}
