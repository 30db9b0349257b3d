import ArgumentParser
import Catalog
import Foundation
import UserState

/// `itu-browser state export|import|check`: back up, merge and check the read, starred and
/// note state kept in `$XDG_STATE_HOME/itu-browser/state.sqlite`.
struct StateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state",
        abstract: "Export, import or check what you read, starred and noted.",
        discussion: """
            The state lives in $XDG_STATE_HOME/itu-browser/state.sqlite (default \
            ~/.local/state/itu-browser/state.sqlite). Import merges: an item read or starred on \
            either side stays so, with the later time; two different notes are both kept, the \
            one already here first.
            """,
        subcommands: [StateExportCommand.self, StateImportCommand.self, StateCheckCommand.self]
    )
}

/// `itu-browser state export`: the whole state as JSON on standard output.
struct StateExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print the state as JSON (itu-browser state export > state.json)."
    )

    func run() throws {
        let states = try UserStateAccess.recordedStates()
        let data: Data
        do {
            data = try StateArchive.encode(states)
        } catch {
            throw CommandFailure("state export: \(error)")
        }
        FileHandle.standardOutput.write(data)
    }
}

/// `itu-browser state import FILE`: merges an export into the state.
struct StateImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Merge a state export into the state (- reads standard input)."
    )

    @Argument(help: ArgumentHelp("A file written by itu-browser state export, or - for standard input.", valueName: "FILE"))
    var file: String

    func run() throws {
        let data: Data
        do {
            data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw CommandFailure("cannot read \(file): \((error as NSError).localizedDescription)")
        }
        let states: [ItemKey: ItemState]
        do {
            states = try StateArchive.decode(data)
        } catch {
            throw CommandFailure("\(file): \(error)", status: ExitStatus.invalidData)
        }
        let store = UserStateAccess.open()
        let changed: Int
        do {
            changed = try store.merge(states)
        } catch {
            throw CommandFailure("state import: \(error)")
        }
        Console.write("imported \(Plural.count(states.count, "item")) from \(file): \(changed) changed")
    }
}

/// `itu-browser state check`: the recorded items that the fixtures no longer hold.
struct StateCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "List state kept for items that are no longer in the fixtures.",
        discussion: "Such state is kept, never deleted: the item may come back with other fixtures."
    )

    @OptionGroup var catalogOptions: CatalogOptions

    func run() throws {
        let catalog = try catalogOptions.loadCatalog()
        let states = try UserStateAccess.recordedStates()
        let missing = states.keys.sorted().filter { key in
            switch key.kind {
            case .news: return catalog.newsItem(id: key.id) == nil
            case .organization: return catalog.organization(id: key.id) == nil
            }
        }
        let folder = FolderName.display(try catalogOptions.location().path)
        guard !missing.isEmpty else {
            Console.write(states.isEmpty ? "no state recorded yet"
                : "every item with a state (\(states.count)) is in \(folder)")
            return
        }
        for key in missing {
            guard let state = states[key] else { continue }
            Console.write(key.description + "  " + StateCheckCommand.summary(state))
        }
        Console.write("\(Plural.count(missing.count, "item")) with a state \(missing.count == 1 ? "is" : "are") not in \(folder) (kept)")
    }

    /// `read 2026-12-01 14:05 UTC, starred …, note "first line…"`.
    static func summary(_ state: ItemState) -> String {
        var parts: [String] = []
        if let read = state.readAt { parts.append("read " + UserStateAccess.describe(read)) }
        if let starred = state.starredAt { parts.append("starred " + UserStateAccess.describe(starred)) }
        if let note = state.note {
            let first = note.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            let cut = first.count > 40 || note.contains(where: \.isNewline)
            parts.append("note \"" + String(first.prefix(40)) + (cut ? "…" : "") + "\"")
        }
        return parts.joined(separator: ", ")
    }
}
