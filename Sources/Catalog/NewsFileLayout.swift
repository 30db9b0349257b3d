/// Where the items of a `news.json` are in its bytes, and how they are laid out, so that new
/// items can be inserted as text without rewriting the rest of the file.
///
/// A loader that has just read the file records it item by item (`append`), so that an edit
/// need not read the file again; `scan` finds it in a file nobody has read.
struct NewsFileLayout: Equatable {
    /// One element of the `news` array.
    struct Element: Equatable {
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

    /// A layout with no element yet, of an array that opens at `arrayOpen`.
    init(arrayOpen: Int = 0) {
        self.arrayOpen = arrayOpen
    }

    /// Adds the next element of the array, an object at `range` of `bytes`; the first one also
    /// gives the key order and the indentation.
    mutating func append(_ range: Range<Int>, id: String, date: String,
                         in bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) {
        var lineStart = range.lowerBound
        while lineStart > 0, bytes[lineStart - 1] == 0x20 || bytes[lineStart - 1] == 0x09 { lineStart -= 1 }
        if elements.isEmpty {
            var reader = JSONReader(bytes: bytes, offset: range.lowerBound)
            var object = try reader.beginObject()
            while let field = try reader.nextKey(&object) {
                keyOrder.append(reader.string(field))
                try reader.skipValue()
            }
            indent = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<range.lowerBound]), as: UTF8.self)
        }
        elements.append(Element(range: range, lineStart: lineStart, id: id, date: date))
    }

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
                var id = "", date = ""
                var object = try reader.beginObject()
                while let field = try reader.nextKey(&object) {
                    let name = reader.string(field)
                    if (name == "id" || name == "date"), try reader.peekValue() == .string {
                        let value = try reader.readString()
                        if name == "id" { id = value } else { date = value }
                    } else {
                        try reader.skipValue()
                    }
                }
                try layout.append(elementStart..<reader.offset, id: id, date: date, in: bytes)
            }
            layout.arrayClose = reader.offset - 1
        }
        return layout
    }
}
