import Foundation
@testable import SnapshotFormat
import Testing

/// Sections encoded in the background take their places in the section table when appended
/// and lie after the others in the file, always at the same places; the file written is the
/// bytes made in memory.
@Suite struct SnapshotWriterTests {
    static func writer() -> SnapshotWriter {
        var writer = SnapshotWriter(version: 7, identity: Array("id".utf8))
        writer.append([UInt32(1), 2, 3])
        writer.append(SectionsInBackground(sectionCount: 3) { background in
            usleep(20_000)
            background.append([UInt64(9), 8])
            background.appendBlockChecked(Column(Array("later".utf8)))
        })
        writer.append(SectionsInBackground(sectionCount: 1) { $0.append([UInt16(5)]) })
        writer.appendWhenWritten(sectionCount: 2) { $0.append(StringColumn(["made", "when written"])) }
        writer.append(Array("last".utf8))
        return writer
    }

    @Test func backgroundSectionsKeepTheirPlaceInTheTableAndComeLastInTheFile() throws {
        let writer = Self.writer()
        #expect(writer.sectionCount == 8)
        let bytes = writer.bytes()
        let reader = try SnapshotReader(file: bytes.withUnsafeBytes { MappedFile(copying: $0) }, version: 7)
        let sections = reader.sectionsForTesting
        let contents = sections.map { Array(bytes[$0.offset..<$0.offset + $0.byteCount]) }
        func raw<T>(_ values: [T]) -> [UInt8] { values.withUnsafeBytes { Array($0) } }
        #expect(contents == [raw([UInt32(1), 2, 3]), raw([UInt64(9), 8]), Array("later".utf8), contents[3],
                             raw([UInt16(5)]), raw([UInt32(0), 4, 16]), Array("madewhen written".utf8), Array("last".utf8)])
        #expect(sections.map(\.elementSize) == [4, 8, 1, 8, 2, 4, 1, 1])
        #expect(sections.map(\.isBlockChecked) == [false, false, true, false, false, false, false, false])
        // Encoded first, written first; those from the background and those made when written
        // after, in table order.
        let order = sections.indices.sorted { sections[$0].offset < sections[$1].offset }
        #expect(order == [0, 7, 1, 2, 3, 4, 5, 6])
        #expect(sections.allSatisfy { $0.offset % SnapshotLayout.sectionAlignment == 0 })
        #expect(Self.writer().bytes() == bytes)
    }

    @Test func theFileWrittenIsTheBytesMadeInMemory() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-writer-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("snapshot").path
        let writer = Self.writer()
        try writer.write(to: path)
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == writer.bytes())
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["snapshot"])
    }

    /// An empty section last still lies within the file (the reader checks that it does).
    @Test func anEmptySectionInTheBackgroundLiesWithinTheFile() throws {
        var writer = SnapshotWriter(version: 1, identity: [])
        writer.append([UInt8(1), 2, 3])
        writer.append(SectionsInBackground(sectionCount: 1) { $0.append([UInt64]()) })
        let bytes = writer.bytes()
        let reader = try SnapshotReader(file: bytes.withUnsafeBytes { MappedFile(copying: $0) }, version: 1)
        #expect(reader.sectionsForTesting.map(\.count) == [3, 0])
    }

    @Test func aColumnFilledInPlaceHoldsWhatWasWritten() {
        let column = Column<UInt16>(count: 5) { values in
            for k in values.indices { values[k] = UInt16(k * 3) }
        }
        #expect(column.array == [0, 3, 6, 9, 12])
        #expect(Column<UInt32>(count: 0) { _ in }.isEmpty)
    }
}
