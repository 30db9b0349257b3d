import CLibDeflate
import Foundation

/// Bytes stored compressed (raw DEFLATE, by libdeflate) in blocks, each inflated on its own when a
/// part of it is read: a snapshot's texts take less than half their size (at level 1 on
/// generated news), and a reader that shows a few of them inflates only the blocks holding those.
///
/// Block `k` holds the raw bytes `rawStarts[k] ..< rawStarts[k + 1]`, deflated into
/// `deflated[deflatedStarts[k] ..< deflatedStarts[k + 1]]`. The deflated bytes carry an XXH64 per
/// 16 KiB (`BlockChecksums`), checked over the deflated bytes before a block is inflated: the
/// decompressor then never sees damaged input, and the hash runs over less than half the bytes it would
/// over the inflated ones. A block that fails its checksum, does not inflate, or inflates to
/// another size than its declared one reads as damaged (nil), never as wrong bytes, and inflating
/// stops at the declared size: a hostile block cannot make the reader write past its buffer.
///
/// Invariant (checked by `init(rawStarts:deflatedStarts:deflated:checksums:)`): both tables
/// have one entry more than there are blocks, start at 0, never decrease, and end at the raw
/// size and at `deflated.count`; no block declares more than `maximumExpansion` times its
/// deflated size (plus a little), so a hostile file cannot make a reader allocate far more than
/// its own size for one block.
public struct DeflatedBlocks: Sendable {
    /// The raw size a writer aims at for one block (a block ends at the first cut at or past it).
    public static let blockSize = 1 << 15
    /// How many sections a snapshot stores them in (see `SnapshotWriter.append(_:)`).
    public static let sectionCount = 4
    /// DEFLATE never expands more than about 1032 to 1.
    static let maximumExpansion = 1032

    public let rawStarts: Column<UInt32>
    public let deflatedStarts: Column<UInt32>
    public let deflated: Column<UInt8>
    /// Checksums of `deflated`, by 16 KiB block.
    public let checksums: BlockChecksums
    /// The blocks inflated last, shared by the copies of this value.
    private let recent = RecentBlocks()

    public var blockCount: Int { rawStarts.count - 1 }
    /// The size of the bytes before compression.
    public var rawCount: Int { Int(rawStarts[rawStarts.count - 1]) }

    /// Validates the invariant; nil when the tables do not describe `deflated`.
    public init?(rawStarts: Column<UInt32>, deflatedStarts: Column<UInt32>, deflated: Column<UInt8>,
                 checksums: BlockChecksums) {
        guard rawStarts.count >= 1, deflatedStarts.count == rawStarts.count, rawStarts[0] == 0, deflatedStarts[0] == 0,
              Int(deflatedStarts[deflatedStarts.count - 1]) == deflated.count else { return nil }
        for k in 0..<rawStarts.count - 1 {
            guard rawStarts[k] <= rawStarts[k + 1], deflatedStarts[k] <= deflatedStarts[k + 1] else { return nil }
            let rawSize = Int(rawStarts[k + 1] - rawStarts[k]), deflatedSize = Int(deflatedStarts[k + 1] - deflatedStarts[k])
            guard rawSize <= deflatedSize * Self.maximumExpansion + 64 else { return nil }
        }
        self.rawStarts = rawStarts
        self.deflatedStarts = deflatedStarts
        self.deflated = deflated
        self.checksums = checksums
    }

    /// `bytes` deflated at `level` (1 fastest … 12 smallest) in blocks that end at the first of
    /// `cuts` (ascending positions in `bytes`) at or past `blockSize` bytes from their start, so
    /// that no piece delimited by the cuts is split between two blocks. The blocks are
    /// compressed on every core.
    public static func deflating(_ bytes: Column<UInt8>, cuts: some Sequence<Int>, level: Int32) -> DeflatedBlocks {
        let starts = BlockDeflation.blockStarts(count: bytes.count, cuts: cuts)
        return BlockDeflation(blockStarts: starts, level: level) { k, body in
            body(UnsafeBufferPointer(rebasing: bytes.buffer[starts[k]..<starts[k + 1]]))
        }.takeBlocks()!
    }

    /// The raw bytes of `range` (inside `0 ..< rawCount`), inflating the blocks that hold them;
    /// nil when one of those blocks is damaged.
    public func bytes(_ range: Range<Int>) -> [UInt8]? {
        guard !range.isEmpty else { return [] }
        var result: [UInt8] = []
        var k = block(holding: range.lowerBound)
        while k < blockCount && Int(rawStarts[k]) < range.upperBound {
            let start = Int(rawStarts[k]), end = Int(rawStarts[k + 1])
            if end > range.lowerBound {
                guard let raw = inflated(k) else { return nil }
                let from = max(start, range.lowerBound) - start, to = min(end, range.upperBound) - start
                if from == 0 && to == raw.count && result.isEmpty && end >= range.upperBound { return raw }
                result += raw[from..<to]
            }
            k += 1
        }
        return result.count == range.count ? result : nil
    }

    /// Whether every block passes its checksum and inflates to its declared size (for a report
    /// on the whole file).
    public func verifyAll() -> Bool {
        (0..<blockCount).allSatisfy { k in Self.inflate(self, block: k) != nil }
    }

    /// The last block whose raw start is at or before `position`.
    private func block(holding position: Int) -> Int {
        var low = 0, high = blockCount
        while high - low > 1 {
            let mid = (low + high) / 2
            if Int(rawStarts[mid]) <= position { low = mid } else { high = mid }
        }
        return low
    }

    /// The raw bytes of block `k`, from the recent blocks or inflated now.
    private func inflated(_ k: Int) -> [UInt8]? {
        if let known = recent.bytes(of: k) { return known }
        guard let raw = Self.inflate(self, block: k) else { return nil }
        recent.keep(raw, of: k)
        return raw
    }

    /// Block `k` checked and inflated; nil when it fails its checksum or does not inflate to
    /// exactly its declared size.
    static func inflate(_ blocks: DeflatedBlocks, block k: Int) -> [UInt8]? {
        let input = Int(blocks.deflatedStarts[k])..<Int(blocks.deflatedStarts[k + 1])
        guard blocks.checksums.verify(input, of: blocks.deflated) else { return nil }
        let rawSize = Int(blocks.rawStarts[k + 1] - blocks.rawStarts[k])
        return inflate(UnsafeBufferPointer(rebasing: blocks.deflated.buffer[input]), rawSize: rawSize)
    }

    /// `input` (raw DEFLATE) inflated into exactly `rawSize` bytes; nil when it is not a whole
    /// stream of that size. libdeflate never writes past the `rawSize` bytes given to it.
    static func inflate(_ input: UnsafeBufferPointer<UInt8>, rawSize: Int) -> [UInt8]? {
        guard let decompressor = libdeflate_alloc_decompressor() else { return nil }
        defer { libdeflate_free_decompressor(decompressor) }
        var whole = false
        // At least one byte of capacity: an empty request would hand out the storage all empty
        // arrays share, whose count the array then writes (a race the thread sanitizer reports).
        let output = [UInt8](unsafeUninitializedCapacity: max(1, rawSize)) { buffer, initialized in
            var read = 0, written = 0
            let result = libdeflate_deflate_decompress_ex(decompressor, input.baseAddress, input.count,
                                                          buffer.baseAddress, rawSize, &read, &written)
            whole = result == LIBDEFLATE_SUCCESS && written == rawSize && read == input.count
            initialized = whole ? rawSize : 0
        }
        return whole ? output : nil
    }
}

/// The raw bytes of the few blocks inflated last (the texts of one page of results often share
/// blocks), shared by the threads of a reader.
///
/// Invariant: every access to `blocks` holds `lock`.
private final class RecentBlocks: @unchecked Sendable {
    private static let capacity = 4
    private let lock = NSLock()
    private var blocks: [(block: Int, bytes: [UInt8])] = []

    func bytes(of block: Int) -> [UInt8]? {
        lock.withLock { blocks.first { $0.block == block }?.bytes }
    }

    func keep(_ bytes: [UInt8], of block: Int) {
        lock.withLock {
            blocks.insert((block, bytes), at: 0)
            if blocks.count > Self.capacity { blocks.removeLast() }
        }
    }
}
