@testable import SnapshotFormat
@testable import TextSearch
import Testing

/// Packed integers read back as written, in the bits their largest value needs; hostile widths,
/// counts and sizes are refused, and any bytes of the right size read without trapping.
@Suite struct PackedIntegersTests {
    @Test(arguments: [0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 24, 25, 31, 32])
    func valuesReadBackAsWritten(bitWidth: Int) {
        var generator = SeededGenerator(seed: UInt64(bitWidth) + 1)
        let largest = bitWidth == 0 ? 0 : UInt32(truncatingIfNeeded: (UInt64(1) << UInt64(bitWidth)) - 1)
        var values = (0..<1_000).map { _ in UInt32.random(in: 0...largest, using: &generator) }
        values[500] = largest
        let packed = PackedIntegers(packing: values)
        #expect(packed.bitWidth == bitWidth)
        #expect(packed.count == values.count)
        #expect(packed.bytes.count == (values.count * bitWidth + 7) / 8 + 8)
        #expect((0..<values.count).map { packed[$0] } == values)
        // Read back from its bytes, as a snapshot's reader does.
        let reread = PackedIntegers(count: packed.count, bitWidth: packed.bitWidth, bytes: Column(packed.bytes.array))
        #expect(reread == packed)
    }

    @Test func smallTypesAndNoValuesPack() {
        let fields: [UInt8] = [0, 4, 2, 3, 1, 4]
        let packed = PackedIntegers(packing: fields)
        #expect(packed.bitWidth == 3)
        #expect((0..<fields.count).map { UInt8(packed[$0]) } == fields)
        let none = PackedIntegers(packing: [UInt16]())
        #expect(none.count == 0 && none.bitWidth == 0 && none.bytes.count == 8)
    }

    /// Sizes, widths and counts that do not fit are refused, in the type and in a snapshot's sections.
    @Test func hostileShapesAreRefused() throws {
        let packed = PackedIntegers(packing: (0..<100).map { UInt32($0) * 1_000 })
        let bytes = packed.bytes
        #expect(PackedIntegers(count: 100, bitWidth: packed.bitWidth, bytes: bytes) != nil)
        #expect(PackedIntegers(count: 101, bitWidth: packed.bitWidth, bytes: bytes) == nil)
        #expect(PackedIntegers(count: 100, bitWidth: packed.bitWidth + 1, bytes: bytes) == nil)
        #expect(PackedIntegers(count: 100, bitWidth: 33, bytes: Column([UInt8](repeating: 0, count: 421))) == nil)
        #expect(PackedIntegers(count: -1, bitWidth: packed.bitWidth, bytes: bytes) == nil)
        #expect(PackedIntegers(count: 100, bitWidth: packed.bitWidth, bytes: Column(Array(bytes.array.dropLast()))) == nil)
        for shape: [UInt64] in [[100, 40], [UInt64.max, 17], [100], [100, 17, 0], [1 << 62, 0], [1 << 41, 0]] {
            var writer = SnapshotWriter(version: 1, identity: [])
            writer.append(shape)
            writer.append(bytes)
            let file = writer.bytes().withUnsafeBytes { MappedFile(copying: $0) }
            var cursor = try SnapshotReader(file: file, version: 1).cursor()
            #expect(throws: SnapshotError.self, "\(shape)") { try cursor.packedIntegers() }
        }
    }

    /// Any bytes of the right size read without trapping, each value within its width; a
    /// snapshot's column caps each at its ceiling.
    @Test func anyBytesReadWithinTheirWidthAndCeiling() throws {
        var generator = SeededGenerator(seed: 9)
        for bitWidth in [1, 5, 17, 32] {
            let count = 777
            let random = (0..<(count * bitWidth + 7) / 8 + 8).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let packed = try #require(PackedIntegers(count: count, bitWidth: bitWidth, bytes: Column(random)))
            #expect((0..<count).allSatisfy { UInt64(packed[$0]) < UInt64(1) << UInt64(bitWidth) })
            let column = IndexColumn<UInt32>(packed: packed, ceiling: 3)
            #expect(column.allSatisfy { $0 <= 3 })
            #expect(column.contains(3) || bitWidth == 1)
        }
    }
}
