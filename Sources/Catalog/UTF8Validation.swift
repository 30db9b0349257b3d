/// Checks UTF-8 well-formedness (RFC 3629: no overlong forms, no surrogates, nothing above
/// U+10FFFF), so that no text is ever made from broken bytes.
enum UTF8Validation {
    /// The length of the well-formed sequence that starts at `index` (1 for ASCII), or nil
    /// when the bytes there are not UTF-8.
    static func sequenceLength(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard index >= 0, index < bytes.count else { return nil }
        let lead = bytes[index]
        if lead < 0x80 { return 1 }
        let length: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: return nil
        }
        guard index + 1 < bytes.count, (lower...upper).contains(bytes[index + 1]) else { return nil }
        for next in 2..<length {
            guard index + next < bytes.count, (0x80...0xBF).contains(bytes[index + next]) else { return nil }
        }
        return length
    }

    /// The offset of the first byte in `range` that does not start or continue a well-formed
    /// sequence, or nil. `range` should start at a sequence boundary; a sequence may run past
    /// its end. Whole words of ASCII are skipped eight bytes at a time.
    static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>? = nil) -> Int? {
        let range = range ?? 0..<bytes.count
        guard let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        let end = min(range.upperBound, bytes.count)
        var index = max(range.lowerBound, 0)
        while index < end {
            while index + 8 <= end, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
            }
            guard index < end else { return nil }
            guard let length = sequenceLength(at: index, in: bytes) else { return index }
            index += length
        }
        return nil
    }

    /// The message for bytes that are not UTF-8.
    static func message(for byte: UInt8) -> String {
        "not valid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true))); save the file as UTF-8"
    }
}
