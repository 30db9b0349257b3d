import Catalog
import Foundation

/// Reads a press release as a person copies it from a web page: the title first, then an
/// optional category line and a date line (in either order), then the paragraphs.
///
/// - Boilerplate lines (see `Boilerplate`) are dropped wherever they are.
/// - A category line is short (at most 6 words and 60 characters), does not end a sentence, and
///   is followed by a blank line or the date line.
/// - Paragraphs are separated by blank lines; a line that does not end a sentence and is
///   followed by more text is joined to the next (text wrapped by hand).
/// - Without a date line, the first date in the text is taken.
enum PressReleaseParser {
    static func parse(_ text: String, source: String) throws(ImportFailure) -> Article {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !Boilerplate.isBoilerplate($0) }
        var index = 0
        func skipBlank() { while index < lines.count && lines[index].isEmpty { index += 1 } }
        skipBlank()
        var date: PartialDate?
        var category: String?
        // A date line before the title is allowed too (some sites print it first).
        if index < lines.count, DateRecognizer.isDateLine(lines[index]) {
            date = DateRecognizer.firstDate(in: lines[index])
            index += 1
            skipBlank()
        }
        guard index < lines.count else { throw ImportFailure(source: source, message: "no title: the text is empty") }
        let title = lines[index]
        index += 1
        for _ in 0..<3 {
            skipBlank()
            guard index < lines.count else { break }
            let line = lines[index]
            if date == nil, DateRecognizer.isDateLine(line) {
                date = DateRecognizer.firstDate(in: line)
            } else if category == nil, isCategoryLine(line), endsHeaderLine(lines, after: index) {
                category = line
            } else {
                break
            }
            index += 1
        }
        let paragraphs = joinParagraphs(Array(lines[index...]))
        if date == nil { date = DateRecognizer.firstDate(in: paragraphs.joined(separator: "\n")) }
        return Article(title: title, date: date, category: category, paragraphs: paragraphs)
    }

    /// Whether the line after `index` ends the header line: a blank line, a date line or the end.
    /// A short line followed by more text is the start of a paragraph wrapped by hand.
    static func endsHeaderLine(_ lines: [String], after index: Int) -> Bool {
        index + 1 >= lines.count || lines[index + 1].isEmpty || DateRecognizer.isDateLine(lines[index + 1])
    }

    static func isCategoryLine(_ line: String) -> Bool {
        let words = line.split(whereSeparator: \.isWhitespace)
        guard !words.isEmpty, words.count <= 6, line.count <= 60 else { return false }
        guard let last = line.last, !".!?:;,".contains(last) else { return false }
        return line.first.map { $0.isLetter } ?? false
    }

    /// Groups lines into paragraphs: a blank line ends one, and so does a line that ends a sentence.
    static func joinParagraphs(_ lines: [String]) -> [String] {
        var paragraphs: [String] = []
        var current = ""
        for line in lines {
            if line.isEmpty {
                if !current.isEmpty { paragraphs.append(current) }
                current = ""
                continue
            }
            current = current.isEmpty ? line : current + " " + line
            if let last = line.last, ".!?»\")”".contains(last) {
                paragraphs.append(current)
                current = ""
            }
        }
        if !current.isEmpty { paragraphs.append(current) }
        return paragraphs
    }
}
