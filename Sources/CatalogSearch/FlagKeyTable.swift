import Foundation

/// The document number of each item that can carry flags (`ItemFlags.key`), worked out from
/// the entry table the first time a search asks for it, so that an index read from a snapshot
/// starts without building it and a search without flags never does.
///
/// A key held by several documents answers with the last of them.
/// `@unchecked Sendable` because its one mutable field is only touched under `lock`.
final class FlagKeyTable: @unchecked Sendable {
    private let entries: SearchEntryTable
    private let lock = NSLock()
    private var built: [String: Int]?

    init(entries: SearchEntryTable) {
        self.entries = entries
    }

    /// Whether a search has asked for the table yet.
    var isBuilt: Bool { lock.withLock { built != nil } }

    /// `news:<id>` / `organization:<id>` → document number.
    var documentsByKey: [String: Int] {
        lock.withLock {
            if let built { return built }
            var table: [String: Int] = [:]
            table.reserveCapacity(entries.count)
            for document in 0..<entries.count {
                if let key = ItemFlags.key(type: entries.type(at: document), id: entries.ids[document]) {
                    table[key] = document
                }
            }
            built = table
            return table
        }
    }
}
