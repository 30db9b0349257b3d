extension Unicode.Scalar {
    /// Whether the scalar is a letter or a number by its general category (`\p{L}` or `\p{N}` in
    /// a regular expression); ASCII is told apart without looking its properties up.
    var isLetterOrNumber: Bool {
        if isASCII {
            let lower = value | 0x20
            return (lower >= 0x61 && lower <= 0x7A) || (value >= 0x30 && value <= 0x39)
        }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
