import Testing
@testable import Catalog

@Suite("Arranging an array in place")
struct ArrangeTests {
    @Test("position i ends up holding what was at order[i], for any permutation")
    func arrangesByOrder() {
        var random = SplitMix64(seed: 11)
        for count in [0, 1, 2, 3, 10, 257] {
            for _ in 0..<20 {
                var order = Array(0..<count)
                for index in order.indices.reversed() where index > 0 {
                    order.swapAt(index, Int(random.next() % UInt64(index + 1)))
                }
                // Strings of more than 15 bytes live on the heap: a wrong move would show.
                let original = (0..<count).map { "element number \($0) of \(count)" }
                var arranged = original
                arranged.arrange(in: order)
                #expect(arranged == order.map { original[$0] }, "order \(order)")
            }
        }
    }
}
