/// The keys of one kind of JSON object in the fixture format.
protocol FixtureField: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {}

/// The known keys of one kind of object, ready to match against key bytes without making a
/// String for each key read.
struct FieldTable<Field: FixtureField>: Sendable {
    let fields: [Field]
    private let names: [[UInt8]]
    /// The keys in schema order, for "known keys: …" in messages.
    let knownKeys: String

    init(_ fields: [Field] = Array(Field.allCases)) {
        self.fields = fields
        names = fields.map { Array($0.rawValue.utf8) }
        knownKeys = fields.map(\.rawValue).joined(separator: ", ")
    }

    /// The position of the field whose name the key is, or nil for an unknown key.
    func position(of key: JSONStringToken, in reader: inout JSONReader) -> Int? {
        if key.hasEscapes {
            let text = Array(reader.string(key).utf8)
            return names.firstIndex(of: text)
        }
        return names.firstIndex { reader.contentEquals(key, $0) }
    }
}

/// One step of a JSON path: a key (`title`) or an array position (`[3]`).
enum FixturePathComponent {
    case key(String)
    case index(Int)
}

/// A problem found while decoding one file, located by byte offset until it is shown.
struct PendingProblem {
    var severity: FixtureProblem.Severity
    /// Nil for a problem with the file as a whole.
    var offset: Int?
    var path: String
    var message: String
}

/// An organization named by another organization's agreement, checked once every organization
/// of the file is known.
struct PartnerReference {
    var name: String
    /// The position of the organization whose agreement names it.
    var organization: Int
    var offset: Int
    var path: String
}

/// An object being decoded: its reader cursor, the known keys met so far, and whether its
/// current key is on the decoder's path.
struct ObjectScope {
    fileprivate var cursor: JSONContainerCursor
    fileprivate var seen: UInt64 = 0
    fileprivate var holdsPathKey = false
    /// Offset of the opening `{`, where problems with the object as a whole are reported.
    var start: Int { cursor.start }
}

/// An array being decoded, with the position of its current element.
struct ArrayScope {
    fileprivate var cursor: JSONContainerCursor
    fileprivate(set) var index = -1
}

/// Decodes one fixture file straight from the JSON reader into model values, collecting every
/// problem it can recover from with its JSON path.
///
/// A wrong type, a missing field or a bad date is recorded and decoding goes on with the next
/// value; a syntax error ends the file (it is thrown, with the path still showing where the
/// reader was). The path is a stack of components turned into text only for a problem.
struct FixtureDecoder {
    var reader: JSONReader
    private(set) var problems: [PendingProblem] = []
    private var path: [FixturePathComponent] = []
    /// References that can only be checked after the file is read to its end.
    var partnerReferences: [PartnerReference] = []
    /// Lines counted and problems placed so far, for bytes the reader may drop.
    private var lines = LineTracker()

    init(reader: JSONReader) {
        self.reader = reader
    }

    /// The current JSON path as text, e.g. `news[3].date`.
    var pathText: String {
        var text = ""
        for component in path {
            switch component {
            case .key(let key): text += text.isEmpty ? key : "." + key
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    mutating func report(_ message: String, at offset: Int?, severity: FixtureProblem.Severity = .error) {
        problems.append(PendingProblem(severity: severity, offset: offset, path: pathText, message: message))
    }

    /// Reports a problem at a path other than the current one (a whole file, say).
    mutating func report(_ message: String, at offset: Int?, path: String) {
        problems.append(PendingProblem(severity: .error, offset: offset, path: path, message: message))
    }

    /// Keeps only the problems the predicate accepts.
    mutating func keepProblems(where accept: (PendingProblem) -> Bool) {
        problems = problems.filter(accept)
    }

    // MARK: Objects

    /// Starts decoding an object; when the value is not an object, reports it, skips it and
    /// returns nil.
    mutating func beginObject() throws(JSONSyntaxError) -> ObjectScope? {
        guard try expect(.object) else { return nil }
        return ObjectScope(cursor: try reader.beginObject())
    }

    /// The next known key of the object, with the reader at its value and the key on the path;
    /// nil after the closing `}`. Unknown keys get a warning and repeated keys an error, and
    /// their values are skipped.
    mutating func nextField<Field>(_ scope: inout ObjectScope, _ table: FieldTable<Field>) throws(JSONSyntaxError) -> Field? {
        if scope.holdsPathKey {
            path.removeLast()
            scope.holdsPathKey = false
        }
        while let key = try reader.nextKey(&scope.cursor) {
            guard let position = table.position(of: key, in: &reader) else {
                let name = JSONReader.clipped(reader.string(key))
                report("unknown key \"\(name)\" (known keys: \(table.knownKeys))", at: key.quote, severity: .warning)
                try reader.skipValue()
                continue
            }
            let field = table.fields[position]
            let bit: UInt64 = position < 64 ? 1 << UInt64(position) : 0
            if scope.seen & bit != 0 {
                report("duplicate key \"\(field.rawValue)\" (each key may appear once in an object)", at: key.quote)
                try reader.skipValue()
                continue
            }
            scope.seen |= bit
            path.append(.key(field.rawValue))
            scope.holdsPathKey = true
            return field
        }
        return nil
    }

    /// Reports each of the required fields the finished object did not have.
    mutating func requireFields<Field>(_ required: [Field], in scope: ObjectScope, _ table: FieldTable<Field>) {
        for field in required {
            guard let position = table.fields.firstIndex(of: field), position < 64,
                  scope.seen & (1 << UInt64(position)) == 0 else { continue }
            report("missing required field \"\(field.rawValue)\"", at: scope.start)
        }
    }

    // MARK: Arrays

    /// Starts decoding an array; when the value is not an array, reports it, skips it and
    /// returns nil.
    mutating func beginArray() throws(JSONSyntaxError) -> ArrayScope? {
        guard try expect(.array) else { return nil }
        return ArrayScope(cursor: try reader.beginArray())
    }

    /// Moves to the next element, with its position on the path; false after the closing `]`.
    mutating func nextElement(_ scope: inout ArrayScope) throws(JSONSyntaxError) -> Bool {
        if scope.index >= 0 { path.removeLast() }
        guard try reader.nextElement(&scope.cursor) else {
            scope.index = -1
            return false
        }
        scope.index += 1
        path.append(.index(scope.index))
        return true
    }

    /// Decodes an array whose elements each decode to a value or to nil (a reported problem).
    mutating func list<Element>(_ element: (inout FixtureDecoder) throws(JSONSyntaxError) -> Element?) throws(JSONSyntaxError) -> [Element] {
        guard var scope = try beginArray() else { return [] }
        var values: [Element] = []
        while try nextElement(&scope) {
            if let value = try element(&self) { values.append(value) }
        }
        return values
    }

    // MARK: Scalars

    /// Reads a string that must not be blank; reports and returns nil otherwise.
    mutating func text() throws(JSONSyntaxError) -> String? {
        guard try expect(.string) else { return nil }
        let token = try reader.readStringToken()
        let value = reader.string(token)
        if value.isEmpty {
            report("must not be empty", at: token.quote)
            return nil
        }
        let firstByte = token.hasEscapes ? 0 : reader.bytes[token.content.lowerBound]
        if FixtureDecoder.isBlank(value, firstByte: firstByte) {
            report("must not be blank (it holds only whitespace)", at: token.quote)
            return nil
        }
        return value
    }

    /// Reads an array of non-blank strings.
    mutating func textList() throws(JSONSyntaxError) -> [String] {
        try list { (decoder: inout FixtureDecoder) throws(JSONSyntaxError) in try decoder.text() }
    }

    /// Reads a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date.
    mutating func date() throws(JSONSyntaxError) -> PartialDate? {
        guard try expect(.string) else { return nil }
        let token = try reader.readStringToken()
        if !token.hasEscapes, let date = PartialDate(isoBytes: UnsafeBufferPointer(rebasing: reader.bytes[token.content])) {
            return date
        }
        let text = reader.string(token)
        if let date = PartialDate(text) { return date }
        report("\"\(JSONReader.clipped(text))\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", at: token.quote)
        return nil
    }

    /// The offset where the next value starts.
    mutating func valueOffset() -> Int {
        reader.skipWhitespace()
        return reader.offset
    }

    /// Checks that the next value is of the expected kind; if not, reports what was found,
    /// skips it and returns false.
    mutating func expect(_ kind: JSONValueKind) throws(JSONSyntaxError) -> Bool {
        let found = try reader.peekValue()
        guard found != kind else { return true }
        let hint = found == .null ? " (omit the key when there is no value)" : ""
        report("expected \(kind.phrase), found \(found.phrase)\(hint)", at: reader.offset)
        try reader.skipValue()
        return false
    }

    /// Works out the lines and columns of the problems (and of the partner references that may
    /// become problems) before `offset` and counts the lines
    /// there, so that the bytes from `kept` to `offset` may be dropped: `located` reads only
    /// the bytes before `kept` and from `offset` on.
    mutating func settleLocations(before offset: Int, keepingBefore kept: Int) {
        let pending = problems.compactMap(\.offset) + partnerReferences.map(\.offset)
        lines.advance(to: offset, in: reader.bytes, placing: pending, keepingBefore: kept)
    }

    /// The problems with line and column worked out, in the order of their place in the file.
    func located(file: String) -> [FixtureProblem] {
        guard !problems.isEmpty else { return [] }
        var lines = self.lines
        lines.advance(to: reader.bytes.count, in: reader.bytes, placing: problems.compactMap(\.offset))
        let ordered = problems.enumerated().sorted { a, b in
            let (x, y) = (a.element.offset ?? -1, b.element.offset ?? -1)
            return x == y ? a.offset < b.offset : x < y
        }
        return ordered.map { _, problem in
            let location = problem.offset.flatMap { lines.location(of: $0, in: reader.bytes) }
            return FixtureProblem(severity: problem.severity, file: file, line: location?.line, column: location?.column,
                                  path: problem.path, message: problem.message)
        }
    }

    /// Whether a non-empty string holds only whitespace; `firstByte` answers most strings at once.
    static func isBlank(_ value: String, firstByte: UInt8) -> Bool {
        switch firstByte {
        case 0x21...0x7F: return false
        default: return value.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
        }
    }
}
