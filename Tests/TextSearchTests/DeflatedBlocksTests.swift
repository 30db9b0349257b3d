@testable import SnapshotFormat
import Testing

/// Bytes deflated in blocks read back as they were, and a damaged or hostile block reads as
/// damaged (nil), never as other bytes, a trap or a write past its buffer.
@Suite struct DeflatedBlocksTests {
    /// About 300 KiB of text-like bytes cut into pieces of 1 to 3,000 bytes.
    static func sample(seed: UInt64) -> (bytes: [UInt8], cuts: [Int]) {
        var generator = SeededGenerator(seed: seed)
        let words = ["satellite", "spectrum", "orbit", "radio", "ITU-R", "réseau", "国际", "the", "of", "and"]
        var bytes: [UInt8] = [], cuts: [Int] = []
        while bytes.count < 300_000 {
            cuts.append(bytes.count)
            let length = Int.random(in: 1...3_000, using: &generator)
            var piece: [UInt8] = []
            while piece.count < length { piece += Array((words.randomElement(using: &generator)! + " ").utf8) }
            if Bool.random(using: &generator) { piece += (0..<64).map { _ in UInt8.random(in: 0...255, using: &generator) } }
            bytes += piece
        }
        return (bytes, cuts)
    }

    /// The blocks read from a copy of their sections, with checksums checked or not.
    static func reread(_ blocks: DeflatedBlocks, deflated: [UInt8]? = nil, rawStarts: [UInt32]? = nil,
                       checking: Bool = true) -> DeflatedBlocks? {
        let bytes = Column(deflated ?? blocks.deflated.array)
        guard let checksums = BlockChecksums(hashes: blocks.checksums.hashes, byteCount: bytes.count, checking: checking) else { return nil }
        return DeflatedBlocks(rawStarts: Column(rawStarts ?? blocks.rawStarts.array), deflatedStarts: blocks.deflatedStarts,
                              deflated: bytes, checksums: checksums)
    }

    @Test(arguments: [1, 6] as [Int32])
    func everyRangeReadsBackAsWritten(level: Int32) throws {
        let (bytes, cuts) = DeflatedBlocksTests.sample(seed: UInt64(level))
        let blocks = DeflatedBlocks.deflating(Column(bytes), cuts: cuts, level: level)
        #expect(blocks.blockCount > 4)
        #expect(blocks.deflated.count < bytes.count / 2)
        #expect(blocks.rawCount == bytes.count)
        // Every block starts at a cut, so no piece is split between two blocks.
        #expect(blocks.rawStarts.dropLast().allSatisfy { cuts.contains(Int($0)) })
        let read = try #require(DeflatedBlocksTests.reread(blocks))
        for (start, end) in zip(cuts, cuts.dropFirst() + [bytes.count]) {
            #expect(read.bytes(start..<end) == Array(bytes[start..<end]))
        }
        // Ranges across blocks, the whole, and empty ranges.
        var generator = SeededGenerator(seed: 5)
        for _ in 0..<200 {
            let start = Int.random(in: 0..<bytes.count, using: &generator)
            let end = Int.random(in: start...min(bytes.count, start + 100_000), using: &generator)
            #expect(read.bytes(start..<end) == Array(bytes[start..<end]))
        }
        #expect(read.bytes(0..<bytes.count) == bytes)
        #expect(read.bytes(7..<7) == [])
        #expect(read.verifyAll())
    }

    @Test func noBytesMakeNoBlocks() throws {
        let blocks = DeflatedBlocks.deflating(Column([]), cuts: [0], level: 1)
        #expect(blocks.blockCount == 0)
        #expect(blocks.rawCount == 0)
        #expect(try #require(DeflatedBlocksTests.reread(blocks)).bytes(0..<0) == [])
    }

    /// A changed deflated byte fails its block's checksum: that block reads as damaged, the others still read.
    @Test func aDamagedBlockReadsAsDamaged() throws {
        let (bytes, cuts) = DeflatedBlocksTests.sample(seed: 3)
        let blocks = DeflatedBlocks.deflating(Column(bytes), cuts: cuts, level: 1)
        var deflated = blocks.deflated.array
        let damagedBlock = 2
        deflated[Int(blocks.deflatedStarts[damagedBlock]) + 5] ^= 0x10
        let read = try #require(DeflatedBlocksTests.reread(blocks, deflated: deflated))
        let damaged = Int(blocks.rawStarts[damagedBlock])..<Int(blocks.rawStarts[damagedBlock + 1])
        #expect(read.bytes(damaged) == nil)
        #expect(read.bytes(damaged.lowerBound + 1..<damaged.lowerBound + 2) == nil)
        #expect(!read.verifyAll())
        let far = Int(blocks.rawStarts[damagedBlock + 2])..<Int(blocks.rawStarts[damagedBlock + 3])
        #expect(read.bytes(far) == Array(bytes[far]))
    }

    /// With checksums not checked (a hostile file recomputes them), changed deflated bytes,
    /// truncated blocks and blocks that declare another size than they inflate to read as
    /// damaged or as some bytes of the declared size, never trap.
    @Test func hostileBlocksNeverTrapAndStopAtTheirDeclaredSize() throws {
        let (bytes, cuts) = DeflatedBlocksTests.sample(seed: 4)
        let blocks = DeflatedBlocks.deflating(Column(bytes), cuts: cuts, level: 1)
        var generator = SeededGenerator(seed: 8)
        for _ in 0..<300 {
            var deflated = blocks.deflated.array
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                deflated[Int.random(in: 0..<deflated.count, using: &generator)] ^= UInt8.random(in: 1...255, using: &generator)
            }
            let read = try #require(DeflatedBlocksTests.reread(blocks, deflated: deflated, checking: false))
            for k in 0..<read.blockCount {
                let range = Int(read.rawStarts[k])..<Int(read.rawStarts[k + 1])
                if let raw = read.bytes(range) { #expect(raw.count == range.count) }
            }
        }
        // A block's deflated stream cut short does not inflate.
        let first = UnsafeBufferPointer(rebasing: blocks.deflated.buffer[0..<Int(blocks.deflatedStarts[1])])
        let rawSize = Int(blocks.rawStarts[1])
        #expect(DeflatedBlocks.inflate(first, rawSize: rawSize) == Array(bytes[0..<rawSize]))
        #expect(DeflatedBlocks.inflate(UnsafeBufferPointer(rebasing: first[0..<first.count / 2]), rawSize: rawSize) == nil)
        // A block that inflates to more than it declares stops at its declared size and is refused;
        // one that inflates to less is refused too.
        #expect(DeflatedBlocks.inflate(first, rawSize: rawSize - 1) == nil)
        #expect(DeflatedBlocks.inflate(first, rawSize: rawSize + 1) == nil)
        #expect(DeflatedBlocks.inflate(first, rawSize: 0) == nil)
        // Not a DEFLATE stream at all.
        let garbage: [UInt8] = [0xff, 0xff, 0xff, 0xff, 0x00, 0x01]
        #expect(garbage.withUnsafeBufferPointer { DeflatedBlocks.inflate($0, rawSize: 100) } == nil)
    }

    /// Tables that do not describe the deflated bytes are refused when read.
    @Test func hostileTablesAreRefused() {
        let (bytes, cuts) = DeflatedBlocksTests.sample(seed: 6)
        let blocks = DeflatedBlocks.deflating(Column(bytes), cuts: cuts, level: 1)
        let starts = blocks.rawStarts.array
        #expect(DeflatedBlocksTests.reread(blocks, rawStarts: starts) != nil)
        var decreasing = starts
        decreasing.swapAt(1, 2)
        #expect(DeflatedBlocksTests.reread(blocks, rawStarts: decreasing) == nil)
        var notFromZero = starts
        notFromZero[0] = 1
        #expect(DeflatedBlocksTests.reread(blocks, rawStarts: notFromZero) == nil)
        var tooFew = starts
        tooFew.removeLast()
        #expect(DeflatedBlocksTests.reread(blocks, rawStarts: tooFew) == nil)
        // A block declaring far more bytes than DEFLATE can make of its deflated bytes.
        var huge = starts
        for k in 1..<huge.count { huge[k] += UInt32(Int(blocks.deflatedStarts[1]) * DeflatedBlocks.maximumExpansion) }
        #expect(DeflatedBlocksTests.reread(blocks, rawStarts: huge) == nil)
        let shortDeflated = Array(blocks.deflated.array.dropLast())
        #expect(DeflatedBlocksTests.reread(blocks, deflated: shortDeflated) == nil)
    }
}
