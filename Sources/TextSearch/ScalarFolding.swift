import Foundation

/// How one non-ASCII scalar folds for search: its folded UTF-8 bytes and whether it belongs in words.
///
/// The common scripts (Latin supplements, Greek, Cyrillic: U+0080–U+052F) are folded once into
/// a table; other scalars are folded on demand.
struct ScalarFolding: Sendable {
    /// Folded text; empty for combining marks, which vanish inside words.
    var bytes: [UInt8]
    /// Letters, digits and marks belong to words; everything else separates them.
    var isWordCharacter: Bool

    private static let tableRange: Range<UInt32> = 0x80..<0x530
    private static let table: [ScalarFolding] = tableRange.map { compute($0) }

    @inline(__always) static func fold(_ value: UInt32) -> ScalarFolding {
        if tableRange.contains(value) { return table[Int(value - tableRange.lowerBound)] }
        return compute(value)
    }

    static func compute(_ value: UInt32) -> ScalarFolding {
        guard let scalar = Unicode.Scalar(value) else { return ScalarFolding(bytes: [], isWordCharacter: false) }
        let properties = scalar.properties
        let isMark: Bool
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: isMark = true
        default: isMark = false
        }
        let isNumber: Bool
        switch properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: isNumber = true
        default: isNumber = false
        }
        guard properties.isAlphabetic || isNumber || isMark else { return ScalarFolding(bytes: [], isWordCharacter: false) }
        if isMark { return ScalarFolding(bytes: [], isWordCharacter: true) }
        switch value {
        case 0x0419, 0x0439: return ScalarFolding(bytes: Array("й".utf8), isWordCharacter: true)
        case 0x00DF, 0x1E9E: return ScalarFolding(bytes: Array("ss".utf8), isWordCharacter: true)
        default: break
        }
        var kept = String.UnicodeScalarView()
        for part in String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars {
            let p = part.properties
            switch p.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: continue
            default: break
            }
            if p.isAlphabetic || p.numericType != nil { kept.append(part) }
        }
        let folded = kept.isEmpty ? String(scalar).lowercased() : String(kept).lowercased()
        return ScalarFolding(bytes: Array(folded.utf8), isWordCharacter: true)
    }
}
