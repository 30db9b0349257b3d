import Screen

/// An item a detail view can show, by id.
enum DetailTarget: Hashable, Sendable {
    case organization(String)
    case sector(String)
    case news(String)
}

/// What a piece of detail text is; the renderer picks its style from the theme.
enum SpanRole: Hashable, Sendable {
    case plain, dim, notRecorded, title, heading, label, date, unread, star
    /// The link with this index in the document's `links`.
    case link(Int)
}

/// A run of sanitized text with one role.
struct Span: Hashable, Sendable {
    var text: String
    var role: SpanRole
    init(_ text: String, _ role: SpanRole = .plain) {
        self.text = text
        self.role = role
    }
}

/// A link in a detail document: the line it sits on and where it leads.
struct DetailLink: Hashable, Sendable {
    var line: Int
    var target: DetailTarget
}

/// A detail view laid out for one width: lines of spans that fit it, and its links.
///
/// Built once when a detail opens (or the width changes), so drawing a frame only copies
/// the visible lines.
struct DetailDocument: Hashable, Sendable {
    var lines: [[Span]] = []
    var links: [DetailLink] = []
    /// The width the lines were laid out for.
    var width: Int

    /// The columns `[start, end)` the link with `index` takes on its line.
    func columns(ofLink index: Int) -> Range<Int>? {
        guard links.indices.contains(index), lines.indices.contains(links[index].line) else { return nil }
        var column = 0
        for span in lines[links[index].line] {
            let w = DisplayWidth.of(span.text)
            if span.role == .link(index) { return column..<(column + w) }
            column += w
        }
        return nil
    }

    /// The first link on any of the lines in `range`, if one is there.
    func firstLink(inLines range: Range<Int>) -> Int? {
        links.firstIndex { range.contains($0.line) }
    }
}
