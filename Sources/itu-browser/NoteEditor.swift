import Foundation
import Terminal

/// Edits a note in the person's editor: `$VISUAL`, else `$EDITOR`, else `vi`, on a temporary
/// file holding the note, with the terminal handed over while it runs.
struct NoteEditor {
    var environment: [String: String]

    var commandLine: String {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name], !value.allSatisfy(\.isWhitespace) { return value }
        }
        return "vi"
    }

    /// The note as the editor left it (nil when emptied), or why it could not be edited.
    /// An editor that exits with a failure status leaves the note as it was.
    func edit(_ note: String?, on terminal: Terminal) -> Result<String?, NoteEditFailure> {
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("itu-browser-note-\(UUID().uuidString).txt")
        let created = FileManager.default.createFile(atPath: file.path, contents: Data(((note ?? "") + (note == nil ? "" : "\n")).utf8),
                                                     attributes: [.posixPermissions: 0o600])
        guard created else { return .failure(NoteEditFailure(message: "cannot create a temporary file for the note")) }
        defer { try? FileManager.default.removeItem(at: file) }

        terminal.suspend()
        let outcome = ExternalProgram(commandLine: commandLine).runAttached([file.path])
        terminal.resume()

        switch outcome {
        case .failure(let failure):
            return .failure(NoteEditFailure(message: failure.message))
        case .success(let status) where status != 0:
            return .failure(NoteEditFailure(message: "the editor exited with status \(status); the note is unchanged"))
        case .success:
            guard let data = FileManager.default.contents(atPath: file.path) else {
                return .failure(NoteEditFailure(message: "the note's temporary file is gone; the note is unchanged"))
            }
            let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return .success(text.isEmpty ? nil : text)
        }
    }
}

/// Why a note could not be edited, for the status line.
struct NoteEditFailure: Error {
    var message: String
}
