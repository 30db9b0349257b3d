import CPrefetch

/// Asks the CPU to start loading the cache line of one element of a buffer, and goes on without
/// waiting: a hint that changes no result, whatever the index (one outside the buffer is not
/// asked for). Loops whose reads land far apart in a column ask for the reads of a few turns
/// ahead, so that cold memory's trips overlap instead of each turn waiting for its own.
enum CacheHint {
    /// How many turns of such a loop ahead to ask: a turn takes a few nanoseconds, a trip to
    /// memory about a hundred.
    static let distance = 16

    @inline(__always) static func load<Element>(_ buffer: UnsafeBufferPointer<Element>, _ index: Int) {
        guard index >= 0, index < buffer.count, let base = buffer.baseAddress else { return }
        text_search_prefetch(base + index)
    }
}
