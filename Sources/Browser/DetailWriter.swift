import Screen

/// Lays out detail text into lines of a fixed width: titles, labelled fields, headings,
/// wrapped paragraphs and one-line links. All data text is sanitized before it is measured.
struct DetailWriter {
    let width: Int
    /// Columns given to field labels (`Headquarters  `).
    let labelWidth: Int
    private(set) var document: DetailDocument

    init(width: Int) {
        self.width = max(1, width)
        labelWidth = width >= 40 ? 15 : width >= 28 ? 13 : max(1, width / 3)
        document = DetailDocument(width: max(1, width))
    }

    private mutating func append(_ spans: [Span]) { document.lines.append(spans) }

    mutating func blank() {
        if let last = document.lines.last, !last.isEmpty { append([]) }
    }

    mutating func title(_ text: String) {
        for line in TextLayout.wrap(SafeText.sanitize(text), width: width) { append([Span(line, .title)]) }
    }

    /// A section heading, with a blank line before it; `count` is shown after the name.
    mutating func heading(_ text: String, count: Int? = nil) {
        blank()
        var spans = [Span(text, .heading)]
        if let count { spans.append(Span(" (\(count))", .dim)) }
        append(spans)
    }

    /// `Label          value`, the value wrapped under itself; "not recorded" when it is empty.
    /// A label too long for its column gets a line of its own, the value under it.
    mutating func field(_ label: String, _ value: String?) {
        let label = SafeText.sanitize(label)
        let value = value.map(SafeText.sanitize).flatMap { $0.isEmpty ? nil : $0 }
        let valueWidth = width - labelWidth
        guard valueWidth >= 8 else {
            append([Span(TextLayout.truncate(label, to: width), .label)])
            indented(value, indent: min(2, width - 1))
            return
        }
        let indent = String(repeating: " ", count: labelWidth)
        var first: Span
        if DisplayWidth.of(label) < labelWidth {
            first = Span(TextLayout.pad(label, to: labelWidth), .label)
        } else {
            append([Span(TextLayout.truncate(label, to: width), .label)])
            first = Span(indent)
        }
        guard let value else {
            append([first, Span("not recorded", .notRecorded)])
            return
        }
        for (i, line) in TextLayout.wrap(value, width: valueWidth).enumerated() {
            append([i == 0 ? first : Span(indent), Span(line)])
        }
    }

    /// A paragraph wrapped to the width after `indent` spaces; "not recorded" when empty.
    mutating func indented(_ text: String?, indent: Int = 0, role: SpanRole = .plain) {
        let pad = String(repeating: " ", count: max(0, indent))
        guard let text = text.map(SafeText.sanitize), !text.isEmpty else {
            append([Span(pad), Span("not recorded", .notRecorded)])
            return
        }
        for line in TextLayout.wrap(text, width: max(1, width - indent)) { append([Span(pad), Span(line, role)]) }
    }

    mutating func notRecorded(indent: Int = 0) { indented(nil, indent: indent) }

    /// One line of short spans (sanitized, cut to the width), `separator` between them.
    mutating func line(_ spans: [Span], separator: Span) {
        var out: [Span] = []
        var used = 0
        for (index, span) in spans.enumerated() {
            let parts = index == 0 ? [span] : [separator, span]
            for part in parts {
                let text = TextLayout.truncate(SafeText.sanitize(part.text), to: max(0, width - used))
                guard !text.isEmpty else { continue }
                out.append(Span(text, part.role))
                used += DisplayWidth.of(text)
            }
        }
        append(out)
    }

    /// A line in the dim style (counts, "… and 12 more").
    mutating func note(_ text: String, indent: Int = 0) {
        append([Span(String(repeating: " ", count: indent)), Span(TextLayout.truncate(text, to: max(1, width - indent)), .dim)])
    }

    /// One line that is a link: `prefix` (plain) then the link text, truncated to fit.
    mutating func link(_ text: String, to target: DetailTarget, indent: Int = 0, prefix: [Span] = [], suffix: Span? = nil) {
        let index = document.links.count
        document.links.append(DetailLink(line: document.lines.count, target: target))
        var spans = [Span(String(repeating: " ", count: indent))]
        var used = indent
        for span in prefix {
            let text = TextLayout.truncate(SafeText.sanitize(span.text), to: max(0, width - used - 1))
            spans.append(Span(text, span.role))
            used += DisplayWidth.of(text)
        }
        let linkText = TextLayout.truncate(SafeText.sanitize(text), to: max(1, width - used))
        spans.append(Span(linkText, .link(index)))
        used += DisplayWidth.of(linkText)
        if let suffix, width - used > 2 {
            spans.append(Span(TextLayout.truncate(SafeText.sanitize(suffix.text), to: width - used), suffix.role))
        }
        append(spans)
    }

    /// A short link followed on the same line by text that wraps under itself:
    /// `ITU-R  Intergovernmental organization operating satellite systems · Gold Sector Member`.
    mutating func link(_ text: String, to target: DetailTarget, followedBy rest: String) {
        let linkText = TextLayout.truncate(SafeText.sanitize(text), to: max(1, width / 3))
        let indent = DisplayWidth.of(linkText) + 2
        let restLines = TextLayout.wrap(SafeText.sanitize(rest), width: max(1, width - indent))
        let index = document.links.count
        document.links.append(DetailLink(line: document.lines.count, target: target))
        append([Span(linkText, .link(index)), Span("  " + (restLines.first ?? ""))])
        for line in restLines.dropFirst() { append([Span(String(repeating: " ", count: indent) + line)]) }
    }
}
