/// A JSON syntax error: where in the bytes it is and what is wrong.
struct JSONSyntaxError: Error, Equatable {
    var offset: Int
    var message: String
}

/// The kind of a JSON value, named the way messages say it ("expected a string, found null").
enum JSONValueKind: Equatable {
    case object, array, string, number, boolean, null

    var phrase: String {
        switch self {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .boolean: return "true or false"
        case .null: return "null"
        }
    }
}

/// A string value in the input: the bytes between its quotes, and whether they hold escapes.
struct JSONStringToken {
    /// Offset of the opening quote.
    var quote: Int
    /// The bytes between the quotes, escapes still written as in the input.
    var content: Range<Int>
    var hasEscapes: Bool
}

/// Where a reader is inside an object or an array: whether the next member is the first.
struct JSONContainerCursor {
    /// Offset of the opening `{` or `[`.
    let start: Int
    fileprivate var isFirst = true
}

/// A pull reader over UTF-8 JSON bytes: it hands out one token at a time and never builds a
/// tree, so the caller decodes straight into its own types.
///
/// It reads the strict grammar of RFC 8259, rejects nesting deeper than `maximumDepth`, and
/// reports the first syntax error with its byte offset (line and column are worked out from
/// the offset only when a problem is shown). Strings are checked to be UTF-8 as they are
/// scanned (outside strings only ASCII is valid JSON); the reader never traps and never
/// loops on any input.
struct JSONReader {
    static let maximumDepth = 512

    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var offset: Int
    private var depth = 0
    /// Reused buffer for strings with escapes.
    private var scratch: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    // MARK: Values

    /// The kind of the next value, after skipping whitespace; the value is not consumed.
    mutating func peekValue() throws(JSONSyntaxError) -> JSONValueKind {
        skipWhitespace()
        guard offset < bytes.count else { throw JSONSyntaxError(offset: offset, message: "expected a value, found the end of the file") }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        case UInt8(ascii: "t") where matches("true"), UInt8(ascii: "f") where matches("false"): return .boolean
        case UInt8(ascii: "n") where matches("null"): return .null
        default: throw JSONSyntaxError(offset: offset, message: "expected a value, found \(describeToken(at: offset))")
        }
    }

    /// Reads a string token; the next value must be a string.
    mutating func readStringToken() throws(JSONSyntaxError) -> JSONStringToken {
        skipWhitespace()
        let quote = offset
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
            throw JSONSyntaxError(offset: offset, message: "expected a string, found \(describeToken(at: offset))")
        }
        var index = offset + 1
        var hasEscapes = false
        let count = bytes.count
        while true {
            // Fast path: plain bytes of the string.
            while index < count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { break }
                index += 1
            }
            guard index < count else {
                throw JSONSyntaxError(offset: quote, message: "unterminated string (the file ends before its closing quote)")
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { break }
            if byte >= 0x80 {
                guard let length = UTF8Validation.sequenceLength(at: index, in: bytes) else {
                    throw JSONSyntaxError(offset: index, message: UTF8Validation.message(for: byte))
                }
                index += length
                continue
            }
            if byte < 0x20 {
                let hint = byte == 0x0A ? "; a string cannot span lines, write \\n" : ""
                throw JSONSyntaxError(offset: index, message: "control character \(Self.scalarName(UInt32(byte))) inside a string\(hint)")
            }
            hasEscapes = true
            index = try checkEscape(at: index)
        }
        offset = index + 1
        return JSONStringToken(quote: quote, content: (quote + 1)..<index, hasEscapes: hasEscapes)
    }

    /// The text of a string token, escapes decoded.
    mutating func string(_ token: JSONStringToken) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[token.content])
        guard token.hasEscapes else { return String(decoding: slice, as: UTF8.self) }
        scratch.removeAll(keepingCapacity: true)
        var index = token.content.lowerBound
        let end = token.content.upperBound
        while index < end {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < end else {
                scratch.append(byte)
                index += 1
                continue
            }
            let escape = bytes[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hexValue(at: index) ?? 0xFFFD
                index += 4
                if (0xD800...0xDBFF).contains(scalar), index + 6 <= end, let low = hexValue(at: index + 2),
                   (0xDC00...0xDFFF).contains(low) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                }
                appendUTF8(Unicode.Scalar(scalar) ?? "\u{FFFD}")
            default: scratch.append(escape)
            }
        }
        return scratch.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }

    /// Reads a string value.
    mutating func readString() throws(JSONSyntaxError) -> String {
        let token = try readStringToken()
        return string(token)
    }

    /// Reads a number and returns its text; the next value must be a number.
    mutating func readNumber() throws(JSONSyntaxError) -> Substring {
        skipWhitespace()
        let start = offset
        var index = offset
        func digits() -> Int {
            let first = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - first
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        let integerDigits = digits()
        var valid = integerDigits > 0 && !(integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0"))
        if valid, index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            valid = digits() > 0
        }
        if valid, index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            valid = digits() > 0
        }
        // A number runs until a delimiter; letters or dots glued to it make it invalid.
        while index < bytes.count, !Self.isDelimiter(bytes[index]) {
            valid = false
            index += 1
        }
        let text = Substring(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard valid else { throw JSONSyntaxError(offset: start, message: "invalid number \"\(Self.clipped(String(text)))\"") }
        offset = index
        return text
    }

    /// Reads `true`, `false` or `null`; returns the Boolean, or nil for null.
    mutating func readLiteral() throws(JSONSyntaxError) -> Bool? {
        skipWhitespace()
        for (word, value) in [("true", true as Bool?), ("false", false), ("null", nil)] where matches(word) {
            offset += word.utf8.count
            return value
        }
        throw JSONSyntaxError(offset: offset, message: "expected a value, found \(describeToken(at: offset))")
    }

    /// Skips one whole value of any kind.
    mutating func skipValue() throws(JSONSyntaxError) {
        switch try peekValue() {
        case .string: _ = try readStringToken()
        case .number: _ = try readNumber()
        case .boolean, .null: _ = try readLiteral()
        case .object:
            var cursor = try beginObject()
            while try nextKey(&cursor) != nil { try skipValue() }
        case .array:
            var cursor = try beginArray()
            while try nextElement(&cursor) { try skipValue() }
        }
    }

    // MARK: Containers

    /// Consumes `{`; the next value must be an object.
    mutating func beginObject() throws(JSONSyntaxError) -> JSONContainerCursor {
        try begin(UInt8(ascii: "{"), "an object")
    }

    /// Consumes `[`; the next value must be an array.
    mutating func beginArray() throws(JSONSyntaxError) -> JSONContainerCursor {
        try begin(UInt8(ascii: "["), "an array")
    }

    /// Moves to the next member of an object and returns its key (the reader is then at the
    /// member's value), or consumes the closing `}` and returns nil.
    mutating func nextKey(_ cursor: inout JSONContainerCursor) throws(JSONSyntaxError) -> JSONStringToken? {
        skipWhitespace()
        if cursor.isFirst {
            cursor.isFirst = false
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") { return end() }
        } else if try closesAfterItem("}", container: "an object", item: "an object member") {
            return end()
        }
        guard offset < bytes.count else {
            throw JSONSyntaxError(offset: offset, message: "unexpected end of the file inside an object (expected a key)")
        }
        guard bytes[offset] == UInt8(ascii: "\"") else {
            throw JSONSyntaxError(offset: offset, message: "expected a key in double quotes, found \(describeToken(at: offset))")
        }
        let key = try readStringToken()
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else {
            throw JSONSyntaxError(offset: offset, message: "expected ':' after the key \"\(Self.clipped(string(key)))\", found \(describeToken(at: offset))")
        }
        offset += 1
        return key
    }

    /// Moves to the next element of an array (the reader is then at the element) and returns
    /// true, or consumes the closing `]` and returns false.
    mutating func nextElement(_ cursor: inout JSONContainerCursor) throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        if cursor.isFirst {
            cursor.isFirst = false
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") { return end() != nil }
        } else if try closesAfterItem("]", container: "an array", item: "an array element") {
            return end() != nil
        }
        guard offset < bytes.count else {
            throw JSONSyntaxError(offset: offset, message: "unexpected end of the file inside an array (expected a value)")
        }
        return true
    }

    /// Checks that only whitespace follows the top-level value.
    mutating func expectEnd() throws(JSONSyntaxError) {
        skipWhitespace()
        guard offset == bytes.count else {
            throw JSONSyntaxError(offset: offset, message: "unexpected \(describeToken(at: offset)) after the end of the top-level value")
        }
    }

    mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }

    /// Whether the content of a string token, read without escapes, equals `text`.
    func contentEquals(_ token: JSONStringToken, _ text: [UInt8]) -> Bool {
        guard !token.hasEscapes, token.content.count == text.count else { return false }
        var index = token.content.lowerBound
        for byte in text {
            if bytes[index] != byte { return false }
            index += 1
        }
        return true
    }

    // MARK: Helpers

    private mutating func begin(_ opening: UInt8, _ name: String) throws(JSONSyntaxError) -> JSONContainerCursor {
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == opening else {
            throw JSONSyntaxError(offset: offset, message: "expected \(name), found \(describeToken(at: offset))")
        }
        guard depth < JSONReader.maximumDepth else {
            throw JSONSyntaxError(offset: offset, message: "nesting deeper than \(JSONReader.maximumDepth) levels")
        }
        depth += 1
        let cursor = JSONContainerCursor(start: offset)
        offset += 1
        return cursor
    }

    /// After a container's member or element: true at the closing `close` (not consumed), false
    /// after consuming the `,` that announces another one; anything else, the end of the file or
    /// a trailing comma is a syntax error naming `container` and `item`.
    private mutating func closesAfterItem(_ close: Unicode.Scalar, container: String, item: String) throws(JSONSyntaxError) -> Bool {
        let closing = UInt8(ascii: close)
        guard offset < bytes.count else {
            throw JSONSyntaxError(offset: offset, message: "unexpected end of the file inside \(container) (expected ',' or '\(close)')")
        }
        if bytes[offset] == closing { return true }
        guard bytes[offset] == UInt8(ascii: ",") else {
            throw JSONSyntaxError(offset: offset, message: "expected ',' or '\(close)' after \(item), found \(describeToken(at: offset))")
        }
        offset += 1
        skipWhitespace()
        if offset < bytes.count, bytes[offset] == closing {
            throw JSONSyntaxError(offset: offset, message: "trailing comma before '\(close)'")
        }
        return false
    }

    private mutating func end() -> JSONStringToken? {
        offset += 1
        depth -= 1
        return nil
    }

    /// Validates the escape sequence at `index` (a backslash) and returns the index after it.
    private func checkEscape(at index: Int) throws(JSONSyntaxError) -> Int {
        guard index + 1 < bytes.count else {
            throw JSONSyntaxError(offset: index, message: "unterminated string (the file ends inside an escape sequence)")
        }
        switch bytes[index + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
             UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return index + 2
        case UInt8(ascii: "u"):
            guard let value = hexValue(at: index + 2) else {
                throw JSONSyntaxError(offset: index, message: "invalid escape \(escapeText(at: index, length: 6)): \\u needs four hexadecimal digits")
            }
            if (0xDC00...0xDFFF).contains(value) {
                throw JSONSyntaxError(offset: index, message: "invalid escape \(escapeText(at: index, length: 6)): a low surrogate without a high surrogate before it")
            }
            if (0xD800...0xDBFF).contains(value) {
                guard index + 7 < bytes.count, bytes[index + 6] == UInt8(ascii: "\\"), bytes[index + 7] == UInt8(ascii: "u"),
                      let low = hexValue(at: index + 8), (0xDC00...0xDFFF).contains(low) else {
                    throw JSONSyntaxError(offset: index, message: "invalid escape \(escapeText(at: index, length: 6)): a high surrogate must be followed by a low surrogate (\\uDC00 to \\uDFFF)")
                }
                return index + 12
            }
            return index + 6
        default:
            throw JSONSyntaxError(offset: index, message: "invalid escape \(escapeText(at: index, length: 2)) (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)")
        }
    }

    private func hexValue(at index: Int) -> UInt32? {
        guard index >= 0, index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for byte in bytes[index..<(index + 4)] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private func escapeText(at index: Int, length: Int) -> String {
        var end = index
        while end < min(bytes.count, index + length), end == index || bytes[end] >= 0x20 && bytes[end] != UInt8(ascii: "\"") { end += 1 }
        return "\"" + String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self) + "\""
    }

    private mutating func appendUTF8(_ scalar: Unicode.Scalar) {
        scratch.append(contentsOf: scalar.utf8)
    }

    private func matches(_ word: String) -> Bool {
        var index = offset
        for byte in word.utf8 {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
        }
        return index == bytes.count || JSONReader.isDelimiter(bytes[index])
    }

    /// What stands at an offset, for a message: `'x'`, `"word"`, `U+0007` or the end of the file.
    func describeToken(at index: Int) -> String {
        guard index < bytes.count else { return "the end of the file" }
        let byte = bytes[index]
        if byte == UInt8(ascii: "\"") { return "a string" }
        let isWordByte: (UInt8) -> Bool = { b in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
                || b == UInt8(ascii: ".") || b == UInt8(ascii: "+")
        }
        if isWordByte(byte) {
            var end = index
            while end < bytes.count, end - index < 20, isWordByte(bytes[end]) { end += 1 }
            return "\"" + String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self) + "\""
        }
        if byte < 0x20 || byte == 0x7F { return Self.scalarName(UInt32(byte)) }
        if byte < 0x80 { return "'" + String(UnicodeScalar(byte)) + "'" }
        var end = index + 1
        while end < bytes.count, end - index < 4, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
        let scalar = text.unicodeScalars.first.map { $0.value } ?? 0xFFFD
        return "'\(text)' (\(Self.scalarName(scalar)))"
    }

    static func scalarName(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    static func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x0A, 0x0D, 0x09, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ":"): return true
        default: return false
        }
    }

    /// A long text cut short for a message.
    static func clipped(_ text: String, limit: Int = 40) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }
}
