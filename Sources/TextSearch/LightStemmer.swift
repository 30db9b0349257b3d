/// A deliberately light English stemmer: it only joins plurals and the `-ize` family.
///
/// Rules, applied to lowercase ASCII words of 4 letters or more (anything else is left alone):
/// - `-ies` → `-y` (`agencies` → `agency`), `-ied` → `-y` (`applied` → `apply`);
/// - `-sses`/`-ches`/`-shes`/`-xes`/`-zes` lose `-es` (`matches` → `match`);
/// - a final `-s` is dropped unless the word ends in `-ss`, `-us` or `-is` (`satellites` →
///   `satellite`, `status` stays), except for a few words that only look plural (`news`, `series`);
/// - `-ization`/`-izations`/`-izing`/`-ized` → `-ize` and the same with `-is-`
///   (`standardization`, `standardized`, `standardizes` → `standardize`).
/// Other endings (`-ing`, `-ed`, `-er`) are kept: a wrong merge costs more than a missed one.
/// Two terms with the same stem match each other, with no typo counted.
enum LightStemmer {
    private static let exceptions: Set<String> = [
        "news", "series", "species", "means", "always", "perhaps", "thus", "plus", "bonus", "status",
        "this", "has", "was", "does", "yes", "gas", "bus", "lens", "less", "chaos", "atlas", "canvas",
    ]

    /// `-ize` family endings and what replaces each, longest first.
    private static let izeEndings: [(StaticString, String)] = [
        ("izations", "ize"), ("isations", "ise"), ("ization", "ize"), ("isation", "ise"), ("izing", "ize"),
        ("ising", "ise"), ("ized", "ize"), ("ised", "ise"), ("izes", "ize"), ("ises", "ise"),
    ]
    /// Endings that lose `-es`.
    private static let esEndings: [StaticString] = ["sses", "ches", "shes", "xes", "zes"]

    static func stem(_ word: String) -> String {
        var contiguous = word
        return contiguous.withUTF8 { bytes in
            guard bytes.count >= 4, bytes.allSatisfy({ $0 >= 97 && $0 <= 122 }), !exceptions.contains(word) else { return word }
            /// True when the word ends with `suffix` and has at least two letters before it.
            func ends(_ suffix: StaticString) -> Bool {
                let n = suffix.utf8CodeUnitCount
                guard bytes.count > n + 1 else { return false }
                return UnsafeBufferPointer(start: suffix.utf8Start, count: n).elementsEqual(bytes[(bytes.count - n)...])
            }
            func replacing(last n: Int, with replacement: String) -> String {
                String(decoding: bytes[..<(bytes.count - n)], as: UTF8.self) + replacement
            }
            for (suffix, replacement) in izeEndings where ends(suffix) {
                return replacing(last: suffix.utf8CodeUnitCount, with: replacement)
            }
            if ends("ies") || ends("ied") { return replacing(last: 3, with: "y") }
            for suffix in esEndings where ends(suffix) { return replacing(last: 2, with: "") }
            if ends("s") && !ends("ss") && !ends("us") && !ends("is") { return replacing(last: 1, with: "") }
            return word
        }
    }
}
