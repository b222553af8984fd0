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

    public init(_ sql: String, transactional: Bool = true, expectsNoRows: Bool = false) {
        self.sql = sql
        self.transactional = transactional
        self.expectsNoRows = expectsNoRows
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
