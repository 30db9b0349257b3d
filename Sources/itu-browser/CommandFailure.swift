/// The exit statuses of `itu-browser`, as documented in the README.
enum ExitStatus {
    static let success: Int32 = 0
    /// Something was not found, or the command line was wrong.
    static let notFoundOrUsage: Int32 = 1
    /// The fixture data is invalid (the `EX_DATAERR` of sysexits).
    static let invalidData: Int32 = 65
    /// The config file is invalid (the `EX_CONFIG` of sysexits).
    static let invalidConfig: Int32 = 78
}

/// A failure a command reports to the user: a one-line reason (printed after `itu-browser: `)
/// and the exit status it ends with.
///
/// `details` are printed before the reason, one per line, without the prefix: the fixture
/// problems that made loading fail, for instance.
struct CommandFailure: Error {
    var message: String
    var status: Int32
    var details: [String]

    init(_ message: String, status: Int32 = ExitStatus.notFoundOrUsage, details: [String] = []) {
        self.message = message
        self.status = status
        self.details = details
    }
}
