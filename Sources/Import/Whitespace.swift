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

    /// Runs of white space become one space; ends are trimmed.
    static func collapse<S: StringProtocol>(_ text: S) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if contains(scalar) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether the ASCII word `needle` (lower-case) occurs in `text`, ignoring ASCII case.
    static func containsASCII(_ text: String, _ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        var matched = 0
        var start = 0
        let bytes = Array(text.utf8)
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
