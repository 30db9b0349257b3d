import Screen

/// A builder for the text `show` prints: a title, label–value fields, headed sections and
/// wrapped paragraphs, fitted to a width.
///
/// Every value is sanitized before it is measured and wrapped, so widths hold on the terminal.
/// A missing or empty value reads "not recorded", as everywhere in the product.
struct DetailText {
    static let notRecorded = "not recorded"
    /// Field values start after this many columns ("Headquarters: " and a space).
    static let labelWidth = 15

    let width: Int
    private(set) var lines: [String] = []

    init(width: Int) { self.width = width }

    /// The item's heading, wrapped.
    mutating func title(_ text: String) {
        lines += TextLayout.wrap(Self.clean(text), width: width)
    }

    /// `Label:` and its value, the value wrapped under itself unless `wrap` is false (for web
    /// addresses, which stay whole so they can be copied).
    mutating func field(_ label: String, _ value: String?, indent: Int = 0, wrap: Bool = true) {
        let labelText = TextLayout.pad(label + ":", to: max(Self.labelWidth, DisplayWidth.of(label) + 2))
        let lead = String(repeating: " ", count: indent) + labelText
        let text = value.flatMap(Self.present) ?? Self.notRecorded
        if wrap { hanging(lead, text) } else { lines.append(lead + Self.clean(text)) }
    }

    /// A blank line and a heading; `count` is shown in brackets when given.
    mutating func section(_ heading: String, count: Int? = nil) {
        lines.append("")
        lines.append(count.map { "\(heading) (\($0))" } ?? heading)
    }

    /// A paragraph (or several, split at line breaks) wrapped with an indent.
    mutating func paragraph(_ text: String?, indent: Int = 2) {
        guard let text = text.flatMap(Self.present) else {
            line(Self.notRecorded, indent: indent)
            return
        }
        let margin = String(repeating: " ", count: indent)
        for part in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let wrapped = TextLayout.wrap(Self.clean(String(part)), width: max(1, width - indent))
            lines += wrapped.map { $0.isEmpty ? "" : margin + $0 }
        }
    }

    /// One line with an indent; continuation lines are indented by `hang` more columns.
    mutating func line(_ text: String, indent: Int = 2, hang: Int = 2) {
        let margin = String(repeating: " ", count: indent)
        let wrapped = TextLayout.wrap(Self.clean(text), width: max(1, width - indent - hang))
        for (index, part) in wrapped.enumerated() {
            lines.append(index == 0 ? margin + part : margin + String(repeating: " ", count: hang) + part)
        }
    }

    /// `lead` followed by `text`, with the text's continuation lines under its first line.
    mutating func hanging(_ lead: String, _ text: String) {
        let leadWidth = DisplayWidth.of(lead)
        let wrapped = TextLayout.wrap(Self.clean(text), width: max(10, width - leadWidth))
        let margin = String(repeating: " ", count: leadWidth)
        for (index, part) in wrapped.enumerated() {
            lines.append(index == 0 ? lead + part : margin + part)
        }
    }

    /// A line that is never wrapped (a web address stays whole, so it can be copied).
    mutating func unwrapped(_ text: String, indent: Int = 2) {
        lines.append(String(repeating: " ", count: indent) + Self.clean(text))
    }

    mutating func blank() { lines.append("") }

    /// The value, or nil when it is empty or only spaces.
    static func present(_ value: String) -> String? {
        value.allSatisfy(\.isWhitespace) ? nil : value
    }

    /// One line of safe text: line breaks become spaces, control characters placeholders.
    static func clean(_ text: String) -> String {
        SafeText.sanitize(text.replacingNewlines())
    }
}
