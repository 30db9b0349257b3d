import SnapshotFormat
import Testing

/// The snapshot checksum is XXH64 as published: its reference values, over every code path
/// (under 4 bytes, 4 to 7, 8 to 31, one 32-byte stripe and more).
@Suite struct XXH64Tests {
    @Test(arguments: [
        ("", 0xEF46_DB37_51D8_E999 as UInt64), ("a", 0xD24E_C4F1_A98C_6E5B), ("abc", 0x44BC_2CF5_AD77_0999),
        ("1234", 0xD831_6E61_D84F_6BA4), ("12345678", 0xD2D0_2F08_CF7C_FD4A),
        ("123456789012345", 0xC377_D78A_DE00_1A3C), ("1234567890123456", 0xB61C_33DC_6C59_F270),
        ("1234567890123456789012345678901", 0x8F36_7CB8_73A5_376E),
        ("12345678901234567890123456789012", 0x40FD_1AA5_2D98_274C),
    ])
    func referenceValues(text: String, expected: UInt64) {
        #expect(XXH64.hash(Array(text.utf8)) == expected)
    }

    /// Hashing in chunks (as a snapshot's sections are checked) gives the same value, and hands every byte over once.
    @Test func chunkedHashEqualsWholeHash() {
        let bytes = (0..<(20 << 20) + 13).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
        var handed = 0
        let chunked = bytes.withUnsafeBytes { XXH64.hash($0, afterEachChunk: { handed += $0.count }) }
        #expect(chunked == XXH64.hash(bytes))
        #expect(handed == bytes.count / 32 * 32)
    }
}
