import Dispatch

extension Array where Element: Sendable {
    /// `map` on every processor: the elements are cut into consecutive chunks, each chunk is
    /// transformed on one thread, and the results come back in the elements' order, so the
    /// result is the same as `map`'s whatever the threads do.
    func parallelMap<Result: Sendable>(chunkSize: Int = 64, _ transform: @Sendable (Element) -> Result) -> [Result] {
        let chunkSize = Swift.max(1, chunkSize)
        let chunkCount = (count + chunkSize - 1) / chunkSize
        guard chunkCount > 1 else { return map(transform) }
        let chunks = (0..<chunkCount).map { _ in ChunkResult<Result>() }
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let start = chunk * chunkSize
            chunks[chunk].values = self[start..<Swift.min(start + chunkSize, count)].map(transform)
        }
        var results: [Result] = []
        results.reserveCapacity(count)
        for chunk in chunks { results.append(contentsOf: chunk.values) }
        return results
    }
}

/// The results of one chunk of `parallelMap`: written by the one iteration of
/// `concurrentPerform` that owns the chunk, read after `concurrentPerform` returns (which orders
/// the write before the read).
private final class ChunkResult<Value>: @unchecked Sendable {
    var values: [Value] = []
}
