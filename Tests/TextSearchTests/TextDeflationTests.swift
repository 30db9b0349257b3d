@testable import SnapshotFormat
@testable import TextSearch
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The texts' deflation begun while an index is built gives the blocks deflating the built
/// texts gives, and the snapshot written is the same byte for byte; blocks are taken once.
@Suite struct TextDeflationTests {
    /// Texts of random lengths (empty ones included, multi-byte letters) for `documentCount`
    /// documents of `fieldCount` fields.
    static func texts(documentCount: Int, fieldCount: Int, seed: UInt64) -> [String] {
        var generator = SeededGenerator(seed: seed)
        let words = ["satellite", "spectrum", "réseau", "国际", "ITU-R", "orbit", "the", ""]
        return (0..<documentCount * fieldCount).map { _ in
            let length = [0, 1, 40, 900, 5_000][Int.random(in: 0..<5, using: &generator)]
            return (0..<length).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
        }
    }

    /// Compared as a whole (a failure's message would otherwise print every byte).
    static func expectSameBlocks(_ a: DeflatedBlocks, _ b: DeflatedBlocks) {
        let same = a.rawStarts == b.rawStarts && a.deflatedStarts == b.deflatedStarts && a.deflated == b.deflated
            && a.checksums.hashes == b.checksums.hashes
        #expect(same, "the blocks differ: \(a.blockCount) and \(b.blockCount) blocks, \(a.deflated.count) and \(b.deflated.count) bytes")
    }

    @Test(arguments: [(1, 3), (3, 1), (5, 2), (2, 4)] as [(UInt64, Int)])
    func deflatingTheStringsGivesTheBlocksOfTheStoredTexts(seed: UInt64, fieldCount: Int) throws {
        let texts = Self.texts(documentCount: 200, fieldCount: fieldCount, seed: seed)
        let stored = StoredTexts(fieldCount: fieldCount, documentCount: 200, texts: StringColumn(texts), damage: SnapshotDamage())
        let begun = try #require(StoredTexts.startDeflating(texts, fieldCount: fieldCount).takeBlocks())
        #expect(begun.blockCount > 3)
        Self.expectSameBlocks(begun, stored.deflatedBlocks)
        let joined = Array(texts.joined().utf8)
        let readBack = begun.bytes(0..<joined.count) == joined
        #expect(readBack)
    }

    @Test func noTextsMakeNoBlocks() throws {
        let blocks = try #require(StoredTexts.startDeflating(["", "", ""], fieldCount: 3).takeBlocks())
        #expect(blocks.blockCount == 0 && blocks.rawCount == 0)
        #expect(try #require(StoredTexts.startDeflating([], fieldCount: 3).takeBlocks()).blockCount == 0)
    }

    /// Blocks all deflated by the thread of their own are joined there, before anyone asks, into
    /// the blocks deflating them at once gives.
    @Test func blocksDeflatedInTheBackgroundAreJoinedThere() throws {
        let texts = Self.texts(documentCount: 60, fieldCount: 2, seed: 4)
        let deflation = StoredTexts.startDeflating(texts, fieldCount: 2)
        let deadline = ContinuousClock.now + .seconds(20)
        while !deflation.isJoined && ContinuousClock.now < deadline { usleep(1_000) }
        #expect(deflation.isJoined)
        let stored = StoredTexts(fieldCount: 2, documentCount: 60, texts: StringColumn(texts), damage: SnapshotDamage())
        Self.expectSameBlocks(try #require(deflation.takeBlocks()), stored.deflatedBlocks)
    }

    /// The first taker gets the blocks; the stored texts deflate again for a second snapshot.
    @Test func blocksAreTakenOnce() throws {
        let texts = Self.texts(documentCount: 50, fieldCount: 2, seed: 8)
        let deflation = StoredTexts.startDeflating(texts, fieldCount: 2)
        let stored = StoredTexts(fieldCount: 2, documentCount: 50, texts: StringColumn(texts), damage: SnapshotDamage(), deflation: deflation)
        let first = stored.deflatedBlocks
        #expect(deflation.takeBlocks() == nil)
        Self.expectSameBlocks(first, stored.deflatedBlocks)
    }

    /// An index built for a snapshot writes the snapshot an index built without writes.
    @Test(arguments: [300, 3_000])
    func anIndexBuiltForASnapshotWritesTheSameSnapshot(documentCount: Int) throws {
        let documents = IndexBuildTests.documents(count: documentCount, seed: 11)
        let plain = SearchIndex(schema: Corpus.newsSchema, documentCount: documentCount) { documents[$0] }
        let prepared = SearchIndex(schema: Corpus.newsSchema, documentCount: documentCount, preparingSnapshot: true) { documents[$0] }
        #expect(prepared.data.storedTexts.deflation != nil && plain.data.storedTexts.deflation == nil)
        let bytes = SnapshotIndexTests.snapshotBytes(prepared)
        let same = bytes == SnapshotIndexTests.snapshotBytes(plain)
        #expect(same, "the snapshots differ")
        let read = try SnapshotIndexTests.open(bytes, schema: Corpus.newsSchema)
        #expect(read.data.storedTexts.deflatedBlocks.blockCount > (documentCount > 1_000 ? 3 : 0))
        IndexBuildTests.expectSame(read.data, plain.data)
    }
}
