/// Finds conference codes such as `WRC-23`, `WTSA-24` or `PP-22` in a text.
///
/// A code is one of the conference names below in capitals, a hyphen, and two or four decimal
/// digits (of any script), standing alone: neither the character before it nor the one after it
/// is a letter, a number or a hyphen. The text is read once, scalar by scalar, left to right.
enum ConferenceCodes {
    static let names = ["WRC", "WTSA", "WTDC", "PP", "RA", "CPM", "WCIT", "WSIS", "WTPF", "RRC", "GSR", "WTIS"]
    private static let nameScalars = names.map { Array($0.unicodeScalars) }

    /// The codes of `text`, in order of first mention, each once.
    static func find(in text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var codes: [String] = []
        var index = 0
        while index < scalars.count {
            if let end = match(scalars, at: index) {
                let code = String(String.UnicodeScalarView(scalars[index..<end]))
                if !codes.contains(code) { codes.append(code) }
                index = end
            } else {
                index += 1
            }
        }
        return codes
    }

    /// The end of the code starting at `start`, or nil when none starts there.
    private static func match(_ scalars: [Unicode.Scalar], at start: Int) -> Int? {
        guard "WPRCG".unicodeScalars.contains(scalars[start]) else { return nil }
        if start > 0, joins(scalars[start - 1]) { return nil }
        guard let name = nameScalars.first(where: { name in
            start + name.count < scalars.count && zip(name, scalars[start...]).allSatisfy { $0 == $1 }
        }) else { return nil }
        let hyphen = start + name.count
        guard scalars[hyphen] == "-" else { return nil }
        for length in [2, 4] {
            let end = hyphen + 1 + length
            guard end <= scalars.count,
                  scalars[(hyphen + 1)..<end].allSatisfy({ $0.properties.numericType == .decimal }) else { continue }
            if end == scalars.count || !joins(scalars[end]) { return end }
        }
        return nil
    }

    /// Whether a scalar next to a code makes it part of a longer word: a letter, a number or `-`.
    private static func joins(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "-" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
