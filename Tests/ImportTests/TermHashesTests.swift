import Catalog
import Testing
@testable import TextSearch

@Suite("Term hashes")
struct TermHashesTests {
    @Test("sorted and distinct, the same as a general sort, for short and long lists", arguments: [0, 1, 2, 63, 64, 65, 150, 2_000])
    func sortedDistinct(count: Int) {
        var random = SplitMix64(seed: UInt64(count))
        for round in 0..<50 {
            // Some lists crowd a few top bytes, and repeat hashes.
            let crowded = round % 2 == 0
            let hashes = (0..<count).map { _ in
                crowded ? (random.next() % 3) << 56 | random.next() % UInt64(max(1, count / 2)) : random.next()
            }
            let sorted = hashes.withUnsafeBufferPointer { hashes in
                withUnsafeTemporaryAllocation(of: UInt64.self, capacity: hashes.count) { TextFolding.sortedDistinct(hashes, scratch: $0) }
            }
            #expect(sorted == Array(Set(hashes)).sorted(), "round \(round)")
        }
    }

    @Test("one hash per distinct word of a text, whatever the words' order")
    func wordsOfAText() {
        let words = (0..<300).map { "word\($0)" }
        let text = (words + words.prefix(50)).joined(separator: " ")
        let shuffled = (words.reversed() + words.suffix(20)).joined(separator: " ")
        let hashes = TextFolding.termHashes(of: text)
        #expect(hashes.count == 300)
        #expect(hashes == TextFolding.termHashes(of: shuffled))
    }
}
