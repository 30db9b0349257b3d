@testable import TextSearch
import Testing

@Suite struct TermMatcherTests {
    /// A document's matching slots, found range by range, are the slots whose term the
    /// matcher matches, for random matchers and documents.
    @Test func matchingSlotsAreTheSlotsOfTheMatchedTerms() {
        var random = SeededGenerator(seed: 21)
        var found = 0
        for _ in 0..<500 {
            let candidates = (0..<Int.random(in: 0...12, using: &random)).map { _ -> (Range<Int>, Int) in
                let start = Int.random(in: 0..<400, using: &random)
                return (start..<start + Int.random(in: 0...30, using: &random), Int.random(in: 0...2, using: &random))
            }
            let matcher = TermMatcher(candidates: candidates)
            let padding = Int.random(in: 0...3, using: &random)
            let terms = [UInt32](repeating: 0, count: padding)
                + Set((0..<Int.random(in: 0...80, using: &random)).map { _ in UInt32.random(in: 0..<450, using: &random) }).sorted()
            terms.withUnsafeBufferPointer { storage in
                let held = SortedTerms(storage, slots: padding..<storage.count)
                let expected = held.slots.filter { matcher.typos(of: held[$0]) != nil }
                var slots: [Int] = []
                matcher.forEachMatchingSlot(in: held) { slots.append($0) }
                #expect(slots == expected)
                found += expected.count
            }
        }
        #expect(found > 1000)
    }
}
