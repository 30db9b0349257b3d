/// Writes JSON text into a byte buffer, compact or pretty-printed, escaping strings correctly:
/// quotes and backslashes get a backslash, control characters become `\n`, `\t`, … or
/// `\u001B`, and all other text (any script, emoji) is written as UTF-8.
///
/// The writer places commas, colons and indentation itself; the caller says what comes next:
///
///     var json = JSONWriter(prettyPrinted: true)
///     json.beginObject()
///     json.field("id", "intersputnik")
///     json.key("aliases"); json.beginArray(); json.string("Интерспутник"); json.endArray()
///     json.endObject()
///     print(json.text)
///
/// For large outputs, `takeBytes()` hands over what was written so far and goes on from there.
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    public let prettyPrinted: Bool
    /// One entry per open container: whether it has a member yet.
    private var containerHasMembers: [Bool] = []
    /// True between a key and its value, when no comma or newline may be written.
    private var afterKey = false

    public init(prettyPrinted: Bool = false, reservingCapacity capacity: Int = 0) {
        self.prettyPrinted = prettyPrinted
        bytes.reserveCapacity(capacity)
    }

    /// The JSON written so far, as text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Returns the bytes written so far and empties the buffer; the writer stays where it was
    /// in the document.
    public mutating func takeBytes() -> [UInt8] {
        let taken = bytes
        bytes.removeAll(keepingCapacity: true)
        return taken
    }

    /// Writes a line break, as text files end with; use after the top-level value.
    public mutating func finishLine() {
        bytes.append(0x0A)
    }

    // MARK: Containers

    public mutating func beginObject() {
        beginValue()
        bytes.append(UInt8(ascii: "{"))
        containerHasMembers.append(false)
    }

    public mutating func endObject() { endContainer(UInt8(ascii: "}")) }

    public mutating func beginArray() {
        beginValue()
        bytes.append(UInt8(ascii: "["))
        containerHasMembers.append(false)
    }

    public mutating func endArray() { endContainer(UInt8(ascii: "]")) }

    /// Writes an object key; the next call writes its value.
    public mutating func key(_ key: String) {
        beginValue()
        appendQuoted(key)
        bytes.append(UInt8(ascii: ":"))
        if prettyPrinted { bytes.append(UInt8(ascii: " ")) }
        afterKey = true
    }

    // MARK: Scalars

    public mutating func string(_ value: String) {
        beginValue()
        appendQuoted(value)
    }

    public mutating func number(_ value: Int) {
        beginValue()
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Writes a finite number; JSON has no infinity or NaN, so those are written as `null`.
    public mutating func number(_ value: Double) {
        beginValue()
        bytes.append(contentsOf: (value.isFinite ? value.description : "null").utf8)
    }

    public mutating func bool(_ value: Bool) {
        beginValue()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    public mutating func null() {
        beginValue()
        bytes.append(contentsOf: "null".utf8)
    }

    // MARK: Fields

    /// Writes `"key": "value"`.
    public mutating func field(_ key: String, _ value: String) {
        self.key(key)
        string(value)
    }

    /// Writes `"key": "value"`, or nothing when the value is nil (fixtures omit unknown values).
    public mutating func field(_ key: String, _ value: String?) {
        guard let value else { return }
        field(key, value)
    }

    public mutating func field(_ key: String, _ value: Int) {
        self.key(key)
        number(value)
    }

    /// Writes `"key": ["a", "b"]`, or nothing when the list is empty and `omitEmpty` is set.
    public mutating func field(_ key: String, _ values: [String], omitEmpty: Bool = true) {
        guard !(omitEmpty && values.isEmpty) else { return }
        self.key(key)
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// Writes `"key": [ … ]` with `writeElement` writing each element (an object, usually), or
    /// nothing when the list is empty and `omitEmpty` is set.
    public mutating func field<Elements: Collection>(_ key: String, _ elements: Elements, omitEmpty: Bool = true,
                                                     _ writeElement: (Elements.Element, inout JSONWriter) -> Void) {
        guard !(omitEmpty && elements.isEmpty) else { return }
        self.key(key)
        beginArray()
        for element in elements { writeElement(element, &self) }
        endArray()
    }

    // MARK: Layout

    private mutating func beginValue() {
        if afterKey {
            afterKey = false
            return
        }
        guard let last = containerHasMembers.indices.last else { return }
        if containerHasMembers[last] { bytes.append(UInt8(ascii: ",")) }
        containerHasMembers[last] = true
        newline(depth: containerHasMembers.count)
    }

    private mutating func endContainer(_ closing: UInt8) {
        let hadMembers = containerHasMembers.popLast() ?? false
        if hadMembers { newline(depth: containerHasMembers.count) }
        bytes.append(closing)
    }

    private mutating func newline(depth: Int) {
        guard prettyPrinted else { return }
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    private mutating func appendQuoted(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var runStart = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                appendEscape(byte)
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        default:
            let hex = Array("0123456789ABCDEF".utf8)
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
        }
    }
}
