/// Why a source cannot be imported: a message naming the source and, for markup errors, the
/// line and column (`feed.xml:3:14: …`).
public struct ImportFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// The source as the user named it (a file name, `-` or an address).
    public var source: String
    public var line: Int?
    public var column: Int?
    public var message: String
    /// True when the source could not be reached (exit status 1), false when it is invalid (65).
    public var isUnreachable: Bool

    public init(source: String, line: Int? = nil, column: Int? = nil, message: String, isUnreachable: Bool = false) {
        self.source = source
        self.line = line
        self.column = column
        self.message = message
        self.isUnreachable = isUnreachable
    }

    /// `source:line:column: message`, leaving out what is not known.
    public var description: String {
        var location = source
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return location + ": " + message
    }
}
