/// Edits the text of a `news.json`: inserts new items in date order and rewrites replaced
/// items in place, leaving every other byte as it was (see `FixtureWriter`).
enum NewsFileEditor {
    /// The edited file, as the old file's bytes with new texts put in place of some of their
    /// ranges (the old bytes are not copied: a file of 100,000 items is written from them as
    /// they are), and where each item written by the change lies.
    struct Edited {
        /// The new texts, each in place of its range of the old bytes, in order, not overlapping.
        var edits: [(range: Range<Int>, text: [UInt8])]
        /// The items written, each with the number of its edit and its byte range in that text.
        var items: [(edit: Int, range: Range<Int>, item: NewsItem)]

        /// Calls `body` with each consecutive part of the new file: old bytes and new texts.
        func forEachPart(of old: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
            var position = 0
            for edit in edits {
                body(UnsafeBufferPointer(rebasing: old[position..<edit.range.lowerBound]))
                edit.text.withUnsafeBufferPointer(body)
                position = edit.range.upperBound
            }
            body(UnsafeBufferPointer(rebasing: old[position...]))
        }

        /// The new file's bytes, in one array.
        func bytes(from old: UnsafeBufferPointer<UInt8>) -> [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(old.count + edits.reduce(0) { $0 + $1.text.count })
            forEachPart(of: old) { out.append(contentsOf: $0) }
            return out
        }
    }

    /// A piece of new text for a range of the old file, and where in it the items are.
    private struct Edit {
        var range: Range<Int>
        var text: [UInt8] = []
        var items: [(range: Range<Int>, item: NewsItem)] = []

        mutating func append(_ bytes: [UInt8]) { text += bytes }

        mutating func append(_ item: NewsItem, layout: NewsFileLayout) {
            let rendered = NewsFileEditor.render(item, layout: layout)
            items.append((text.count..<(text.count + rendered.count), item))
            text += rendered
        }
    }

    /// The change as edits of the file's bytes. `known` is the file's layout when a load has
    /// just recorded it; without it the file is scanned.
    static func apply(_ change: FixtureWriter.NewsChange, to bytes: UnsafeBufferPointer<UInt8>,
                      layout known: NewsFileLayout? = nil) throws(JSONSyntaxError) -> Edited {
        let layout: NewsFileLayout
        if let known { layout = known } else { layout = try NewsFileLayout.scan(bytes) }
        var edits: [Edit] = []
        let replacements = Dictionary(change.replaced.map { ($0.id.lowercased(), $0) }, uniquingKeysWith: { _, last in last })
        if !replacements.isEmpty {
            for element in layout.elements {
                if let item = replacements[element.id.lowercased()] {
                    var edit = Edit(range: element.range)
                    edit.append(item, layout: layout)
                    edits.append(edit)
                }
            }
        }
        let dates = change.added.map(\.date.description)
        let order = dates.indices.sorted { a, b in dates[a] == dates[b] ? a < b : dates[a] < dates[b] }
        let laterDates = LaterDateFinder(layout.elements.map(\.date))
        var appended = Edit(range: 0..<0)
        let indent = Array(layout.indent.utf8)
        for position in order {
            let item = change.added[position]
            if let next = laterDates.first(after: dates[position]) {
                let lineStart = layout.elements[next].lineStart
                var edit = Edit(range: lineStart..<lineStart)
                edit.append(indent)
                edit.append(item, layout: layout)
                edit.append(Array(",\n".utf8))
                edits.append(edit)
            } else {
                let separator = layout.elements.isEmpty && appended.text.isEmpty ? "\n" : ",\n"
                appended.append(Array(separator.utf8) + indent)
                appended.append(item, layout: layout)
            }
        }
        if !appended.text.isEmpty {
            if let last = layout.elements.last {
                appended.range = last.range.upperBound..<last.range.upperBound
            } else {
                let closingIndent = String(layout.indent.dropLast(2))
                appended.range = (layout.arrayOpen + 1)..<layout.arrayClose
                appended.append(Array(("\n" + closingIndent).utf8))
            }
            edits.append(appended)
        }
        edits = edits.enumerated().sorted { a, b in
            a.element.range.lowerBound == b.element.range.lowerBound ? a.offset < b.offset
                : a.element.range.lowerBound < b.element.range.lowerBound
        }.map(\.element)
        var items: [(edit: Int, range: Range<Int>, item: NewsItem)] = []
        for (number, edit) in edits.enumerated() {
            for (range, item) in edit.items { items.append((number, range, item)) }
        }
        return Edited(edits: edits.map { ($0.range, $0.text) }, items: items)
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
