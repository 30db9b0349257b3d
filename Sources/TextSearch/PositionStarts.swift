import SnapshotFormat

/// Where the positions of each posting entry lie in `IndexData.positions`: in an index built
/// here, the start of each entry's positions (one more for the end); in a snapshot, the number of
/// positions of each entry (its term frequency, packed in the few bits the largest needs) and
/// the start of every 64th entry's, the others summed from there when read. A snapshot's
/// numbers are not checked entry by entry when it is opened: each range read is cut to fit the
/// positions, so a hostile file gives wrong positions at worst.
///
/// Unchecked `Sendable`: `startsBuffer` is the buffer of the column `storage` holds, which
/// keeps it alive and never changes.
struct PositionStarts: @unchecked Sendable, Equatable {
    static let checkpointInterval = 64

    private enum Storage: Sendable {
        case starts(Column<UInt32>)
        case counted(counts: PackedIntegers, checkpoints: Column<UInt32>)
    }

    private let storage: Storage
    /// The starts' buffer when `storage` holds them: read without taking the column out of
    /// the enum, which would retain and release its owner on every read.
    private let startsBuffer: UnsafeBufferPointer<UInt32>?
    let entryCount: Int

    /// The start of each entry's positions, then their end (`entryCount + 1` values).
    init(starts: Column<UInt32>) {
        storage = .starts(starts)
        startsBuffer = starts.buffer
        entryCount = starts.count - 1
    }

    /// Read from a snapshot: nil unless there is one count per entry and one checkpoint per 64
    /// entries (and one for the end), the first at 0, the end's at `positionCount`.
    init?(counts: PackedIntegers, checkpoints: Column<UInt32>, positionCount: Int) {
        let entryCount = counts.count
        let interval = Self.checkpointInterval
        guard checkpoints.count == entryCount / interval + 1, checkpoints[0] == 0 else { return nil }
        var end = Int(checkpoints[entryCount / interval])
        for e in entryCount / interval * interval..<entryCount { end += Int(counts[e]) }
        guard end == positionCount else { return nil }
        storage = .counted(counts: counts, checkpoints: checkpoints)
        startsBuffer = nil
        self.entryCount = entryCount
    }

    /// The positions of entry `e` (below `entryCount`), cut to `0 ..< limit`.
    @inline(__always) func range(ofEntry e: Int, within limit: Int) -> Range<Int> {
        let start: Int, end: Int
        if let startsBuffer {
            precondition(e >= 0 && e < entryCount, "entry out of range")
            start = Int(startsBuffer[e])
            end = Int(startsBuffer[e + 1])
        } else if case .counted(let counts, let checkpoints) = storage {
            precondition(e >= 0 && e < entryCount, "entry out of range")
            var sum = Int(checkpoints[e / Self.checkpointInterval])
            for k in e / Self.checkpointInterval * Self.checkpointInterval..<e { sum += Int(counts[k]) }
            start = sum
            end = sum + Int(counts[e])
        } else {
            preconditionFailure("starts without their buffer")
        }
        let cut = Swift.min(end, limit)
        return Swift.min(start, cut)..<cut
    }

    /// The starts of an index built here, nil for a snapshot's counts.
    var plainStarts: Column<UInt32>? {
        if case .starts(let starts) = storage { return starts }
        return nil
    }

    /// The number of positions of entry `e`: its term frequency.
    @inline(__always) func count(ofEntry e: Int, within limit: Int) -> Int {
        if startsBuffer != nil { return range(ofEntry: e, within: limit).count }
        guard case .counted(let counts, _) = storage else { preconditionFailure("starts without their buffer") }
        return Swift.min(Int(counts[e]), limit)
    }

    /// The counts and checkpoints a snapshot stores.
    var counted: (counts: PackedIntegers, checkpoints: Column<UInt32>) {
        switch storage {
        case .starts(let starts):
            let counts = (0..<entryCount).lazy.map { starts[$0 + 1] - starts[$0] }
            let checkpoints = stride(from: 0, through: entryCount, by: Self.checkpointInterval).map { starts[$0] }
            return (PackedIntegers(packing: counts), Column(checkpoints))
        case .counted(let counts, let checkpoints):
            return (counts, checkpoints)
        }
    }

    /// Bytes held.
    var byteCount: Int {
        switch storage {
        case .starts(let starts): return starts.count * 4
        case .counted(let counts, let checkpoints): return counts.bytes.count + checkpoints.count * 4
        }
    }

    static func == (a: PositionStarts, b: PositionStarts) -> Bool {
        a.entryCount == b.entryCount
            && (0..<a.entryCount).allSatisfy { a.range(ofEntry: $0, within: .max) == b.range(ofEntry: $0, within: .max) }
    }
}
