import CSQLite
import Foundation

/// SQLite FTS5, set up the way a Swift developer would reach for it, as the reference engine.
///
/// An in-memory database with one FTS5 table over the same fields as our index, the
/// `unicode61 remove_diacritics 2` tokenizer, bm25 column weights like ours as the table's
/// rank, and every query answered with `ORDER BY rank LIMIT k` plus `highlight()` and
/// `snippet()`, so both engines do the same work per query.
final class FTS5Engine {
    private var db: OpaquePointer?
    private var query: OpaquePointer?
    let limit: Int

    /// Column order matters for `bm25()` weights and `highlight()`.
    static let columns = ["title", "names", "tags", "summary", "body"]
    static let weights = [10.0, 8.0, 5.0, 3.0, 1.0]

    init(limit: Int) throws {
        self.limit = limit
        guard sqlite3_open(":memory:", &db) == SQLITE_OK else { throw BenchError("cannot open SQLite") }
        let columns = FTS5Engine.columns.joined(separator: ", ")
        try exec("CREATE VIRTUAL TABLE news USING fts5(\(columns), tokenize='unicode61 remove_diacritics 2')")
        let weights = FTS5Engine.weights.map { String($0) }.joined(separator: ", ")
        try exec("INSERT INTO news(news, rank) VALUES('rank', 'bm25(\(weights))')")
    }

    deinit {
        sqlite3_finalize(query)
        sqlite3_close(db)
    }

    /// Inserts all rows in one transaction; each row's values follow `columns`.
    func insert(_ rows: [[String]]) throws {
        try exec("BEGIN")
        var statement: OpaquePointer?
        let placeholders = FTS5Engine.columns.map { _ in "?" }.joined(separator: ", ")
        guard sqlite3_prepare_v2(db, "INSERT INTO news VALUES (\(placeholders))", -1, &statement, nil) == SQLITE_OK else {
            throw BenchError(lastError)
        }
        defer { sqlite3_finalize(statement) }
        for row in rows {
            for (i, value) in row.enumerated() {
                sqlite3_bind_text(statement, Int32(i + 1), value, -1, FTS5Engine.transient)
            }
            guard sqlite3_step(statement) == SQLITE_DONE else { throw BenchError(lastError) }
            sqlite3_reset(statement)
        }
        try exec("COMMIT")
    }

    /// Runs one MATCH query, reads every returned row (id, highlighted title, body snippet) and
    /// returns how many rows came back. A query FTS5 rejects returns 0.
    func search(_ match: String) -> Int {
        if query == nil {
            let sql = """
                SELECT rowid, highlight(news, 0, '[', ']'), snippet(news, 4, '[', ']', '…', 24)
                FROM news WHERE news MATCH ? ORDER BY rank LIMIT \(limit)
                """
            guard sqlite3_prepare_v2(db, sql, -1, &query, nil) == SQLITE_OK else { return 0 }
        }
        sqlite3_reset(query)
        sqlite3_bind_text(query, 1, match, -1, FTS5Engine.transient)
        var count = 0
        while sqlite3_step(query) == SQLITE_ROW {
            _ = sqlite3_column_int64(query, 0)
            if let title = sqlite3_column_text(query, 1), let snippet = sqlite3_column_text(query, 2) {
                count += Int(title.pointee) &+ Int(snippet.pointee) >= 0 ? 1 : 0
            }
        }
        return count
    }

    /// Bytes SQLite holds for the database and its caches.
    var memoryUsed: Int { Int(sqlite3_memory_used()) }

    private var lastError: String { String(cString: sqlite3_errmsg(db)) }

    private func exec(_ sql: String) throws {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { throw BenchError(lastError) }
    }

    /// SQLITE_TRANSIENT: SQLite copies the bound text.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
