import Foundation
import GRDB
import XDGDirectories

/// The read, starred and note state of items, kept in a SQLite database shared by every
/// `itu-browser` process of the user (WAL, so readers never wait for a writer).
///
/// Opening never fails: a database that is corrupt, cannot be opened or stays locked longer
/// than the busy timeout gives a read-only store holding what could be read, and
/// `readOnlyReason` says why. A corrupt file is renamed `state.sqlite.corrupt-<time>`, never
/// deleted, so the next start begins a new database and the old one can still be inspected.
public final class StateStore: Sendable {
    private enum Backend: Sendable {
        case database(DatabaseQueue)
        case readOnly(snapshot: [ItemKey: ItemState], reason: String)
    }

    private let backend: Backend
    private let lastDataVersion = LockedValue<Int?>(nil)

    /// Where the database lives: `$XDG_STATE_HOME/itu-browser/state.sqlite`, with
    /// `~/.local/state` when `XDG_STATE_HOME` is unset, empty or relative (`XDGBaseDirectory`).
    public static func defaultLocation(environment: [String: String]) -> URL {
        URL(fileURLWithPath: XDGBaseDirectory.state.folder(environment: environment)).appendingPathComponent("state.sqlite")
    }

    /// Opens (creating it, its folder with mode 0700, and its tables when needed) the database
    /// at `url`. A write lock held by another process longer than `busyTimeout` seconds gives a
    /// read-only store.
    public static func open(at url: URL, busyTimeout: TimeInterval = 3, now: Date = Date()) -> StateStore {
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            return StateStore(readOnly: "cannot create the state folder \(folder.path): \(StateStore.reason(error))")
        }
        do {
            let queue = try StateStore.whileOpeningAlone(url, timeout: busyTimeout) {
                try StateStore.openWritable(url, busyTimeout: busyTimeout)
            }
            return StateStore(queue: queue)
        } catch let failure as OpenFailure {
            switch failure {
            case .corrupt(let detail):
                return StateStore(readOnly: StateStore.setAside(url, detail: detail, now: now))
            case .superseded:
                return StateStore(snapshotOf: url, reason: "the state database \(url.path) was written by a newer itu-browser")
            case .locked:
                return StateStore(snapshotOf: url, reason: "the state database \(url.path) stayed locked by another process "
                    + "for more than \(StateStore.seconds(busyTimeout))")
            case .unusable(let detail):
                return StateStore(readOnly: "cannot open the state database \(url.path): \(detail)")
            }
        } catch {
            return StateStore(readOnly: "cannot open the state database \(url.path): \(StateStore.reason(error))")
        }
    }

    private init(queue: DatabaseQueue) {
        backend = .database(queue)
        lastDataVersion.value = try? queue.read { try Int.fetchOne($0, sql: "PRAGMA data_version") }
    }

    private init(readOnly reason: String, snapshot: [ItemKey: ItemState] = [:]) {
        backend = .readOnly(snapshot: snapshot, reason: reason + "; changes are not saved")
    }

    /// A read-only store holding what a read-only connection could still read from `url`.
    private convenience init(snapshotOf url: URL, reason: String) {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(1)
        let snapshot = (try? DatabaseQueue(path: url.path, configuration: configuration).read(StateStore.fetchAll)) ?? [:]
        self.init(readOnly: reason, snapshot: snapshot)
    }

    /// Why changes cannot be saved, or nil when the store writes to its database.
    public var readOnlyReason: String? {
        if case .readOnly(_, let reason) = backend { return reason }
        return nil
    }

    /// Every item with something recorded.
    public func all() throws -> [ItemKey: ItemState] {
        switch backend {
        case .readOnly(let snapshot, _):
            return snapshot
        case .database(let queue):
            return try StateStore.translatingErrors { try queue.read(StateStore.fetchAll) }
        }
    }

    /// The state of one item (empty when nothing is recorded).
    public func state(of key: ItemKey) throws -> ItemState {
        switch backend {
        case .readOnly(let snapshot, _):
            return snapshot[key] ?? ItemState()
        case .database(let queue):
            return try StateStore.translatingErrors { try queue.read { try StateStore.fetch(key, $0) } }
        }
    }

    /// Marks an item read (keeping the time it was first read) or unread.
    public func setRead(_ key: ItemKey, _ read: Bool, at date: Date) throws {
        try change(key) { state in
            state.readAt = read ? (state.readAt ?? date) : nil
        }
    }

    /// Stars (keeping the time it was first starred) or unstars an item.
    public func setStarred(_ key: ItemKey, _ starred: Bool, at date: Date) throws {
        try change(key) { state in
            state.starredAt = starred ? (state.starredAt ?? date) : nil
        }
    }

    /// Sets an item's note; nil or only white space removes it.
    public func setNote(_ key: ItemKey, _ note: String?) throws {
        try change(key) { state in
            state.note = ItemState.normalizedNote(note)
        }
    }

    /// Merges `states` into the database in one transaction (see `ItemState.merged(with:)`) and
    /// returns how many items changed.
    @discardableResult
    public func merge(_ states: [ItemKey: ItemState]) throws -> Int {
        let queue = try writableQueue()
        return try StateStore.translatingErrors {
            try StateStore.writeImmediately(queue) { db in
                let existing = try StateStore.fetchAll(db)
                var changed = 0
                for key in states.keys.sorted() {
                    guard let incoming = states[key] else { continue }
                    let current = existing[key] ?? ItemState()
                    let merged = current.merged(with: incoming)
                    if merged != current {
                        try StateStore.save(key, merged, db)
                        changed += 1
                    }
                }
                return changed
            }
        }
    }

    /// True when another connection committed since the last call (or since opening), from
    /// `PRAGMA data_version`; this store's own writes do not count.
    public func hasExternalChanges() -> Bool {
        guard case .database(let queue) = backend,
              let version = try? queue.read({ try Int.fetchOne($0, sql: "PRAGMA data_version") }) else { return false }
        return lastDataVersion.exchange(version) != version
    }

    // MARK: Writing

    /// Runs `body` in an IMMEDIATE transaction, which takes the write lock (waiting up to the
    /// busy timeout) before the first read. GRDB's `write` opens a DEFERRED one: its read would
    /// start on a snapshot that another process's commit makes stale, and the upgrade to a write
    /// would then fail at once with SQLITE_BUSY, whatever the busy timeout.
    private static func writeImmediately<T>(_ queue: DatabaseQueue, _ body: (Database) throws -> T) throws -> T {
        try queue.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            return result!
        }
    }

    private func writableQueue() throws -> DatabaseQueue {
        switch backend {
        case .readOnly(_, let reason): throw StateStoreError("not saved: " + reason)
        case .database(let queue): return queue
        }
    }

    private func change(_ key: ItemKey, _ body: @Sendable (inout ItemState) -> Void) throws {
        let queue = try writableQueue()
        try StateStore.translatingErrors {
            try StateStore.writeImmediately(queue) { db in
                var state = try StateStore.fetch(key, db)
                body(&state)
                try StateStore.save(key, state, db)
            }
        }
    }

    // MARK: Rows

    private static func fetchAll(_ db: Database) throws -> [ItemKey: ItemState] {
        var states: [ItemKey: ItemState] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT kind, id, read_at, starred_at, note FROM \(StateSchema.table)")
        while let row = try rows.next() {
            guard let kind = ItemKind(rawValue: row["kind"]) else { continue }
            states[ItemKey(kind, row["id"])] = ItemState(readAt: row["read_at"], starredAt: row["starred_at"], note: row["note"])
        }
        return states
    }

    private static func fetch(_ key: ItemKey, _ db: Database) throws -> ItemState {
        let row = try Row.fetchOne(db, sql: "SELECT read_at, starred_at, note FROM \(StateSchema.table) WHERE kind = ? AND id = ?",
                                   arguments: [key.kind.rawValue, key.id])
        guard let row else { return ItemState() }
        return ItemState(readAt: row["read_at"], starredAt: row["starred_at"], note: row["note"])
    }

    /// Writes an item's row, or deletes it when nothing is left to record.
    private static func save(_ key: ItemKey, _ state: ItemState, _ db: Database) throws {
        if state.isEmpty {
            try db.cachedStatement(sql: "DELETE FROM \(StateSchema.table) WHERE kind = ? AND id = ?")
                .execute(arguments: [key.kind.rawValue, key.id])
            return
        }
        try db.cachedStatement(sql: """
            INSERT INTO \(StateSchema.table) (kind, id, read_at, starred_at, note) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (kind, id) DO UPDATE SET read_at = excluded.read_at, starred_at = excluded.starred_at, note = excluded.note
            """).execute(arguments: [key.kind.rawValue, key.id, state.readAt, state.starredAt, state.note])
    }

    // MARK: Opening

    private enum OpenFailure: Error {
        case corrupt(String)
        case locked
        case superseded
        case unusable(String)
    }

    /// Checks an existing file through a read-only connection (a writable one could change a
    /// damaged file when it closes), then opens in WAL mode, migrates, and takes the write lock
    /// once, so that a database another process keeps locked is found now rather than at the
    /// first change.
    private static func openWritable(_ url: URL, busyTimeout: TimeInterval) throws -> DatabaseQueue {
        let migrator = StateSchema.migrator
        do {
            if let size = try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int, size > 0 {
                var checking = Configuration()
                checking.readonly = true
                checking.busyMode = .timeout(busyTimeout)
                let reader = try DatabaseQueue(path: url.path, configuration: checking)
                let check = try reader.read { try String.fetchAll($0, sql: "PRAGMA quick_check") }
                if check != ["ok"] {
                    throw OpenFailure.corrupt(check.prefix(3).joined(separator: "; "))
                }
                if try reader.read(migrator.hasBeenSuperseded) { throw OpenFailure.superseded }
            }
            var configuration = Configuration()
            configuration.journalMode = .wal
            configuration.busyMode = .timeout(busyTimeout)
            let queue = try DatabaseQueue(path: url.path, configuration: configuration)
            try migrator.migrate(queue)
            try queue.inTransaction(.immediate) { _ in .commit }
            return queue
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_CORRUPT, .SQLITE_NOTADB: throw OpenFailure.corrupt(error.message ?? "\(error.resultCode)")
            case .SQLITE_BUSY, .SQLITE_LOCKED: throw OpenFailure.locked
            default: throw OpenFailure.unusable(StateStore.reason(error))
            }
        }
    }

    /// Runs `body` holding an exclusive `flock` on `<database>.lock`, waiting up to `timeout`
    /// seconds for it (`OpenFailure.locked` after that).
    ///
    /// Opening checks, creates and migrates the database in several SQLite transactions, and
    /// GRDB's migrator reads which migrations are applied outside any: two processes creating
    /// a new database at the same moment would both run the first migration, and a checking
    /// reader could see a half-made schema. The lock makes each process open the database
    /// alone; it is held only while opening, never while the store is used. When the lock file
    /// cannot be made (a read-only folder), opening goes on without it and SQLite says why.
    private static func whileOpeningAlone<T>(_ url: URL, timeout: TimeInterval, _ body: () throws -> T) throws -> T {
        let descriptor = StateStore.openLockFile(url.path + ".lock")
        guard descriptor >= 0 else { return try body() }
        defer { StateStore.closeLockFile(descriptor) }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else { return try body() }
            guard Date() < deadline else { throw OpenFailure.locked }
            usleep(10_000)
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    private static func openLockFile(_ path: String) -> Int32 {
        #if canImport(Glibc)
        return Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        #else
        return Darwin.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        #endif
    }

    private static func closeLockFile(_ descriptor: Int32) {
        #if canImport(Glibc)
        _ = Glibc.close(descriptor)
        #else
        _ = Darwin.close(descriptor)
        #endif
    }

    /// Renames a corrupt database (with its -wal and -shm files) out of the way and says so.
    private static func setAside(_ url: URL, detail: String, now: Date) -> String {
        let stamp = corruptStamp(now)
        let files = FileManager.default
        var target = url.path + ".corrupt-" + stamp
        var suffix = 2
        while files.fileExists(atPath: target) {
            target = url.path + ".corrupt-" + stamp + "-\(suffix)"
            suffix += 1
        }
        do {
            try files.moveItem(atPath: url.path, toPath: target)
        } catch {
            return "the state database \(url.path) is damaged (\(detail)) and could not be renamed: \(reason(error))"
        }
        for companion in ["-wal", "-shm"] where files.fileExists(atPath: url.path + companion) {
            try? files.moveItem(atPath: url.path + companion, toPath: target + companion)
        }
        return "the state database was damaged (\(detail)); it was kept as \((target as NSString).lastPathComponent) "
            + "and a new one starts next time"
    }

    /// `20261201T140530Z`: sorts by time and holds no character a file name or shell minds.
    static func corruptStamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { String(format: "%02d", n ?? 0) }
        return String(format: "%04d", c.year ?? 0) + two(c.month) + two(c.day) + "T" + two(c.hour) + two(c.minute) + two(c.second) + "Z"
    }

    private static func seconds(_ interval: TimeInterval) -> String {
        interval == interval.rounded() ? "\(Int(interval)) s" : String(format: "%.1f s", interval)
    }

    // MARK: Errors

    /// Runs `body`, turning database errors into one-line `StateStoreError`s.
    private static func translatingErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StateStoreError {
            throw error
        } catch {
            throw StateStoreError("state not saved: " + reason(error))
        }
    }

    /// A short reason for an error: SQLite's own message for database errors.
    static func reason(_ error: Error) -> String {
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED: return "the database is locked by another process"
            case .SQLITE_FULL: return "the disk is full"
            case .SQLITE_READONLY: return "the database file is read-only"
            default: return error.message ?? "\(error.resultCode)"
            }
        }
        if let error = error as? CocoaError, let underlying = error.underlying { return underlying.localizedDescription }
        return error.localizedDescription
    }
}

/// A value shared between threads behind a lock.
final class LockedValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }

    /// Stores `newValue` and returns the value it replaced.
    func exchange(_ newValue: Value) -> Value {
        lock.withLock {
            let old = stored
            stored = newValue
            return old
        }
    }
}
