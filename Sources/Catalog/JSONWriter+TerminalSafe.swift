/// Escapes for JSON that may be shown on a terminal: `JSONWriter` escapes the C0 control
/// characters; this also writes C1 controls, bidirectional controls and the line/paragraph
/// separators as `\uXXXX` escapes, so JSON shown on a terminal (printed, or a fixture file in
/// `git diff`) cannot steer it either. The escapes decode to the same strings, so no data
/// changes. Such characters can only occur inside JSON strings, where an escape is always valid.
extension JSONWriter {
    /// `bytes` with every C1 control, bidirectional control, U+2028 and U+2029 written as a
    /// `\uXXXX` escape; unchanged (and not copied) when there are none.
    public static func terminalSafe(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var copiedUpTo = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0xC2 || byte == 0xD8 || byte == 0xE2, let (scalar, length) = escapedScalar(bytes, at: index) else {
                index += 1
                continue
            }
            if out.isEmpty { out.reserveCapacity(bytes.count + 64) }
            out.append(contentsOf: bytes[copiedUpTo..<index])
            let hex = Array("0123456789ABCDEF".utf8)
            out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u")])
            for shift in [12, 8, 4, 0] { out.append(hex[Int((scalar >> UInt32(shift)) & 0xF)]) }
            index += length
            copiedUpTo = index
        }
        if copiedUpTo == 0 { return bytes }
        out.append(contentsOf: bytes[copiedUpTo...])
        return out
    }

    private static let escapedThreeByteScalars: Set<UInt32> = [
        0x200E, 0x200F, 0x2028, 0x2029, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
    ]

    /// The scalar starting at `index` when it must be escaped, and its length in bytes.
    private static func escapedScalar(_ bytes: [UInt8], at index: Int) -> (UInt32, Int)? {
        let lead = bytes[index]
        guard index + 1 < bytes.count else { return nil }
        let second = bytes[index + 1]
        if lead == 0xC2 { return (0x80...0x9F).contains(second) ? (UInt32(second), 2) : nil }
        if lead == 0xD8 { return second == 0x9C ? (0x061C, 2) : nil }
        guard lead == 0xE2, index + 2 < bytes.count else { return nil }
        let scalar = (UInt32(lead & 0x0F) << 12) | (UInt32(second & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F)
        return escapedThreeByteScalars.contains(scalar) ? (scalar, 3) : nil
    }
}
