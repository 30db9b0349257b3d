/// Something wrong in the config file: `file:line: message`, the message naming the valid choices.
public struct ConfigProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    /// The line of the file, when known.
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        file + (line.map { ":\($0)" } ?? "") + ": " + message
    }
}

/// All the problems of one config file, in line order.
public struct ConfigProblems: Error, Equatable, Sendable {
    public var problems: [ConfigProblem]

    public init(_ problems: [ConfigProblem]) {
        self.problems = problems
    }
}
