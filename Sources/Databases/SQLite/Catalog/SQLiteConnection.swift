import CAutogenSQLite

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A connection to one SQLite database file (or an in-memory database): a thin, safe
/// wrapper over sqlite3 that binds parameters (never splices them into SQL) and reports every
/// failure as `IntrospectError.sql` with the extended result code and the statement.
///
/// Opening sets a 5 s busy timeout and `PRAGMA foreign_keys = ON`. Not thread-safe: use one
/// connection from one task at a time.
public final class SQLiteConnection {
    private let handle: OpaquePointer
    /// The database's URL, for messages: `sqlite:///app.db`, or `sqlite://` in memory.
    public let url: String
    /// How many statements `query`, `forEachRow` and `execute` have run on this connection.
    public private(set) var queryCount = 0

    /// Opens the database at `path` (`nil` for a private in-memory database). With
    /// `create: false` a missing file is an error instead of a new empty database.
    public init(path: String?, create: Bool = true) throws(IntrospectError) {
        url = DatabaseURL.sqlite(path: path).description
        var flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX
        if create || path == nil { flags |= SQLITE_OPEN_CREATE }
        var db: OpaquePointer?
        let status = sqlite3_open_v2(path ?? ":memory:", &db, flags, nil)
        guard status == SQLITE_OK, let db else {
            var message = db.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "out of memory"
            if !create, let path, status & 0xFF == SQLITE_CANTOPEN, access(path, F_OK) != 0 {
                message = "no such database file"
            }
            sqlite3_close_v2(db)
            throw .connectionFailed(url: url, message: message)
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, 5000)
        let pragma = "PRAGMA foreign_keys = ON"
        let result = sqlite3_exec(db, pragma, nil, nil, nil)
        guard result == SQLITE_OK else {
            let error = IntrospectError.sql(
                code: SQLiteResultCode.describe(result), message: Self.message(db), statement: pragma)
            sqlite3_close_v2(db)
            throw error
        }
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// How long a statement waits for another connection's lock before SQLITE_BUSY.
    public func setBusyTimeout(milliseconds: Double) {
        let bounded = min(max(milliseconds.rounded(.up), 0), Double(Int32.max))
        sqlite3_busy_timeout(handle, Int32(bounded))
    }

    /// Runs one statement with `parameters` bound to its `?` placeholders, in order, and
    /// returns every row.
    public func query(_ sql: String, _ parameters: [SQLiteValue] = []) throws(IntrospectError) -> [[SQLiteValue]] {
        var rows: [[SQLiteValue]] = []
        try forEachRow(sql, parameters) { row throws(IntrospectError) in
            rows.append((0..<row.columnCount).map(row.value))
        }
        return rows
    }

    /// Runs one statement with `parameters` bound and calls `body` for each row, reading the
    /// row in place; an error thrown by `body` stops the statement and is rethrown.
    public func forEachRow(
        _ sql: String, _ parameters: [SQLiteValue] = [], _ body: (SQLiteRow) throws(IntrospectError) -> Void
    ) throws(IntrospectError) {
        queryCount += 1
        let statement = try prepare(sql)
        defer { sqlite3_finalize(statement) }
        try bind(parameters, to: statement, sql: sql)
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { return }
            guard status == SQLITE_ROW else { throw failure(sql) }
            try body(SQLiteRow(statement: statement))
        }
    }

    /// Runs a script of one or more statements separated by `;` (DDL, `BEGIN ... COMMIT`);
    /// nothing can be bound, and rows are discarded.
    public func execute(_ script: String) throws(IntrospectError) {
        queryCount += 1
        var errorMessage: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, script, nil, nil, &errorMessage)
        defer { sqlite3_free(errorMessage) }
        guard status == SQLITE_OK else {
            let message = errorMessage.map { String(cString: $0) } ?? Self.message(handle)
            throw .sql(
                code: SQLiteResultCode.describe(sqlite3_extended_errcode(handle)), message: message, statement: script)
        }
    }

    /// The rowid of the last row inserted on this connection.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Compiles `sql`, which must hold exactly one statement (trailing comments and `;` are fine).
    private func prepare(_ sql: String) throws(IntrospectError) -> OpaquePointer {
        // The tail pointer points into the C string, so both calls run inside one withCString.
        let (status, compiled, hasMore): (Int32, OpaquePointer?, Bool) = sql.withCString { text in
            var statement: OpaquePointer?
            var tail: UnsafePointer<CChar>?
            let status = sqlite3_prepare_v2(handle, text, -1, &statement, &tail)
            guard status == SQLITE_OK, statement != nil, let tail, tail.pointee != 0 else {
                return (status, statement, false)
            }
            var rest: OpaquePointer?
            let restStatus = sqlite3_prepare_v2(handle, tail, -1, &rest, nil)
            sqlite3_finalize(rest)
            return (status, statement, restStatus != SQLITE_OK || rest != nil)
        }
        guard status == SQLITE_OK else { throw failure(sql) }
        guard let compiled else {
            throw .sql(code: SQLiteResultCode.describe(SQLITE_MISUSE), message: "no statement to run", statement: sql)
        }
        if hasMore {
            sqlite3_finalize(compiled)
            throw .sql(
                code: SQLiteResultCode.describe(SQLITE_MISUSE),
                message: "query runs one statement; use execute for a script", statement: sql)
        }
        return compiled
    }

    /// Binds `parameters` to the statement's placeholders, checking that the counts agree.
    private func bind(_ parameters: [SQLiteValue], to statement: OpaquePointer, sql: String) throws(IntrospectError) {
        let expected = Int(sqlite3_bind_parameter_count(statement))
        guard expected == parameters.count else {
            throw .sql(
                code: SQLiteResultCode.describe(SQLITE_RANGE),
                message: "the statement has \(expected) parameter(s) but \(parameters.count) were given", statement: sql
            )
        }
        for (offset, value) in parameters.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case .null: status = sqlite3_bind_null(statement, index)
            case .integer(let number): status = sqlite3_bind_int64(statement, index, number)
            case .real(let number): status = sqlite3_bind_double(statement, index, number)
            case .text(let text):
                var text = text
                status = text.withUTF8 { buffer in
                    guard let base = buffer.baseAddress else {
                        return "".withCString { autogen_sqlite3_bind_text_transient(statement, index, $0, 0) }
                    }
                    let chars = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
                    return autogen_sqlite3_bind_text_transient(statement, index, chars, Int32(buffer.count))
                }
            case .blob(let bytes):
                status = bytes.withUnsafeBytes { buffer in
                    guard let base = buffer.baseAddress, !buffer.isEmpty else {
                        return sqlite3_bind_zeroblob(statement, index, 0)
                    }
                    return autogen_sqlite3_bind_blob_transient(statement, index, base, Int32(buffer.count))
                }
            }
            guard status == SQLITE_OK else { throw failure(sql) }
        }
    }

    /// The connection's current error, for `sql`.
    private func failure(_ sql: String) -> IntrospectError {
        .sql(
            code: SQLiteResultCode.describe(sqlite3_extended_errcode(handle)), message: Self.message(handle),
            statement: sql)
    }

    private static func message(_ db: OpaquePointer) -> String {
        sqlite3_errmsg(db).map { String(cString: $0) } ?? "unknown error"
    }
}
