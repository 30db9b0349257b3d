#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Draws ranks 0..<count with probability proportional to 1 / (rank + 1)^exponent, the way
/// word frequencies fall off in real text (a few words very often, most rarely).
public struct ZipfSampler: Sendable {
    /// Cumulative probabilities; the last is 1.
    private let cumulative: [Double]

    public init(count: Int, exponent: Double = 1.0) {
        var weights = (0..<max(count, 0)).map { 1.0 / pow(Double($0 + 1), exponent) }
        let total = weights.reduce(0, +)
        var running = 0.0
        for index in weights.indices {
            running += weights[index] / total
            weights[index] = running
        }
        if let last = weights.indices.last { weights[last] = 1 }
        cumulative = weights
    }

    public var count: Int { cumulative.count }

    /// A rank, by binary search over the cumulative probabilities; 0 when `count` is 0.
    public func sample(using random: inout SplitMix64) -> Int {
        let u = random.unit()
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] <= u { low = middle + 1 } else { high = middle }
        }
        return max(low, 0)
    }
}

