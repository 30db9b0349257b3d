import Foundation
import GRDB
import Testing
@testable import UserState

@Suite("StateStore on a real SQLite file")
struct StateStoreTests {
    let news = ItemKey(.news, "intersputnik-gold-sector-member-2021")
    let organization = ItemKey(.organization, "intersputnik")

    @Test("opening creates the folder with mode 0700 and a WAL database with the migrated table")
    func createsDatabase() throws {
        let scratch = try ScratchFolder()
        let store = StateStore.open(at: scratch.databaseURL)
        #expect(store.readOnlyReason == nil)
        let folder = scratch.databaseURL.deletingLastPathComponent()
        let mode = try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int
        #expect(mode == 0o700)
        let queue = try DatabaseQueue(path: scratch.databaseURL.path)
        let journal = try queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
        let columns = try queue.read { try $0.columns(in: "item_state").map(\.name) }
        #expect(columns == ["kind", "id", "read_at", "starred_at", "note"])
        let migrations = try queue.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(migrations == ["v1: item_state"])
    }

    @Test("migrations run on an existing empty file")
    func migratesEmptyFile() throws {
        let scratch = try ScratchFolder()
        try FileManager.default.createDirectory(at: scratch.databaseURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data().write(to: scratch.databaseURL)
        let store = StateStore.open(at: scratch.databaseURL)
        #expect(store.readOnlyReason == nil)
        try store.setStarred(organization, true, at: Times.first)
        #expect(try store.all() == [organization: ItemState(starredAt: Times.first)])
    }

    @Test("read, star and note are kept across reopening; clearing all three removes the row")
    func roundTrip() throws {
        let scratch = try ScratchFolder()
        do {
            let store = StateStore.open(at: scratch.databaseURL)
            try store.setRead(news, true, at: Times.first)
            try store.setRead(news, true, at: Times.second)
            try store.setStarred(news, true, at: Times.second)
            try store.setNote(news, "  ask BDT about the\nsignatories  \n")
            try store.setStarred(organization, true, at: Times.third)
        }
        let reopened = StateStore.open(at: scratch.databaseURL)
        #expect(try reopened.all() == [
            news: ItemState(readAt: Times.first, starredAt: Times.second, note: "ask BDT about the\nsignatories"),
            organization: ItemState(starredAt: Times.third),
        ])
        try reopened.setRead(news, false, at: Times.third)
        try reopened.setStarred(news, false, at: Times.third)
        try reopened.setNote(news, " \n ")
        #expect(try reopened.state(of: news) == ItemState())
        let rows = try DatabaseQueue(path: scratch.databaseURL.path).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM item_state") }
        #expect(rows == 1)
    }

    @Test("garbage written over the file gives a read-only store; the file is renamed, byte for byte, not deleted")
    func garbageFile() throws {
        let scratch = try ScratchFolder()
        let folder = scratch.databaseURL.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let garbage = Data((0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) })
        try garbage.write(to: scratch.databaseURL)

        let store = StateStore.open(at: scratch.databaseURL, now: Times.first)
        let reason = try #require(store.readOnlyReason)
        #expect(reason.contains("damaged"))
        #expect(reason.contains("state.sqlite.corrupt-20231114T221320Z"))
        #expect(try store.all().isEmpty)
        #expect(throws: StateStoreError.self) { try store.setStarred(news, true, at: Times.first) }
        let kept = folder.appendingPathComponent("state.sqlite.corrupt-20231114T221320Z")
        #expect(try Data(contentsOf: kept) == garbage)
        #expect(try scratch.files(in: folder) == ["state.sqlite.corrupt-20231114T221320Z", "state.sqlite.lock"])

        let next = StateStore.open(at: scratch.databaseURL, now: Times.second)
        #expect(next.readOnlyReason == nil)
        try next.setStarred(news, true, at: Times.second)
        #expect(try Data(contentsOf: kept) == garbage)
    }

    @Test("a database damaged inside (valid header, garbage pages) is found at opening and set aside")
    func damagedPages() throws {
        let scratch = try ScratchFolder()
        do {
            let store = StateStore.open(at: scratch.databaseURL)
            for i in 0..<300 { try store.setNote(ItemKey(.news, "item-\(i)"), String(repeating: "note \(i) ", count: 20)) }
        }
        // Fold the WAL into the main file, then overwrite the page holding one note: a page of
        // item rows that opening and migrating never read, so only the integrity check finds it.
        try DatabaseQueue(path: scratch.databaseURL.path).writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        let original = try Data(contentsOf: scratch.databaseURL)
        let offset = try #require(original.firstRange(of: Data("note 150 note 150".utf8))).lowerBound
        let pageStart = offset - offset % 4096
        #expect(pageStart > 0)
        let handle = try FileHandle(forWritingTo: scratch.databaseURL)
        try handle.seek(toOffset: UInt64(pageStart))
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 4096))
        try handle.close()
        let damaged = try Data(contentsOf: scratch.databaseURL)

        let store = StateStore.open(at: scratch.databaseURL, now: Times.third)
        #expect(store.readOnlyReason?.contains("damaged") == true)
        let kept = scratch.databaseURL.deletingLastPathComponent().appendingPathComponent("state.sqlite.corrupt-20231114T223320Z")
        #expect(try Data(contentsOf: kept) == damaged)
        #expect(!FileManager.default.fileExists(atPath: scratch.databaseURL.path))
    }

    /// A scratch folder whose database has the organization starred at `Times.first`, closed again.
    func scratchWithStarredOrganization() throws -> ScratchFolder {
        let scratch = try ScratchFolder()
        try StateStore.open(at: scratch.databaseURL).setStarred(organization, true, at: Times.first)
        return scratch
    }

    @Test("a write lock held longer than the busy timeout gives a read-only store that still shows the saved state")
    func lockedTooLong() throws {
        let scratch = try scratchWithStarredOrganization()
        var configuration = Configuration()
        configuration.journalMode = .wal
        let holder = try DatabaseQueue(path: scratch.databaseURL.path, configuration: configuration)
        try holder.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            let store = StateStore.open(at: scratch.databaseURL, busyTimeout: 0.2)
            #expect(store.readOnlyReason?.contains("locked by another process for more than 0.2 s") == true)
            #expect(try store.all() == [organization: ItemState(starredAt: Times.first)])
            #expect(throws: StateStoreError.self) { try store.setRead(news, true, at: Times.second) }
            try db.execute(sql: "ROLLBACK")
        }
        #expect(StateStore.open(at: scratch.databaseURL, busyTimeout: 0.2).readOnlyReason == nil)
    }

    @Test("a process opening the database holds state.sqlite.lock; another waits for it, then gives up read-only")
    func openingWaitsForTheOpeningLock() throws {
        let scratch = try scratchWithStarredOrganization()
        let lockPath = scratch.databaseURL.path + ".lock"
        let holder = open(lockPath, O_RDWR)
        #expect(holder >= 0)
        defer { close(holder) }
        #expect(flock(holder, LOCK_EX | LOCK_NB) == 0)
        let store = StateStore.open(at: scratch.databaseURL, busyTimeout: 0.2)
        #expect(store.readOnlyReason?.contains("locked by another process for more than 0.2 s") == true)
        #expect(try store.all() == [organization: ItemState(starredAt: Times.first)])

        flock(holder, LOCK_UN)
        let reopened = StateStore.open(at: scratch.databaseURL, busyTimeout: 0.2)
        #expect(reopened.readOnlyReason == nil)
        #expect(flock(holder, LOCK_EX | LOCK_NB) == 0, "the lock is released once the store is open")
    }

    @Test("a folder where the database should be gives a read-only store naming the path")
    func unopenable() throws {
        let scratch = try ScratchFolder()
        try FileManager.default.createDirectory(at: scratch.databaseURL, withIntermediateDirectories: true)
        let store = StateStore.open(at: scratch.databaseURL)
        let reason = try #require(store.readOnlyReason)
        #expect(reason.hasPrefix("cannot open the state database \(scratch.databaseURL.path)"))
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: scratch.databaseURL.path, isDirectory: &isDirectory) && isDirectory.boolValue)
    }

    @Test("a database from a newer itu-browser is read, not changed")
    func newerSchema() throws {
        let scratch = try ScratchFolder()
        do {
            let store = StateStore.open(at: scratch.databaseURL)
            try store.setRead(news, true, at: Times.first)
        }
        try DatabaseQueue(path: scratch.databaseURL.path).write {
            try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v2: from the future')")
        }
        let store = StateStore.open(at: scratch.databaseURL)
        #expect(store.readOnlyReason?.contains("newer itu-browser") == true)
        #expect(try store.all() == [news: ItemState(readAt: Times.first)])
    }

    @Test("another connection's commit is seen once through data_version; the store's own writes are not")
    func externalChanges() throws {
        let scratch = try ScratchFolder()
        let first = StateStore.open(at: scratch.databaseURL)
        let second = StateStore.open(at: scratch.databaseURL)
        #expect(!first.hasExternalChanges())
        try first.setStarred(news, true, at: Times.first)
        #expect(!first.hasExternalChanges())
        #expect(second.hasExternalChanges())
        #expect(!second.hasExternalChanges())
        #expect(try second.state(of: news).isStarred)
    }

    @Test("merge keeps marks from both sides with the later time and both notes, and is idempotent")
    func mergeIntoDatabase() throws {
        let scratch = try ScratchFolder()
        let store = StateStore.open(at: scratch.databaseURL)
        try store.setRead(news, true, at: Times.first)
        try store.setNote(news, "mine")
        let incoming: [ItemKey: ItemState] = [
            news: ItemState(readAt: Times.second, starredAt: Times.third, note: "theirs"),
            organization: ItemState(readAt: Times.first),
        ]
        #expect(try store.merge(incoming) == 2)
        #expect(try store.all() == [
            news: ItemState(readAt: Times.second, starredAt: Times.third, note: "mine\n\ntheirs"),
            organization: ItemState(readAt: Times.first),
        ])
        #expect(try store.merge(incoming) == 0)
    }

    @Test("the default location follows XDG_STATE_HOME, else ~/.local/state")
    func defaultLocation() {
        #expect(StateStore.defaultLocation(environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/home/a"]).path
            == "/x/state/itu-browser/state.sqlite")
        #expect(StateStore.defaultLocation(environment: ["HOME": "/home/a"]).path == "/home/a/.local/state/itu-browser/state.sqlite")
        #expect(StateStore.defaultLocation(environment: ["XDG_STATE_HOME": "relative", "HOME": "/home/a"]).path
            == "/home/a/.local/state/itu-browser/state.sqlite")
    }
}
