@testable import TextSearch
import Testing

/// The trie walk of `TypoSearch` (its band of cells, its skips over whole runs of terms)
/// against the plain definition: every term's optimal-string-alignment distance to the query
/// (in prefix mode, the smallest distance of any of its prefixes), one more for a term that
/// does not start with the query's first character, over random dictionaries of a small
/// alphabet, where near misses abound.
@Suite struct TypoSearchReferenceTests {
    /// Optimal-string-alignment distances (insertion, deletion, substitution, adjacent swap)
    /// from `a` to each prefix of `b`, the empty one first and `b` itself last.
    static func distances(_ a: [UInt32], toPrefixesOf b: [UInt32]) -> [Int] {
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count]
    }

    static func word(length: Int, using random: inout SeededGenerator) -> [UInt32] {
        (0..<length).map { _ in UInt32(97 + Int.random(in: 0..<4, using: &random)) }
    }

    /// Term id → the fewest typos the search reports for it.
    static func found(_ query: [UInt32], k: Int, prefix: Bool, in dictionary: TermDictionary) -> [Int: Int] {
        var result: [Int: Int] = [:]
        for (range, typos) in TypoSearch.search(query, maxTypos: k, prefix: prefix, in: dictionary) {
            for id in range { result[id] = min(result[id] ?? typos, typos) }
        }
        return result
    }

    @Test(arguments: [false, true])
    func matchesTheDistanceOfEveryTerm(prefix: Bool) {
        var random = SeededGenerator(seed: prefix ? 11 : 7)
        for _ in 0..<8 {
            var terms = Set<[UInt32]>()
            for _ in 0..<400 { terms.insert(Self.word(length: Int.random(in: 1...12, using: &random), using: &random)) }
            let sorted = terms.sorted { $0.lexicographicallyPrecedes($1) }
            let dictionary = TermDictionary(sortedTerms: sorted)
            for _ in 0..<12 {
                let query = Self.word(length: Int.random(in: 1...11, using: &random), using: &random)
                let best = sorted.map { term in
                    let distances = Self.distances(query, toPrefixesOf: term)
                    return prefix ? distances.min()! : distances[term.count]
                }
                for k in 0...2 {
                    var expected: [Int: Int] = [:]
                    for (id, distance) in best.enumerated() {
                        if sorted[id].first == query.first {
                            if distance <= k { expected[id] = distance }
                        } else if distance <= k - 1 {
                            // A typo in the first character counts two.
                            expected[id] = distance + 1
                        }
                    }
                    let actual = Self.found(query, k: k, prefix: prefix, in: dictionary)
                    #expect(actual == expected, "query \(String(decoding: query.map { UInt8($0) }, as: UTF8.self)), k \(k), prefix \(prefix); differing terms: \(Set(actual.keys).symmetricDifference(expected.keys).sorted().map { "\($0) " + String(decoding: sorted[$0].map { UInt8($0) }, as: UTF8.self) })")
                    if actual != expected { return }
                }
            }
        }
    }
}
