/// A set of document numbers as a bitmap: fast to fill from postings, combine and count.
struct DocumentSet: Hashable, Sendable {
    private(set) var words: [UInt64]
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        words = [UInt64](repeating: 0, count: (capacity + 63) / 64)
    }

    /// A set of the given words; bits past `capacity` must be clear.
    init(words: [UInt64], capacity: Int) {
        precondition(words.count == (capacity + 63) / 64, "DocumentSet words do not match its capacity")
        self.words = words
        self.capacity = capacity
    }

    static func all(capacity: Int) -> DocumentSet {
        var set = DocumentSet(capacity: capacity)
        for i in set.words.indices { set.words[i] = ~0 }
        let extra = set.words.count * 64 - capacity
        if extra > 0, let last = set.words.indices.last { set.words[last] >>= UInt64(extra) }
        return set
    }

    @inline(__always) mutating func insert(_ document: Int) {
        words[document >> 6] |= 1 << UInt64(document & 63)
    }

    /// Inserts every document `body` passes to its argument, writing the bitmap in place: one
    /// check that the bitmap is not shared for them all, not one a document. Each must be
    /// within the set's capacity (checked).
    @inline(__always) mutating func insertAll(_ body: (_ insert: (Int) -> Void) -> Void) {
        let capacity = self.capacity
        words.withUnsafeMutableBufferPointer { words in
            body { document in
                precondition(document >= 0 && document < capacity, "document outside the set's capacity")
                words[document >> 6] |= 1 << UInt64(document & 63)
            }
        }
    }

    @inline(__always) func contains(_ document: Int) -> Bool {
        words[document >> 6] & (1 << UInt64(document & 63)) != 0
    }

    var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }
    var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    mutating func formIntersection(_ other: DocumentSet) {
        for i in words.indices { words[i] &= other.words[i] }
    }

    mutating func formUnion(_ other: DocumentSet) {
        for i in words.indices { words[i] |= other.words[i] }
    }

    mutating func subtract(_ other: DocumentSet) {
        for i in words.indices { words[i] &= ~other.words[i] }
    }

    func isSubset(of other: DocumentSet) -> Bool {
        zip(words, other.words).allSatisfy { $0 & ~$1 == 0 }
    }

    /// Calls `body` with each member, in increasing order.
    func forEach(_ body: (Int) -> Void) {
        for (w, word) in words.enumerated() {
            var bits = word
            while bits != 0 {
                let bit = bits.trailingZeroBitCount
                body(w << 6 | bit)
                bits &= bits - 1
            }
        }
    }

    var members: [Int] {
        var result: [Int] = []
        forEach { result.append($0) }
        return result
    }
}

extension DocumentSet {
    /// Where arrays of one value a member put each member: its place among the members in
    /// increasing order (0 for the smallest), found in constant time from the members counted
    /// before each word of the bitmap plus the bits below it in its word. Arrays so indexed hold
    /// one value a member, not one a document of the index. When members are more than an
    /// eighth of the capacity, the place is the document itself: arrays as long as the capacity
    /// then cost little more, and each lookup less.
    struct MemberIndex {
        private let words: [UInt64]
        /// Members in the words before word `w` (empty when places are documents).
        private let before: [UInt32]
        private let placesAreDocuments: Bool
        /// The length of an array indexed by place.
        let count: Int

        init(_ set: DocumentSet) {
            let members = set.count
            words = set.words
            placesAreDocuments = members > set.capacity / 8
            guard !placesAreDocuments else {
                before = []
                count = set.capacity
                return
            }
            var before: [UInt32] = []
            before.reserveCapacity(set.words.count)
            var total = 0
            for word in set.words {
                before.append(UInt32(total))
                total += word.nonzeroBitCount
            }
            self.before = before
            count = total
        }

        /// The place of `document`, which must be a member.
        @inline(__always) func place(of document: Int) -> Int {
            if placesAreDocuments { return document }
            let w = document >> 6
            let below = words[w] & ((1 << UInt64(document & 63)) &- 1)
            return Int(before[w]) + below.nonzeroBitCount
        }
    }
}
