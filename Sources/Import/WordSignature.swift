/// A summary of a word set (sorted, distinct term hashes) that bounds, in a few instructions,
/// how many words two sets can share, so that most pairs of bodies that cannot reach the
/// similarity threshold are told apart without walking their words.
///
/// The hashes fall into 256 bins by their top byte. Two sets share a word only in a bin where
/// both have a hash, so they share at most, summed over the bins, the smaller of their two
/// counts there. The signature keeps, per bin, whether the set has one hash there and whether
/// it has two, and the number of hashes beyond the second in their bins, all bins together:
/// from these the bound is the bins where both have one, plus those where both have two, plus
/// the smaller of the two numbers beyond. It is never below the words the sets share, and it
/// equals the set's size when a set is compared with itself.
struct WordSignature: Hashable, Sendable {
    private var once = SIMD4<UInt64>()
    private var twice = SIMD4<UInt64>()
    private var beyondTwice = 0

    init(_ sortedHashes: [UInt64]) {
        // The bits are set in plain words (`once`'s four, then `twice`'s), not in the vectors,
        // whose lanes are not registers of their own.
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 8) { bits in
            bits.initialize(repeating: 0)
            var previousBin = -1
            var countInBin = 0
            for hash in sortedHashes {
                let bin = Int(hash >> 56)
                countInBin = bin == previousBin ? countInBin + 1 : 1
                previousBin = bin
                switch countInBin {
                case 1: bits[bin >> 6] |= 1 << UInt64(bin & 63)
                case 2: bits[4 + (bin >> 6)] |= 1 << UInt64(bin & 63)
                default: beyondTwice += 1
                }
            }
            once = SIMD4(bits[0], bits[1], bits[2], bits[3])
            twice = SIMD4(bits[4], bits[5], bits[6], bits[7])
        }
    }

    /// The most words the two sets can share.
    func sharedAtMost(_ other: WordSignature) -> Int {
        let inBoth = (once & other.once).nonzeroBitCount &+ (twice & other.twice).nonzeroBitCount
        return Int(inBoth.wrappedSum()) + min(beyondTwice, other.beyondTwice)
    }
}
