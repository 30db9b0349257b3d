extension Range where Bound == Int {
    /// The first index of this range at which `isBelow` is false, `upperBound` when there is
    /// none: a binary search, so `isBelow` must be true for a run of indices at the start of
    /// the range and false for all after it (as "the element at this index sorts before the one
    /// sought" is over sorted elements). Otherwise it returns some index of the range, or its end.
    @inline(__always)
    func partitionPoint(_ isBelow: (Int) -> Bool) -> Int {
        var low = lowerBound, high = upperBound
        while low < high {
            let mid = (low + high) / 2
            if isBelow(mid) { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
