import Foundation

/// Turns HTML into paragraphs of plain text: block elements end a paragraph, scripts, styles,
/// navigation and other page furniture are dropped, white space is collapsed, and boilerplate
/// lines (see `Boilerplate`) are left out.
enum HTMLText {
    /// Elements whose content is never text of the announcement.
    static let dropped: Set<String> = [
        "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button", "select",
        "iframe", "svg", "object", "embed", "menu", "dialog",
    ]
    /// Elements that start and end a paragraph.
    static let blocks: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article",
        "main", "tr", "table", "dd", "dt", "dl", "figure", "figcaption", "pre", "hr", "body", "address",
    ]

    /// The paragraphs of an element.
    static func paragraphs(of node: MarkupNode) throws(ImportFailure) -> [String] {
        split(try node.text(skipping: dropped, breaks: blocks))
    }

    /// The paragraphs of an HTML fragment such as a feed item's description.
    static func paragraphs(ofFragment html: String, source: String) throws(ImportFailure) -> [String] {
        guard html.contains("<") || html.contains("&") else { return split(html) }
        let document = try MarkupDocument.parse(Array(("<html><body>" + html + "</body></html>").utf8), kind: .html, source: source)
        guard let root = document.root else { return [] }
        return try paragraphs(of: root)
    }

    /// Lines of text with white space collapsed, empty and boilerplate lines removed.
    static func split(_ text: String) -> [String] {
        lines(text).map(collapse).filter { !$0.isEmpty && !Boilerplate.isBoilerplate($0) }
    }

    /// The lines of `text` as `text.split(separator: "\n")` gives them, found in its UTF-8 bytes:
    /// a line ends at each line feed that is not part of a `\r\n` pair (which is one character,
    /// not the character `\n`). Empty lines are left out.
    static func lines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var previous: UInt8 = 0
        var index = start
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A && previous != 0x0D {
                if start != index { lines.append(text[start..<index]) }
                start = utf8.index(after: index)
            }
            previous = byte
            index = utf8.index(after: index)
        }
        if start != utf8.endIndex { lines.append(text[start..<utf8.endIndex]) }
        return lines
    }

    /// Runs of white space (including no-break spaces) become one space; ends are trimmed.
    static func collapse<S: StringProtocol>(_ text: S) -> String { Whitespace.collapse(text) }
}
