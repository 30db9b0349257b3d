import Foundation

/// The XXH64 of each block of `blockSize` bytes of a large byte section (the last block may be
/// shorter), so that a reader which uses only small parts of the section (the texts of the 20
/// hits shown) checks only the blocks holding them, when it reads them, instead of hashing the
/// whole section when the snapshot is opened.
///
/// A block found to match its hash is remembered (for as long as any copy of these checksums
/// lives) and not hashed again: a snapshot's bytes do not change under a reader, as a new
/// snapshot replaces the file by a rename.
///
/// Invariant (checked by `init(hashes:byteCount:checking:)`): one hash per block of the bytes.
public struct BlockChecksums: Sendable, Equatable {
    public static let blockSize = 1 << 14

    public let hashes: Column<UInt64>
    /// False for a reader that does not check checksums (fuzzing: a hostile file recomputes them).
    private let checking: Bool
    private let verified: VerifiedBlocks

    /// The checksums of `bytes`, for writing.
    public init(of bytes: UnsafeBufferPointer<UInt8>) {
        let raw = UnsafeRawBufferPointer(bytes)
        let hashes = stride(from: 0, to: raw.count, by: Self.blockSize).map { start in
            XXH64.hash(UnsafeRawBufferPointer(rebasing: raw[start..<min(raw.count, start + Self.blockSize)]))
        }
        self.hashes = Column(hashes)
        self.checking = true
        self.verified = VerifiedBlocks(count: hashes.count)
    }

    /// Read from a snapshot: nil when `hashes` has not one hash per block of `byteCount` bytes.
    init?(hashes: Column<UInt64>, byteCount: Int, checking: Bool) {
        guard hashes.count == (byteCount + Self.blockSize - 1) / Self.blockSize else { return nil }
        self.hashes = hashes
        self.checking = checking
        self.verified = VerifiedBlocks(count: hashes.count)
    }

    /// Whether the blocks holding `range` of `bytes` (the section these checksums describe)
    /// have their recorded hashes. `range` must lie inside `bytes`.
    public func verify(_ range: Range<Int>, of bytes: Column<UInt8>) -> Bool {
        guard checking, !range.isEmpty else { return true }
        let raw = UnsafeRawBufferPointer(bytes.buffer)
        for block in range.lowerBound / Self.blockSize...(range.upperBound - 1) / Self.blockSize where !verified.contains(block) {
            let start = block * Self.blockSize
            let part = UnsafeRawBufferPointer(rebasing: raw[start..<min(raw.count, start + Self.blockSize)])
            if XXH64.hash(part) != hashes[block] { return false }
            verified.insert(block)
        }
        return true
    }

    /// Equal when they record the same hashes the same way (what has been verified aside).
    public static func == (a: BlockChecksums, b: BlockChecksums) -> Bool {
        a.hashes == b.hashes && a.checking == b.checking
    }
}

/// The blocks that matched their hashes, as a set of block numbers shared by the copies of a
/// `BlockChecksums` and safe to use from any thread.
///
/// Invariant: every access to `words` holds `lock` (an `NSLock`, which the thread sanitizer
/// understands, unlike the atomics inside the standard library's `Mutex`).
private final class VerifiedBlocks: @unchecked Sendable {
    private let lock = NSLock()
    private var words: [UInt64]

    init(count: Int) {
        words = Array(repeating: 0, count: (count + 63) / 64)
    }

    func contains(_ block: Int) -> Bool {
        lock.withLock { words[block >> 6] & (1 << UInt64(block & 63)) != 0 }
    }

    func insert(_ block: Int) {
        lock.withLock { words[block >> 6] |= 1 << UInt64(block & 63) }
    }
}
