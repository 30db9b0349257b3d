/// Unsigned integers of `bitWidth` bits each (0 to 32), packed back to back (little-endian bit
/// order) and read by index in place: a snapshot's postings take the bits their largest value
/// needs (17 for the documents of 100,000 news, 3 for five fields) instead of 32.
///
/// Invariant (checked by `init(count:bitWidth:bytes:)`): `bitWidth` is at most 32 and `bytes`
/// holds exactly the packed bits plus 8 bytes of padding, so reading the 8 bytes at the byte
/// where any value `0 ..< count` starts stays inside `bytes`. A value read is below
/// `2^bitWidth`; what it means is the caller's to check.
public struct PackedIntegers: Sendable, Equatable {
    public let count: Int
    public let bitWidth: Int
    public let bytes: Column<UInt8>
    @usableFromInline let mask: UInt64

    /// How many sections a snapshot stores one in (see `SnapshotWriter.append(_:)`).
    public static let sectionCount = 2

    /// The most values one column holds (so that their bit count never overflows).
    static let maximumCount = 1 << 40

    /// The bytes that hold `count` values of `bitWidth` bits, padding included.
    @usableFromInline static func byteCount(count: Int, bitWidth: Int) -> Int { (count * bitWidth + 7) / 8 + 8 }

    /// Validates the invariant; nil when `bytes` is not the size `count` values of `bitWidth` bits take.
    public init?(count: Int, bitWidth: Int, bytes: Column<UInt8>) {
        guard bitWidth >= 0, bitWidth <= 32, count >= 0, count <= Self.maximumCount,
              bytes.count == Self.byteCount(count: count, bitWidth: bitWidth) else { return nil }
        self.count = count
        self.bitWidth = bitWidth
        self.bytes = bytes
        self.mask = (UInt64(1) << UInt64(bitWidth)) - 1
    }

    /// `values` packed in as many bits as the largest of them needs. Inlinable, so that it is
    /// specialized for the caller's collection (a generic loop over 15 million values would
    /// cost seconds).
    @inlinable
    public init<Values: Collection>(packing values: Values) where Values.Element: FixedWidthInteger & UnsignedInteger {
        var largest: UInt64 = 0
        for value in values { largest = Swift.max(largest, UInt64(value)) }
        let bitWidth = 64 - largest.leadingZeroBitCount
        precondition(bitWidth <= 32, "values wider than 32 bits")
        let byteCount = Self.byteCount(count: values.count, bitWidth: bitWidth)
        // Values are gathered in a 64-bit word and stored a whole word at a time, in order: each
        // byte is written once, with no array to clear and copy. Whole words cover at most the
        // packed bits, so they end at least 8 bytes (the padding) before `byteCount`.
        let bytes = Column<UInt8>(count: byteCount) { bytes in
            let raw = UnsafeMutableRawBufferPointer(bytes)
            var word: UInt64 = 0, filled = 0, stored = 0
            for value in values {
                let value = UInt64(value)
                word |= value << UInt64(filled)
                filled += bitWidth
                if filled >= 64 {
                    raw.storeBytes(of: word.littleEndian, toByteOffset: stored, as: UInt64.self)
                    stored += 8
                    filled -= 64
                    word = filled == 0 ? 0 : value >> UInt64(bitWidth - filled)
                }
            }
            for k in stored..<byteCount {
                raw[k] = UInt8(truncatingIfNeeded: word)
                word >>= 8
            }
        }
        self.init(count: values.count, bitWidth: bitWidth, bytes: bytes)!
    }

    /// Value `index` (`0 ..< count`, checked). Inlinable, so that the postings' readers in
    /// other modules unpack without a call per value.
    @inlinable @inline(__always) public subscript(index: Int) -> UInt32 {
        precondition(index >= 0 && index < count, "PackedIntegers index out of range")
        let bit = index &* bitWidth
        // In bounds by the invariant: bytes.count >= bit / 8 + 8.
        let word = UnsafeRawPointer(bytes.buffer.baseAddress!).loadUnaligned(fromByteOffset: bit >> 3, as: UInt64.self)
        return UInt32(truncatingIfNeeded: (UInt64(littleEndian: word) >> UInt64(bit & 7)) & mask)
    }
}
