import ModelDSL

/// One SQL statement a migration runs, and whether it may run inside a transaction
/// (`CREATE INDEX CONCURRENTLY` may not).
public struct SQLStatement: Sendable, Hashable, CustomStringConvertible {
    public var sql: String
    public var transactional: Bool
    /// A check that passes when the statement returns no rows (SQLite's
    /// `PRAGMA foreign_key_check` after a table rebuild); the runtime fails the migration
    /// with the rows it got otherwise.
    public var expectsNoRows: Bool
    /// What an earlier, interrupted attempt at this statement may have left behind and how to
    /// clear it first (an INVALID index after a failed `CREATE INDEX CONCURRENTLY`).
    public var leftover: Leftover?

    /// A query that returns a row when the leftover is there, and the statement that removes it.
    public struct Leftover: Sendable, Hashable {
        public var query: String
        public var parameters: [String?]
        public var cleanup: String
        /// For the log line: `index "ix_account_email" is INVALID, left by an interrupted build`.
        public var what: String

        public init(query: String, parameters: [String?], cleanup: String, what: String) {
            self.query = query
            self.parameters = parameters
            self.cleanup = cleanup
            self.what = what
        }
    }

    public init(_ sql: String, transactional: Bool = true, expectsNoRows: Bool = false, leftover: Leftover? = nil) {
        self.sql = sql
        self.transactional = transactional
        self.expectsNoRows = expectsNoRows
        self.leftover = leftover
    }

    public var description: String { sql }
}

/// An op the dialect cannot turn into SQL with what it knows.
public struct SQLRenderError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Turns ops into SQL for one dialect.
public protocol SQLCompiling: SchemaDialect {
    /// The statements that perform `ops` on a database whose schema is `current` before them.
    /// `current` lets a dialect know whole tables (SQLite rebuilds them) and enum users.
    static func statements(for ops: [MigrationOp], current: Schema) throws(SQLRenderError) -> [SQLStatement]
}
