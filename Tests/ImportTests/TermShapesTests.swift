import Catalog
import Testing
@testable import Import

@Suite("Term shapes")
struct TermShapesTests {
    @Test("every term the shapes were made from may be there; other first bytes and lengths are not")
    func keepsItsTerms() {
        var random = SplitMix64(seed: 3)
        let letters = Array("abcxyzéж国0").map(String.init)
        let terms = (0..<300).map { _ in
            (0..<(Int(random.next() % 80) + 1)).map { _ in letters[Int(random.next() % UInt64(letters.count))] }.joined()
        }
        let shapes = TermShapes(terms)
        for term in terms { #expect(shapes.mayContain(term), "\(term)") }
        #expect(!shapes.mayContain("q"))
        #expect(!shapes.mayContain(""))
        #expect(!TermShapes(["apple"]).mayContain("apples"))
        #expect(TermShapes([String(repeating: "a", count: 70)]).mayContain(String(repeating: "a", count: 90)))
    }
}
