import Screen

/// Text in which some parts are marked as matches of a search: shown in bold on a terminal and
/// plain elsewhere, truncated and wrapped by display width like any other text.
///
/// It is built from the search engine's UTF-8 byte ranges. Ranges are clamped to the text and
/// widened to whole characters, so no range can trap, whatever the engine returns. Every
/// character is sanitized on the way in: what gets printed is safe.
struct HighlightedText: Equatable {
    /// One displayed character and whether it is part of a match.
    struct Mark: Equatable {
        var character: Character
        var isMatch: Bool
    }

    private(set) var marks: [Mark]

    init(marks: [Mark]) { self.marks = marks }

    init(_ text: String, highlights: [Range<Int>]) {
        let utf8 = text.utf8
        let ranges = highlights
            .map { max(0, min($0.lowerBound, utf8.count))..<max(0, min($0.upperBound, utf8.count)) }
            .filter { !$0.isEmpty }
        var marks: [Mark] = []
        var offset = 0
        for character in text {
            let length = character.utf8.count
            let isMatch = ranges.contains { $0.overlaps(offset..<(offset + length)) }
            offset += length
            let shown = character.isNewline ? " " : SafeText.placeholder(for: character) ?? String(character)
            marks += shown.map { Mark(character: $0, isMatch: isMatch) }
        }
        self.marks = marks
    }

    /// The text without styling.
    var plain: String { String(marks.map(\.character)) }

    var width: Int { marks.reduce(0) { $0 + DisplayWidth.of($1.character) } }

    /// Cut to at most `width` columns, ending in "…" when it was cut.
    func truncated(to width: Int) -> HighlightedText {
        guard width > 0 else { return HighlightedText(marks: []) }
        guard self.width > width else { return self }
        var kept: [Mark] = []
        var used = 0
        for mark in marks {
            let w = DisplayWidth.of(mark.character)
            if used + w > width - 1 { break }
            kept.append(mark)
            used += w
        }
        return HighlightedText(marks: kept + [Mark(character: "…", isMatch: false)])
    }

    /// Lines of at most `width` columns, broken at spaces (inside a word only when the word alone
    /// is wider than a line).
    func wrapped(to width: Int) -> [HighlightedText] {
        guard width > 0 else { return [] }
        let words = marks.split(whereSeparator: { $0.character == " " })
        var lines: [[Mark]] = []
        var line: [Mark] = []
        var lineWidth = 0
        for word in words {
            var word = Array(word)
            var wordWidth = word.reduce(0) { $0 + DisplayWidth.of($1.character) }
            if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
                line.append(Mark(character: " ", isMatch: line.last?.isMatch == true && word.first?.isMatch == true))
                line += word
                lineWidth += 1 + wordWidth
                continue
            }
            if lineWidth > 0 { lines.append(line); line = []; lineWidth = 0 }
            while wordWidth > width {
                var head: [Mark] = []
                var headWidth = 0
                while let first = word.first, headWidth + DisplayWidth.of(first.character) <= width {
                    head.append(first)
                    headWidth += DisplayWidth.of(first.character)
                    word.removeFirst()
                }
                if head.isEmpty, let first = word.first { head = [first]; word.removeFirst() }
                lines.append(head)
                wordWidth = word.reduce(0) { $0 + DisplayWidth.of($1.character) }
            }
            line = word
            lineWidth = wordWidth
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines.map(HighlightedText.init(marks:))
    }

    /// The text with matches between bold on and off escapes when `bold`, else plain.
    func rendered(bold: Bool) -> String {
        guard bold else { return plain }
        var out = ""
        var inMatch = false
        for mark in marks {
            if mark.isMatch != inMatch {
                out += mark.isMatch ? Self.boldOn : Self.boldOff
                inMatch = mark.isMatch
            }
            out.append(mark.character)
        }
        if inMatch { out += Self.boldOff }
        return out
    }

    static let boldOn = "\u{1B}[1m"
    static let boldOff = "\u{1B}[22m"
}
