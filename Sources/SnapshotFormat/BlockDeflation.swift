import CLibDeflate
import Foundation

/// Deflates blocks of raw bytes into `DeflatedBlocks`, the blocks taken one at a time from a
/// shared counter by every thread that works on them: one thread of its own from
/// `startInBackground()` (work begun early, beside other work, on one core), then, in
/// `takeBlocks()`, the caller with every core for the blocks left. When the thread of its own
/// deflates the last block, it also joins the blocks into their columns, so that a caller that
/// comes later finds them ready.
///
/// Invariant: every access to `next`, `completed`, `deflated`, `rawBlock`, `joined` and `taken`
/// holds `lock`; a block is deflated by the one thread that took its number; the blocks are
/// joined once, by the thread of its own (inside `background`) or, after waiting for it, by the
/// caller of `takeBlocks()`.
public final class BlockDeflation: @unchecked Sendable {
    /// Calls its second argument with the raw bytes of block `k` (the bytes `blockStarts[k] ..<
    /// blockStarts[k + 1]` of the whole).
    public typealias RawBlock = @Sendable (_ k: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Void

    private let blockStarts: [Int]
    private let blockCount: Int
    private let level: Int32
    private let lock = NSLock()
    private let background = DispatchGroup()
    private var next = 0
    private var completed = 0
    private var deflated: [[UInt8]]
    /// Released once every block is deflated, with whatever it holds the raw bytes in.
    private var rawBlock: RawBlock?
    private var joined: DeflatedBlocks?
    private var taken = false

    /// Where the blocks of `count` raw bytes start (and, last, `count`), each ending at the first
    /// of `cuts` (ascending positions) at or past `DeflatedBlocks.blockSize` bytes from its
    /// start, so that no piece the cuts delimit is split between two blocks.
    public static func blockStarts(count: Int, cuts: some Sequence<Int>) -> [Int] {
        var starts: [Int] = [0]
        for cut in cuts where cut - starts[starts.count - 1] >= DeflatedBlocks.blockSize && cut < count { starts.append(cut) }
        if count > 0 { starts.append(count) }
        return starts
    }

    /// Blocks from `blockStarts` (see `blockStarts(count:cuts:)`), deflated at `level` (1 fastest
    /// … 12 smallest) once started or taken.
    public init(blockStarts: [Int], level: Int32, rawBlock: @escaping RawBlock) {
        self.blockStarts = blockStarts
        blockCount = blockStarts.count - 1
        self.level = level
        self.rawBlock = rawBlock
        deflated = Array(repeating: [], count: blockCount)
    }

    /// Starts deflating on one thread of its own.
    public func startInBackground() {
        DispatchQueue.global().async(group: background) { [self] in
            work()
            joinIfComplete()
        }
    }

    /// The deflated blocks, once all are deflated (taking the ones left on every core), the
    /// first time this is called; nil after.
    public func takeBlocks() -> DeflatedBlocks? {
        DispatchQueue.concurrentPerform(iterations: ProcessInfo.processInfo.activeProcessorCount) { _ in work() }
        background.wait()
        joinIfComplete()
        return lock.withLock {
            defer { (joined, taken) = (nil, true) }
            return taken ? nil : joined
        }
    }

    /// Whether the blocks are joined, not yet taken (for tests).
    var isJoined: Bool { lock.withLock { joined != nil } }

    /// Deflates the blocks nobody took yet, one at a time, until none is left (its compressor
    /// made only once it has a block: a helper that comes when all are taken does nothing).
    private func work() {
        var compressor: Compressor?
        while true {
            let (k, rawBlock): (Int, RawBlock?) = lock.withLock {
                defer { next += 1 }
                return (next, next < blockCount ? self.rawBlock : nil)
            }
            guard let rawBlock else { return }
            let deflating = compressor ?? Compressor(level: level)
            compressor = deflating
            var output: [UInt8] = []
            rawBlock(k) { output = deflating.deflate($0) }
            lock.withLock {
                deflated[k] = output
                completed += 1
            }
        }
    }

    /// Joins the blocks into their columns when every one is deflated and they are not joined
    /// (or taken) yet; the raw bytes are released.
    private func joinIfComplete() {
        let parts: [[UInt8]]? = lock.withLock {
            guard completed == blockCount, joined == nil, !taken else { return nil }
            rawBlock = nil
            defer { deflated = [] }
            return deflated
        }
        guard let parts else { return }
        var deflatedStarts: [UInt32] = [0]
        deflatedStarts.reserveCapacity(parts.count + 1)
        for part in parts {
            let end = Int(deflatedStarts[deflatedStarts.count - 1]) + part.count
            precondition(end <= Int(UInt32.max), "compressed texts larger than 4 GiB")
            deflatedStarts.append(UInt32(end))
        }
        let bytes = Column<UInt8>(count: Int(deflatedStarts[parts.count])) { bytes in
            for (k, part) in parts.enumerated() {
                _ = UnsafeMutableBufferPointer(rebasing: bytes[Int(deflatedStarts[k])...]).initialize(fromContentsOf: part)
            }
        }
        let blocks = DeflatedBlocks(rawStarts: Column(blockStarts.map { UInt32($0) }), deflatedStarts: Column(deflatedStarts),
                                    deflated: bytes, checksums: bytes.withUnsafeBufferPointer { BlockChecksums(of: $0) })!
        lock.withLock { joined = blocks }
    }
}

/// One libdeflate compressor, for the blocks one thread deflates.
private final class Compressor {
    private let compressor: OpaquePointer

    init(level: Int32) {
        guard let compressor = libdeflate_alloc_compressor(level) else { preconditionFailure("libdeflate cannot start a compressor at level \(level)") }
        self.compressor = compressor
    }

    deinit { libdeflate_free_compressor(compressor) }

    func deflate(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let bound = libdeflate_deflate_compress_bound(compressor, input.count)
        return [UInt8](unsafeUninitializedCapacity: max(1, bound)) { buffer, initialized in
            let size = libdeflate_deflate_compress(compressor, input.baseAddress, input.count, buffer.baseAddress, bound)
            precondition(size > 0 || input.isEmpty, "libdeflate did not fit a block within its bound")
            initialized = size
        }
    }
}
