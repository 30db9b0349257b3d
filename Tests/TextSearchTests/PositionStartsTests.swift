@testable import SnapshotFormat
@testable import TextSearch
import Testing

/// A snapshot's counts and checkpoints give every entry the positions its starts gave; tables
/// that do not fit are refused, and hostile counts give ranges cut to the positions.
@Suite struct PositionStartsTests {
    /// Starts of `entryCount` entries of 0 to 9 positions each.
    static func starts(entryCount: Int, seed: UInt64) -> [UInt32] {
        var generator = SeededGenerator(seed: seed)
        var starts: [UInt32] = [0]
        for _ in 0..<entryCount { starts.append(starts[starts.count - 1] + UInt32.random(in: 0...9, using: &generator)) }
        return starts
    }

    @Test(arguments: [0, 1, 63, 64, 65, 1_000])
    func countedRangesAreTheStartsRanges(entryCount: Int) throws {
        let starts = PositionStartsTests.starts(entryCount: entryCount, seed: UInt64(entryCount))
        let plain = PositionStarts(starts: Column(starts))
        let (counts, checkpoints) = plain.counted
        #expect(checkpoints.count == entryCount / 64 + 1)
        let read = try #require(PositionStarts(counts: counts, checkpoints: checkpoints, positionCount: Int(starts.last!)))
        for e in 0..<entryCount {
            #expect(read.range(ofEntry: e, within: .max) == Int(starts[e])..<Int(starts[e + 1]))
            #expect(read.count(ofEntry: e, within: .max) == Int(starts[e + 1] - starts[e]))
        }
        #expect(read == plain)
    }

    @Test func tablesThatDoNotFitAreRefused() {
        let starts = PositionStartsTests.starts(entryCount: 200, seed: 3)
        let (counts, checkpoints) = PositionStarts(starts: Column(starts)).counted
        let total = Int(starts.last!)
        #expect(PositionStarts(counts: counts, checkpoints: checkpoints, positionCount: total) != nil)
        #expect(PositionStarts(counts: counts, checkpoints: checkpoints, positionCount: total + 1) == nil)
        #expect(PositionStarts(counts: counts, checkpoints: Column(Array(checkpoints.array.dropLast())), positionCount: total) == nil)
        var shifted = checkpoints.array
        shifted[0] = 1
        #expect(PositionStarts(counts: counts, checkpoints: Column(shifted), positionCount: total) == nil)
    }

    /// Checkpoints that do not ascend and counts past the positions (with the end still right):
    /// every range read lies within the positions.
    @Test func hostileCountsGiveRangesWithinThePositions() throws {
        let counts = PackedIntegers(packing: [UInt32](repeating: 9, count: 130))
        var checkpoints: [UInt32] = [0, 5_000, 0]
        checkpoints[2] = UInt32(1_000 - 2 * 9)
        let read = try #require(PositionStarts(counts: counts, checkpoints: Column(checkpoints), positionCount: 1_000))
        for e in 0..<130 {
            let range = read.range(ofEntry: e, within: 1_000)
            #expect(range.lowerBound >= 0 && range.upperBound <= 1_000)
            #expect(read.count(ofEntry: e, within: 1_000) <= 1_000)
        }
    }
}
