@testable import SnapshotFormat
@testable import TextSearch
import Testing

/// The later sections' checksums, checked on a second thread while a snapshot is opened
/// (`AheadChecks`): the same sections refused as when one thread checks them all, and the
/// sections checked block by block left alone.
@Suite struct AheadChecksTests {
    static let index = SearchIndex(schema: Corpus.newsSchema, documents: IndexBuildTests.documents(count: 400, seed: 5))
    static let bytes = SnapshotIndexTests.snapshotBytes(index)

    static func reader(_ bytes: [UInt8]) throws -> SnapshotReader {
        try SnapshotReader(file: bytes.withUnsafeBytes { MappedFile(copying: $0) }, version: 1)
    }

    @Test func theWorkerHashesEveryWholeCheckedSectionOfItsRunAndNoBlockCheckedOne() throws {
        let reader = try Self.reader(Self.bytes)
        let ahead = try #require(reader.cursor(aheadThreshold: 0).ahead)
        let sections = reader.sectionsForTesting
        #expect(ahead.firstSection > 0 && ahead.firstSection < sections.count)
        let expected = (ahead.firstSection..<sections.count).filter { !sections[$0].isBlockChecked }
        #expect(ahead.hashedSections == expected)
        #expect(sections.contains { $0.isBlockChecked })
        let workerBytes = expected.map { sections[$0].byteCount }.reduce(0, +)
        let allBytes = sections.filter { !$0.isBlockChecked }.map(\.byteCount).reduce(0, +)
        #expect(workerBytes * 100 >= allBytes * AheadChecks.workerShare)
        #expect(workerBytes < allBytes)
    }

    /// A block-checked section inside the worker's run is skipped by it, and still read right.
    @Test func theWorkerSkipsABlockCheckedSectionInItsRun() throws {
        let first = (0..<250_000).map { UInt32($0) }
        let texts = (0..<100_000).map { UInt8($0 % 251) }
        let last = (0..<12_500).map { UInt64($0) * 3 }
        var writer = SnapshotWriter(version: 1, identity: [])
        writer.append(first)
        writer.appendBlockChecked(Column(texts))
        writer.append(last)
        let reader = try Self.reader(writer.bytes())
        var cursor = reader.cursor(aheadThreshold: 0)
        let ahead = try #require(cursor.ahead)
        #expect(ahead.firstSection == 1)
        #expect(reader.sectionsForTesting[1].isBlockChecked)
        #expect(ahead.hashedSections == [2, 3])
        #expect(Array(try cursor.column(UInt32.self)) == first)
        let (bytes, checksums) = try cursor.blockCheckedBytes()
        #expect(Array(bytes) == texts && checksums.verify(0..<bytes.count, of: bytes))
        #expect(Array(try cursor.column(UInt64.self)) == last)
        #expect(cursor.isAtEnd)
    }

    /// A reader that reads only the first sections has the worker check among those alone.
    @Test func theWorkerChecksOnlyTheSectionsTheReaderReads() throws {
        let reader = try Self.reader(Self.bytes)
        let read = reader.sectionCount - 9
        let ahead = try #require(reader.cursor(aheadThreshold: 0, sectionsRead: read).ahead)
        #expect(!ahead.hashedSections.isEmpty)
        #expect(ahead.hashedSections.allSatisfy { $0 < read })
        #expect(ahead.hashedSections.last == read - 1)
    }

    /// Bytes written without the mark are not taken as checked by blocks: their checksum would
    /// then be checked by no one.
    @Test func unmarkedBytesAreNotReadAsBlockChecked() throws {
        let bytes = Column((0..<1_000).map { UInt8($0 % 251) })
        var writer = SnapshotWriter(version: 1, identity: [])
        writer.append(bytes)
        writer.append(BlockChecksums(of: bytes.buffer).hashes)
        var cursor = try Self.reader(writer.bytes()).cursor()
        #expect(throws: SnapshotError("section 0 is not marked to be checked by blocks")) { try cursor.blockCheckedBytes() }
    }

    @Test func aSmallSnapshotIsCheckedByTheReaderAlone() throws {
        #expect(try Self.reader(Self.bytes).cursor().ahead == nil)
    }

    /// One changed byte in each whole-checked section in turn: refused with that section's
    /// checksum mismatch, whether the worker or the reader checks it.
    @Test func aDamagedSectionIsRefusedOnEitherThread() throws {
        let reader = try Self.reader(Self.bytes)
        let sections = reader.sectionsForTesting
        let firstAhead = try #require(reader.cursor(aheadThreshold: 0).ahead).firstSection
        var checkedByWorker = 0
        for (number, section) in sections.enumerated() where !section.isBlockChecked && section.byteCount > 0 {
            var damaged = Self.bytes
            damaged[section.offset + section.byteCount / 2] ^= 0x41
            #expect(throws: SnapshotError("section \(number) checksum mismatch")) {
                try SnapshotIndexTests.open(damaged, schema: Corpus.newsSchema, aheadThreshold: 0)
            }
            if number >= firstAhead { checkedByWorker += 1 }
        }
        #expect(checkedByWorker > 0)
    }

    @Test func anIndexOpenedWithTheWorkerAnswersAsTheOneBuilt() throws {
        let read = try SnapshotIndexTests.open(Self.bytes, schema: Corpus.newsSchema, aheadThreshold: 0)
        SnapshotIndexTests.expectSameResults(Self.index, read)
    }

    @Test func anUnknownSectionFlagIsRefused() throws {
        var bytes = Self.bytes
        let identityLength = Int(bytes[16]) | Int(bytes[17]) << 8
        let firstFlags = SnapshotLayout.fixedHeaderSize + SnapshotLayout.padded(identityLength, to: 8) + 4
        bytes[firstFlags] = 2
        #expect(throws: SnapshotError("section 0: unknown flags 2")) { try Self.reader(bytes) }
    }
}
