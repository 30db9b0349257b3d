import CatalogSearch
import Foundation
import UserState

/// How commands reach the user's state database: the default location from the environment,
/// a warning on standard error when it can only be read, and the search flags it gives.
enum UserStateAccess {
    /// Opens the state database at `$XDG_STATE_HOME/itu-browser/state.sqlite`; a read-only
    /// store is announced with its reason, once, on standard error.
    static func open(environment: [String: String] = ProcessInfo.processInfo.environment) -> StateStore {
        let store = StateStore.open(at: StateStore.defaultLocation(environment: environment))
        if let reason = store.readOnlyReason { Console.error("itu-browser: state: " + reason) }
        return store
    }

    /// Every recorded state, for commands that only read it: nothing when the database does
    /// not exist yet (it is not created for them).
    static func recordedStates(environment: [String: String] = ProcessInfo.processInfo.environment) throws(CommandFailure) -> [ItemKey: ItemState] {
        guard FileManager.default.fileExists(atPath: StateStore.defaultLocation(environment: environment).path) else { return [:] }
        return try states(open(environment: environment))
    }

    /// Every recorded state; a database that cannot be read ends the command with its reason.
    static func states(_ store: StateStore) throws(CommandFailure) -> [ItemKey: ItemState] {
        do {
            return try store.all()
        } catch {
            throw CommandFailure("state: \(error)")
        }
    }

    /// The query flags (`is:starred`, …) of these states.
    static func flags(_ states: [ItemKey: ItemState]) -> ItemFlags {
        var flags = ItemFlags()
        for (key, state) in states {
            let name = key.description
            if state.isRead { flags.read.insert(name) }
            if state.isStarred { flags.starred.insert(name) }
            if state.hasNote { flags.noted.insert(name) }
        }
        return flags
    }

    /// `2026-12-01 14:05 UTC`: how times of the state are printed for people.
    static func describe(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d UTC", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }
}
