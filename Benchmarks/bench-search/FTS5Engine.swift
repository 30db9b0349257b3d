import CSQLite
import TextSearch

/// SQLite FTS5 at its strongest for this workload, as the reference engine.
///
/// An in-memory database with one FTS5 table whose columns are our schema's fields in the
/// schema's order, ranked by `bm25()` with exactly our field weights in that order; prefix
/// indexes for 1-, 2- and 3-character prefixes; the table merged into one b-tree (`optimize`)
/// after loading; one statement prepared once and reused. Every query is answered with
/// `ORDER BY rank LIMIT k` plus `highlight()` of the title and `snippet()` of the snippet field,
/// so both engines do the same work per query. Any SQLite error is thrown, never counted as a
/// fast query.
final class FTS5Engine {
    private var db: OpaquePointer?
    private var query: OpaquePointer?
    let columns: [String]
    let weights: [Double]
    let limit: Int
    /// Every statement run to set the engine up, in order, for the report.
    private(set) var setup: [String] = []
    /// The query statement, prepared once.
    let querySQL: String

    static let pragmas = ["PRAGMA journal_mode = OFF", "PRAGMA synchronous = OFF", "PRAGMA temp_store = MEMORY",
                          "PRAGMA cache_size = -1048576"]

    init(schema: IndexSchema, limit: Int) throws {
        let columns = schema.fields.map(\.name)
        self.columns = columns
        weights = schema.fields.map(\.weight)
        self.limit = limit
        let snippetColumn = schema.snippetField.flatMap { columns.firstIndex(of: $0) } ?? columns.count - 1
        let titleColumn = columns.firstIndex(of: "title") ?? 0
        querySQL = """
            SELECT rowid, highlight(docs, \(titleColumn), '[', ']'), snippet(docs, \(snippetColumn), '[', ']', '…', 24) \
            FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT \(limit)
            """
        guard sqlite3_open(":memory:", &db) == SQLITE_OK else { throw BenchError("cannot open an SQLite database") }
        for pragma in FTS5Engine.pragmas { try exec(pragma) }
        try exec("CREATE VIRTUAL TABLE docs USING fts5(\(columns.joined(separator: ", ")), "
            + "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')")
        let bm25 = "bm25(" + weights.map { String($0) }.joined(separator: ", ") + ")"
        try exec("INSERT INTO docs(docs, rank) VALUES('rank', '\(bm25)')")
        guard sqlite3_prepare_v3(db, querySQL, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &query, nil) == SQLITE_OK else {
            throw BenchError("cannot prepare the FTS5 query: \(lastError)")
        }
    }

    deinit {
        sqlite3_finalize(query)
        sqlite3_close(db)
    }

    /// The SQLite library's version, as `sqlite3_libversion()` gives it.
    static var sqliteVersion: String { String(cString: sqlite3_libversion()) }

    /// Inserts every document (its fields in `columns` order) in one transaction, then merges
    /// the index into one b-tree, as a read-mostly index would be kept.
    func insert(_ documents: [Document]) throws {
        try exec("BEGIN")
        var statement: OpaquePointer?
        let placeholders = columns.map { _ in "?" }.joined(separator: ", ")
        guard sqlite3_prepare_v2(db, "INSERT INTO docs VALUES (\(placeholders))", -1, &statement, nil) == SQLITE_OK else {
            throw BenchError("cannot prepare the insert: \(lastError)")
        }
        defer { sqlite3_finalize(statement) }
        for document in documents {
            for (i, column) in columns.enumerated() {
                sqlite3_bind_text(statement, Int32(i + 1), document.fields[column] ?? "", -1, FTS5Engine.transient)
            }
            guard sqlite3_step(statement) == SQLITE_DONE else { throw BenchError("insert failed: \(lastError)") }
            sqlite3_reset(statement)
        }
        try exec("COMMIT")
        try exec("INSERT INTO docs(docs) VALUES('optimize')")
    }

    /// Runs one MATCH query, reads every returned row (rowid, highlighted title, snippet) and
    /// returns how many rows came back. Throws on any SQLite error, a rejected MATCH included.
    func search(_ match: String) throws -> Int {
        sqlite3_reset(query)
        sqlite3_bind_text(query, 1, match, -1, FTS5Engine.transient)
        var count = 0
        while true {
            let status = sqlite3_step(query)
            if status == SQLITE_DONE { break }
            guard status == SQLITE_ROW else {
                let message = lastError
                sqlite3_reset(query)
                throw BenchError("FTS5 MATCH '\(match)' failed: \(message)")
            }
            _ = sqlite3_column_int64(query, 0)
            guard sqlite3_column_text(query, 1) != nil, sqlite3_column_text(query, 2) != nil else {
                throw BenchError("FTS5 MATCH '\(match)': a row without its highlight or snippet")
            }
            count += 1
        }
        return count
    }

    /// How many rows the table holds.
    var documentCount: Int {
        get throws {
            var statement: OpaquePointer?
            guard sqlite3_prepare_v2(db, "SELECT count(*) FROM docs", -1, &statement, nil) == SQLITE_OK else {
                throw BenchError("cannot count the rows: \(lastError)")
            }
            defer { sqlite3_finalize(statement) }
            guard sqlite3_step(statement) == SQLITE_ROW else { throw BenchError("cannot count the rows: \(lastError)") }
            return Int(sqlite3_column_int64(statement, 0))
        }
    }

    /// The engine's configuration, one statement a line, as the report prints it.
    var configuration: [String] {
        ["SQLite \(FTS5Engine.sqliteVersion), in-memory database"] + setup
            + ["INSERT INTO docs(docs) VALUES('optimize')   -- after loading, part of the build time",
               querySQL + "   -- prepared once (SQLITE_PREPARE_PERSISTENT), reused"]
    }

    private var lastError: String { String(cString: sqlite3_errmsg(db)) }

    private func exec(_ sql: String) throws {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { throw BenchError("\(sql): \(lastError)") }
        if !["BEGIN", "COMMIT"].contains(sql) && !sql.contains("'optimize'") { setup.append(sql) }
    }

    /// SQLITE_TRANSIENT: SQLite copies the bound text.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

/// A failure that ends the benchmark with a non-zero exit.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
