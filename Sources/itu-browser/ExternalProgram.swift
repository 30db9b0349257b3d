import Foundation

/// Runs a person's own programs (their editor, their web browser) from a command line as they
/// would write it in their shell: `vim`, `code --wait`, `firefox --new-window %s`.
///
/// The command line goes to `/bin/sh -c`, and the arguments (a file name, an address) follow as
/// positional parameters, so they are never parsed by the shell: an address full of `;` or `$`
/// is one argument. A `%s` in the command line (the old `$BROWSER` convention) marks where the
/// first argument goes; without one, the arguments come at the end.
struct ExternalProgram {
    var commandLine: String

    /// The `sh -c` script: the command line with the arguments at `%s` or at the end.
    var script: String {
        commandLine.contains("%s")
            ? commandLine.replacingOccurrences(of: "%s", with: "\"$1\"")
            : commandLine + " \"$@\""
    }

    /// Runs the program with the terminal (standard input, output and error inherited) and
    /// waits for it. Returns its exit status, or why it could not start.
    func runAttached(_ arguments: [String]) -> Result<Int32, ProgramFailure> {
        let process = makeProcess(arguments)
        do {
            try process.run()
        } catch {
            return .failure(ProgramFailure(command: commandLine, reason: "\(error.localizedDescription)"))
        }
        process.waitUntilExit()
        return .success(process.terminationStatus)
    }

    /// Starts the program on its own, its input and output on /dev/null, without waiting.
    func startDetached(_ arguments: [String]) -> Result<Void, ProgramFailure> {
        let process = makeProcess(arguments)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            return .success(())
        } catch {
            return .failure(ProgramFailure(command: commandLine, reason: "\(error.localizedDescription)"))
        }
    }

    private func makeProcess(_ arguments: [String]) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, "sh"] + arguments
        return process
    }
}

/// A program that could not be started, for the status line.
struct ProgramFailure: Error {
    var command: String
    var reason: String

    var message: String { "cannot run \"\(SafeLine.text(command))\": \(SafeLine.text(reason))" }
}
