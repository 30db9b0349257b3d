/// Finds conference codes such as `WRC-23`, `WTSA-24` or `PP-22` in a text.
///
/// A code is one of the conference names below in capitals, a hyphen, and two or four decimal
/// digits (of any script), standing alone: neither the character before it nor the one after it
/// is a letter, a number or a hyphen. The text's UTF-8 bytes are read once, left to right;
/// scalars are decoded only around a name.
enum ConferenceCodes {
    static let names = ["WRC", "WTSA", "WTDC", "PP", "RA", "CPM", "WCIT", "WSIS", "WTPF", "RRC", "GSR", "WTIS"]
    private static let nameBytes = names.map { Array($0.utf8) }

    /// The codes of `text`, in order of first mention, each once.
    static func find(in text: String) -> [String] {
        let bytes = Array(text.utf8)
        var codes: [String] = []
        var index = 0
        while index < bytes.count {
            if startsName(bytes[index]), let end = match(bytes, at: index) {
                let code = String(decoding: bytes[index..<end], as: UTF8.self)
                if !codes.contains(code) { codes.append(code) }
                index = end
            } else {
                index += 1
            }
        }
        return codes
    }

    /// Whether a name can start with `byte`.
    @inline(__always) private static func startsName(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "W"), UInt8(ascii: "P"), UInt8(ascii: "R"), UInt8(ascii: "C"), UInt8(ascii: "G"): true
        default: false
        }
    }

    /// The end of the code starting at byte `start` (a byte a name starts with), or nil when none starts there.
    private static func match(_ bytes: [UInt8], at start: Int) -> Int? {
        // Every name is two to four letters long and a hyphen follows it.
        guard (2...4).contains(where: { start + $0 < bytes.count && bytes[start + $0] == UInt8(ascii: "-") }) else { return nil }
        guard let name = nameBytes.first(where: { name in
            start + name.count < bytes.count && bytes[start..<(start + name.count)].elementsEqual(name)
        }) else { return nil }
        let hyphen = start + name.count
        guard bytes[hyphen] == UInt8(ascii: "-") else { return nil }
        if start > 0, joins(scalar(endingAt: start, in: bytes)) { return nil }
        var end = hyphen + 1
        for digits in 1...4 {
            guard end < bytes.count, let (digit, length) = scalar(at: end, in: bytes),
                  digit.properties.numericType == .decimal else { return nil }
            end += length
            if digits == 2 || digits == 4, end == bytes.count || !joins(scalar(at: end, in: bytes)?.scalar) { return end }
        }
        return nil
    }

    /// The scalar starting at byte `index`, with its length in bytes.
    private static func scalar(at index: Int, in bytes: [UInt8]) -> (scalar: Unicode.Scalar, length: Int)? {
        var iterator = bytes[index...].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return nil }
        return (scalar, UTF8.width(scalar))
    }

    /// The scalar that ends just before byte `index`.
    private static func scalar(endingAt index: Int, in bytes: [UInt8]) -> Unicode.Scalar? {
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return scalar(at: start, in: bytes)?.scalar
    }

    /// Whether a scalar next to a code makes it part of a longer word: a letter, a number or `-`.
    private static func joins(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return scalar == "-" || scalar.isLetterOrNumber
    }
}
