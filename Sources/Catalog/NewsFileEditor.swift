/// Edits the text of a `news.json`: inserts new items in date order and rewrites replaced
/// items in place, leaving every other byte as it was (see `FixtureWriter`).
enum NewsFileEditor {
    /// The file's bytes with the change applied.
    static func apply(_ change: FixtureWriter.NewsChange, to bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> [UInt8] {
        let layout = try NewsFileLayout.scan(bytes)
        var edits: [(range: Range<Int>, text: [UInt8])] = []
        let replacements = Dictionary(change.replaced.map { ($0.id.lowercased(), $0) }, uniquingKeysWith: { _, last in last })
        for element in layout.elements {
            if let item = replacements[element.id.lowercased()] {
                edits.append((element.range, render(item, layout: layout)))
            }
        }
        let added = change.added.enumerated().sorted { a, b in
            a.element.date.description == b.element.date.description ? a.offset < b.offset
                : a.element.date.description < b.element.date.description
        }.map(\.element)
        var appended: [UInt8] = []
        for item in added {
            let date = item.date.description
            if let next = layout.elements.first(where: { $0.date > date }) {
                edits.append((next.lineStart..<next.lineStart, Array(layout.indent.utf8) + render(item, layout: layout) + Array(",\n".utf8)))
            } else {
                let separator = layout.elements.isEmpty && appended.isEmpty ? "\n" : ",\n"
                appended += Array(separator.utf8) + Array(layout.indent.utf8) + render(item, layout: layout)
            }
        }
        if !appended.isEmpty {
            if let last = layout.elements.last {
                edits.append((last.range.upperBound..<last.range.upperBound, appended))
            } else {
                let closingIndent = String(layout.indent.dropLast(2))
                edits.append(((layout.arrayOpen + 1)..<layout.arrayClose, appended + Array(("\n" + closingIndent).utf8)))
            }
        }
        edits = edits.enumerated().sorted { a, b in
            a.element.range.lowerBound == b.element.range.lowerBound ? a.offset < b.offset
                : a.element.range.lowerBound < b.element.range.lowerBound
        }.map(\.element)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + edits.reduce(0) { $0 + $1.text.count })
        var position = 0
        for edit in edits {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<edit.range.lowerBound]))
            out.append(contentsOf: edit.text)
            position = edit.range.upperBound
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position...]))
        return out
    }

    /// One item as the file writes items: its keys in the order of the file's first item (the
    /// keys that item has are written even when empty), then any others, indented like the file.
    static func render(_ item: NewsItem, layout: NewsFileLayout) -> [UInt8] {
        let standard = ["id", "date", "category", "title", "summary", "body", "organizations", "sectors", "tags", "source"]
        let order = layout.keyOrder.filter(standard.contains) + standard.filter { !layout.keyOrder.contains($0) }
        var json = JSONWriter(prettyPrinted: true)
        json.beginObject()
        for key in order {
            let always = layout.keyOrder.contains(key)
            switch key {
            case "id": json.field(key, item.id)
            case "date": json.field(key, item.date.description)
            case "category": json.field(key, item.category)
            case "title": json.field(key, item.title)
            case "summary": json.field(key, item.summary)
            case "body": json.field(key, item.body)
            case "organizations": json.field(key, item.organizations, omitEmpty: !always)
            case "sectors": json.field(key, item.sectors, omitEmpty: !always)
            case "tags": json.field(key, item.tags, omitEmpty: !always)
            default: json.field(key, item.source)
            }
        }
        json.endObject()
        var out: [UInt8] = []
        for byte in JSONWriter.terminalSafe(json.bytes) {
            out.append(byte)
            if byte == 0x0A { out.append(contentsOf: layout.indent.utf8) }
        }
        return out
    }
}
