import Browser
import Foundation
import UserState

/// The `StateStore` as the browser's `MarksStorage`: the store's item keys and dated states
/// turned into the Browser's item references and marks, and back.
struct StateStoreMarks: MarksStorage {
    let store: StateStore

    /// The store at its XDG place (`$XDG_STATE_HOME/itu-browser/state.sqlite`); never fails:
    /// a damaged or locked database gives a read-only store that says why.
    static func open(environment: [String: String]) -> StateStoreMarks {
        StateStoreMarks(store: StateStore.open(at: StateStore.defaultLocation(environment: environment)))
    }

    var readOnlyReason: String? { store.readOnlyReason }

    func allMarks() throws -> [ItemReference: ItemMarks] {
        var marks: [ItemReference: ItemMarks] = [:]
        for (key, state) in try store.all() {
            let item = ItemReference(key.kind == .news ? .news : .organization, key.id)
            marks[item] = ItemMarks(isRead: state.isRead, isStarred: state.isStarred, note: state.note)
        }
        return marks
    }

    func setRead(_ item: ItemReference, _ read: Bool) throws { try store.setRead(key(item), read, at: Date()) }
    func setStarred(_ item: ItemReference, _ starred: Bool) throws { try store.setStarred(key(item), starred, at: Date()) }
    func setNote(_ item: ItemReference, _ note: String?) throws { try store.setNote(key(item), note) }
    func hasExternalChanges() -> Bool { store.hasExternalChanges() }

    private func key(_ item: ItemReference) -> ItemKey {
        ItemKey(item.kind == .news ? .news : .organization, item.id)
    }
}
