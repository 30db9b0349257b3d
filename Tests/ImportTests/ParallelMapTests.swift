import Testing
@testable import Import

@Suite("Parallel map")
struct ParallelMapTests {
    @Test("gives map's results in map's order, for any count and chunk size")
    func sameAsMap() {
        for count in [0, 1, 2, 63, 64, 65, 1_000] {
            for chunkSize in [1, 3, 64, 5_000] {
                let elements = Array(0..<count)
                #expect(elements.parallelMap(chunkSize: chunkSize) { $0 * 7 + 1 } == elements.map { $0 * 7 + 1 },
                        "count \(count), chunk size \(chunkSize)")
            }
        }
    }
}
