import Testing
@testable import TextSearch

/// The interner's two ways of hashing a term must agree, or a term would get two ids.
@Suite struct TermHashTests {
    @Test func paddedHashEqualsPlainHashForEveryLength() {
        var state: UInt64 = 0x1234_5678
        for length in 0...40 {
            for _ in 0..<20 {
                var bytes: [UInt8] = []
                for _ in 0..<(length + 8) {
                    state = state &* 6364136223846793005 &+ 1442695040888963407
                    bytes.append(UInt8(truncatingIfNeeded: state >> 33))
                }
                bytes.append(0)
                bytes.withUnsafeMutableBufferPointer { buffer in
                    let term = TermScratch(buffer).term(0..<length)
                    #expect(TermInterner.hash(padded: term) == TermInterner.hash(term.bytes))
                    #expect(TermInterner.key(padded: term) == TermInterner.key(term.bytes))
                }
            }
        }
    }
}
