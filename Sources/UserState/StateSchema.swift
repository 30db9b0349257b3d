import GRDB

/// The state database's tables, built by numbered migrations that never change once released.
enum StateSchema {
    static let table = "item_state"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: item_state") { db in
            try db.create(table: table) { t in
                t.column("kind", .text).notNull().check(sql: "kind IN ('news', 'organization')")
                t.column("id", .text).notNull()
                t.column("read_at", .datetime)
                t.column("starred_at", .datetime)
                t.column("note", .text)
                t.primaryKey(["kind", "id"])
            }
        }
        return migrator
    }
}
