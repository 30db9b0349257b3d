/// Makes text from data safe to put on a terminal.
///
/// Control characters and escape sequences in data must never reach the terminal: an ESC could
/// start a CSI or OSC sequence, a `\r` could overwrite the line, a bidirectional override could
/// reorder what follows. Each such character becomes a visible one-column placeholder:
/// C0 controls their Unicode "control picture" (ESC → `␛`, CR → `␍`), DEL `␡`, the line and
/// paragraph separators U+2028 and U+2029 `␤`, C1 controls and bidirectional controls
/// (embeddings, overrides, isolates, LRM, RLM, ALM) `�`, and a lone combining mark is shown on
/// a dotted circle `◌`.
public enum SafeText {
    /// The placeholder for a character that must not be printed, or nil when it is safe.
    public static func placeholder(for character: Character) -> String? {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return nil }
        let v = first.value
        if v < 0x20 { return String(Unicode.Scalar(0x2400 + v)!) }
        if v == 0x7F { return "\u{2421}" }
        if (0x80...0x9F).contains(v) { return "\u{FFFD}" }
        if isLineSeparator(v) { return "\u{2424}" }
        if isBidiControl(v) { return "\u{FFFD}" }
        if scalars.contains(where: { isUnsafe($0.value) }) { return "\u{FFFD}" }
        if DisplayWidth.isZeroWidth(first), v != 0x200B, v != 0x200D, v != 0xFEFF, first.properties.generalCategory != .format {
            return "\u{25CC}" + String(character)
        }
        return nil
    }

    /// `text` with every unsafe character replaced by its placeholder.
    public static func sanitize(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            if let replacement = placeholder(for: character) { out += replacement } else { out.append(character) }
        }
        return out
    }

    static func isBidiControl(_ v: UInt32) -> Bool {
        (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x061C
            || v == 0x200E || v == 0x200F
    }

    /// U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR: some terminals move the cursor on them.
    static func isLineSeparator(_ v: UInt32) -> Bool { v == 0x2028 || v == 0x2029 }

    static func isUnsafe(_ v: UInt32) -> Bool {
        v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || isBidiControl(v) || isLineSeparator(v)
    }
}
