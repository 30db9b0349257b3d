import TextSearch

/// Makes the slug of a news id from a title: the analyzer's folded words, Cyrillic
/// transliterated (`Интерспутник` → `intersputnik`), only `a-z`, `0-9` and `-`, at most 8 words
/// and 60 characters. A title with nothing left (all CJK, say) gives `news`.
public enum Slug {
    public static func make(_ title: String) -> String {
        var slug = ""
        var words = 0
        for term in TextFolding.terms(of: title) {
            // A folded term of ASCII letters and digits is lower-case already, and kept whole.
            let ascii = term.utf8.allSatisfy(isLowercaseLetterOrDigit) ? term
                : transliterate(term).filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
            guard !ascii.isEmpty else { continue }
            // The slug is ASCII: its characters are its bytes.
            if slug.utf8.count + ascii.utf8.count + 1 > 60 || words == 8 { break }
            slug += (slug.isEmpty ? "" : "-") + ascii
            words += 1
        }
        return slug.isEmpty ? "news" : slug
    }

    private static func isLowercaseLetterOrDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    /// Latin letters for Cyrillic ones (Russian, Ukrainian, Belarusian), in the style of
    /// passports (ICAO 9303); other characters are kept.
    public static func transliterate(_ text: String) -> String {
        var out = ""
        for character in text.lowercased() {
            if let latin = cyrillic[character] { out += latin } else { out.append(character) }
        }
        return out
    }

    private static let cyrillic: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
        "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y",
        "ь": "", "э": "e", "ю": "iu", "я": "ia", "і": "i", "ї": "i", "є": "ie", "ґ": "g", "ў": "u",
    ]
}
