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

    static func stem(_ word: String) -> String {
        let bytes = Array(word.utf8)
        guard bytes.count >= 4, bytes.allSatisfy({ $0 >= 97 && $0 <= 122 }), !exceptions.contains(word) else { return word }
        func ends(_ suffix: String) -> Bool {
            let s = Array(suffix.utf8)
            return bytes.count > s.count + 1 && Array(bytes.suffix(s.count)) == s
        }
        func replacing(_ suffix: String, with replacement: String) -> String {
            String(decoding: bytes.dropLast(suffix.utf8.count), as: UTF8.self) + replacement
        }
        for (suffix, replacement) in [("izations", "ize"), ("isations", "ise"), ("ization", "ize"), ("isation", "ise"),
                                      ("izing", "ize"), ("ising", "ise"), ("ized", "ize"), ("ised", "ise"),
                                      ("izes", "ize"), ("ises", "ise")] where ends(suffix) {
            return replacing(suffix, with: replacement)
        }
        if ends("ies") || ends("ied") { return replacing("ies", with: "y") }
        for suffix in ["sses", "ches", "shes", "xes", "zes"] where ends(suffix) { return replacing("es", with: "") }
        if ends("s") && !ends("ss") && !ends("us") && !ends("is") { return replacing("s", with: "") }
        return word
    }
}
