/// White space as text extraction treats it, decided per Unicode scalar without the cost of
/// character properties: ASCII space and controls, no-break spaces, the typographic spaces
/// U+2000–U+200A, line and paragraph separators, and the ideographic space.
enum Whitespace {
    @inline(__always) static func contains(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Runs of white space become one space; ends are trimmed. Works on UTF-8 bytes: the
    /// white space above is ASCII or one of a few fixed multi-byte sequences.
    static func collapse<S: StringProtocol>(_ text: S) -> String {
        withBytes(of: text) { bytes in
            // The result is never longer than the text: a run of white space becomes at most one space.
            String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0
                var pendingSpace = false
                var index = 0
                while index < bytes.count {
                    let length = spaceLength(bytes, at: index)
                    if length > 0 {
                        pendingSpace = count > 0
                        index += length
                    } else {
                        if pendingSpace {
                            out[count] = 0x20
                            count += 1
                        }
                        pendingSpace = false
                        out[count] = bytes[index]
                        count += 1
                        index += 1
                    }
                }
                return count
            }
        }
    }

    /// `body` applied to the UTF-8 bytes of `text`, in place when they are contiguous.
    private static func withBytes<S: StringProtocol, Result>(of text: S, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// The length of the white-space character at `index` in UTF-8, or 0 when there is none.
    @inline(__always) private static func spaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return byte == 0x20 || (0x09...0x0D).contains(byte) ? 1 : 0 }
        guard byte == 0xC2 || byte == 0xE1 || byte == 0xE2 || byte == 0xE3, index + 1 < bytes.count else { return 0 }
        let second = bytes[index + 1]
        if byte == 0xC2 { return second == 0x85 || second == 0xA0 ? 2 : 0 }
        guard index + 2 < bytes.count else { return 0 }
        let scalar = (UInt32(byte & 0x0F) << 12) | (UInt32(second & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F)
        return Unicode.Scalar(scalar).map(contains) == true ? 3 : 0
    }

    /// Whether the ASCII word `needle` (lower-case) occurs in `text`, ignoring ASCII case.
    static func containsASCII(_ text: String, _ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        return withBytes(of: text) { bytes in
            contains(pattern, inASCIICaseFolded: bytes)
        }
    }

    /// Whether `pattern` (lower-case ASCII) occurs in `bytes`, ignoring ASCII case.
    private static func contains(_ pattern: [UInt8], inASCIICaseFolded bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var matched = 0
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index] >= 65 && bytes[index] <= 90 ? bytes[index] | 0x20 : bytes[index]
            if byte == pattern[matched] {
                if matched == 0 { start = index }
                matched += 1
                if matched == pattern.count { return true }
                index += 1
            } else if matched > 0 {
                matched = 0
                index = start + 1
            } else {
                index += 1
            }
        }
        return false
    }
}
