import Catalog
import Testing
@testable import Import

@Suite("Word signatures")
struct WordSignatureTests {
    /// A sorted set of distinct hashes whose top bytes come from `bins` values only, so that
    /// many hashes share a bin (the case the bound must count right).
    static func hashes(_ random: inout SplitMix64, count: Int, bins: UInt64, values: UInt64) -> [UInt64] {
        Array(Set((0..<count).map { _ in (random.next() % bins) << 56 | (random.next() % values) })).sorted()
    }

    static func shared(_ a: [UInt64], _ b: [UInt64]) -> Int { Set(a).intersection(b).count }

    @Test("the bound is never below the words two sets share, and is exact for a set and itself")
    func boundHolds() {
        var random = SplitMix64(seed: 5)
        for round in 0..<3_000 {
            let bins: UInt64 = [1, 3, 40, 256][round % 4]
            let a = Self.hashes(&random, count: Int(random.next() % 160), bins: bins, values: 200)
            let b = Self.hashes(&random, count: Int(random.next() % 160), bins: bins, values: 200)
            let bound = WordSignature(a).sharedAtMost(WordSignature(b))
            #expect(bound >= Self.shared(a, b), "round \(round)")
            #expect(WordSignature(a).sharedAtMost(WordSignature(a)) == a.count, "round \(round)")
        }
    }

    @Test("sets in different bins share nothing by the bound")
    func separateBins() {
        let low: [UInt64] = [1 << 56 | 5, 1 << 56 | 9, 2 << 56]
        let high: [UInt64] = [200 << 56 | 5, 201 << 56]
        #expect(WordSignature(low).sharedAtMost(WordSignature(high)) == 0)
    }

    @Test("with the signature, near duplicates are exactly those of the Jaccard rule")
    func nearlyRepeatAgreesWithJaccard() {
        var random = SplitMix64(seed: 23)
        var matches = 0
        for round in 0..<5_000 {
            let bins: UInt64 = [2, 16, 256][round % 3]
            let title = Self.hashes(&random, count: Int(random.next() % 6), bins: bins, values: 6)
            let otherTitle = Self.hashes(&random, count: Int(random.next() % 6), bins: bins, values: 6)
            let body = Self.hashes(&random, count: Int(random.next() % 120), bins: bins, values: 60)
            // Often a body that keeps most of the first one's words.
            let otherBody = random.next() % 2 == 0 ? Self.hashes(&random, count: Int(random.next() % 120), bins: bins, values: 60)
                : body.filter { _ in random.next() % 10 != 0 } + Self.hashes(&random, count: Int(random.next() % 8), bins: bins, values: 60)
            let other = Array(Set(otherBody)).sorted()
            let expected = Similarity.jaccard(title, otherTitle) >= Similarity.titleThreshold
                || Similarity.jaccard(body, other) >= Similarity.bodyThreshold
            let found = WordSets(title: title, body: body).nearlyRepeat(WordSets(title: otherTitle, body: other))
            #expect(found == expected, "round \(round)")
            if expected { matches += 1 }
        }
        #expect(matches > 500)
    }
}
