/// One problem found in fixture data: where it is and what is wrong, in words a person reads.
///
/// Its description is one line: `fixtures/news.json:12:5: news[3].date: "2021-13-01" is not a
/// date (YYYY-MM-DD)`, with `warning: ` before the message of a warning. The line and column
/// are left out where they are not known (a missing file, say).
public struct FixtureProblem: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable {
        /// The data cannot be used: loading fails.
        case error
        /// The data loads, but something in it is probably a mistake (an unknown key, say).
        case warning
    }

    public var severity: Severity
    /// The file as the user named it (e.g. `fixtures/news.json`).
    public var file: String
    /// 1-based line and column, where known.
    public var line: Int?
    public var column: Int?
    /// The JSON path of the value, e.g. `news[3].date`; empty for the file as a whole.
    public var path: String
    public var message: String

    public init(severity: Severity = .error, file: String, line: Int? = nil, column: Int? = nil, path: String = "", message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        let prefix = severity == .warning ? "warning: " : ""
        return path.isEmpty ? "\(location): \(prefix)\(message)" : "\(location): \(path): \(prefix)\(message)"
    }
}

/// What loading a fixtures folder gave: a catalog when there were no errors, and every problem.
public struct FixtureLoadResult: Sendable {
    /// Nil when any problem is an error.
    public var catalog: Catalog?
    /// Errors and warnings, in file order and then position.
    public var problems: [FixtureProblem]

    public init(catalog: Catalog?, problems: [FixtureProblem]) {
        self.catalog = catalog
        self.problems = problems
    }

    public var errors: [FixtureProblem] { problems.filter { $0.severity == .error } }
    public var warnings: [FixtureProblem] { problems.filter { $0.severity == .warning } }
}
