/// Where the items of a `news.json` are in its bytes, and how they are laid out, so that new
/// items can be inserted as text without rewriting the rest of the file.
struct NewsFileLayout {
    /// One element of the `news` array.
    struct Element {
        var range: Range<Int>
        /// Where the element's line starts (its indentation comes between).
        var lineStart: Int
        var id: String
        var date: String
    }

    var elements: [Element] = []
    /// Offset of the `[` that opens the `news` array, and of the `]` that closes it.
    var arrayOpen = 0
    var arrayClose = 0
    /// The keys of the first item, in order: new items are written with the same order.
    var keyOrder: [String] = []
    /// The white space before an item on its line (four spaces in the bundled file).
    var indent = "    "

    /// Scans a valid `news.json`.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> NewsFileLayout {
        var layout = NewsFileLayout()
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var reader = JSONReader(bytes: bytes, offset: start)
        var root = try reader.beginObject()
        while let key = try reader.nextKey(&root) {
            guard reader.contentEquals(key, Array("news".utf8)) else {
                try reader.skipValue()
                continue
            }
            reader.skipWhitespace()
            layout.arrayOpen = reader.offset
            var array = try reader.beginArray()
            while try reader.nextElement(&array) {
                reader.skipWhitespace()
                let elementStart = reader.offset
                var lineStart = elementStart
                while lineStart > 0, bytes[lineStart - 1] == 0x20 || bytes[lineStart - 1] == 0x09 { lineStart -= 1 }
                var element = Element(range: elementStart..<elementStart, lineStart: lineStart, id: "", date: "")
                var keys: [String] = []
                var object = try reader.beginObject()
                while let field = try reader.nextKey(&object) {
                    let name = reader.string(field)
                    keys.append(name)
                    if (name == "id" || name == "date"), try reader.peekValue() == .string {
                        let value = try reader.readString()
                        if name == "id" { element.id = value } else { element.date = value }
                    } else {
                        try reader.skipValue()
                    }
                }
                element.range = elementStart..<reader.offset
                if layout.elements.isEmpty {
                    layout.keyOrder = keys
                    layout.indent = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<elementStart]), as: UTF8.self)
                }
                layout.elements.append(element)
            }
            layout.arrayClose = reader.offset - 1
        }
        return layout
    }
}
