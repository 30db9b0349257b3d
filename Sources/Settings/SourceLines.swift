import Foundation

/// Where each table and key of a TOML text starts, found by a light scan of its lines, since
/// the TOML parser gives positions only for syntax errors.
///
/// It understands what a config file holds: `[table]` headers, `key = value` lines with bare
/// or quoted keys, and dotted keys (`keys.quit = "q"` at the top is key `quit` of `keys`).
/// Multi-line strings and arrays are skipped over by their continuation lines not looking
/// like `key =`; a key it cannot place has no line, and messages then name the file alone.
struct SourceLines {
    private var tables: [String: Int] = [:]
    private var keys: [String: Int] = [:]

    init(_ text: String) {
        var table = ""
        var inMultilineString = false
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            let quotes = line.components(separatedBy: "\"\"\"").count - 1 + line.components(separatedBy: "'''").count - 1
            if inMultilineString {
                if quotes % 2 == 1 { inMultilineString = false }
                continue
            }
            if line.hasPrefix("[") && !line.hasPrefix("[[") {
                if let close = line.firstIndex(of: "]") {
                    table = SourceLines.unquote(String(line[line.index(after: line.startIndex)..<close]))
                    if tables[table] == nil { tables[table] = number }
                }
                continue
            }
            guard let equals = line.firstIndex(of: "="), !line.hasPrefix("#") else { continue }
            let path = SourceLines.unquote(String(line[..<equals]))
            guard !path.isEmpty else { continue }
            let full = table.isEmpty ? path : table + "." + path
            if keys[full] == nil { keys[full] = number }
            if quotes % 2 == 1 { inMultilineString = true }
        }
    }

    /// The line of `[table]` (or of the first `table.key` when the table has no header).
    func line(ofTable table: String) -> Int? {
        tables[table] ?? keys.filter { $0.key.hasPrefix(table + ".") }.map(\.value).min()
    }

    /// The line of `key` in `table`.
    func line(ofKey key: String, in table: String) -> Int? {
        keys[table.isEmpty ? key : table + "." + key]
    }

    /// `a . "b c"` → `a.b c`: the parts of a dotted key, quotes and spaces around dots removed.
    static func unquote(_ text: String) -> String {
        var parts: [String] = []
        var current = ""
        var quote: Character? = nil
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "." {
                parts.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current.trimmingCharacters(in: .whitespaces))
        return parts.joined(separator: ".")
    }
}
