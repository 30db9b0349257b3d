/// The term ids one document holds, ascending: its list in the forward index (`IndexData`),
/// read in place without bounds checks in release builds.
///
/// Invariant: `slots` lies within `storage` and the ids there ascend. Both are checked with
/// `assert`, in debug builds, when the value is made; each read checks its slot too.
struct SortedTerms {
    private let storage: UnsafeBufferPointer<UInt32>
    /// The document's slots in `storage`.
    let slots: Range<Int>

    init(_ storage: UnsafeBufferPointer<UInt32>, slots: Range<Int>) {
        assert(slots.lowerBound >= 0 && slots.upperBound <= storage.count, "a document's terms lie within the forward index")
        assert(slots.dropFirst().allSatisfy { storage[$0 - 1] < storage[$0] }, "a document's terms ascend")
        self.storage = storage
        self.slots = slots
    }

    /// The term id in `slot`.
    @inline(__always) subscript(slot: Int) -> Int {
        assert(slots.contains(slot), "slot \(slot) outside the document's terms \(slots)")
        return Int(storage[slot])
    }

    /// The first slot from `start` (the first of the document's when nil) holding a term of at
    /// least `term` (`slots.upperBound` when none).
    @inline(__always) func firstSlot(atLeast term: Int, from start: Int? = nil) -> Int {
        var low = start ?? slots.lowerBound, high = slots.upperBound
        while low < high {
            let mid = (low + high) / 2
            if self[mid] < term { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
