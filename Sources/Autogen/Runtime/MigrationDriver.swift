import Introspect
import ModelDSL

/// A connection the runtime migrates through: statements, rows, transactions, the catalog
/// and the migration lock, the same for PostgreSQL and SQLite. Not thread-safe: one run
/// uses one driver.
protocol MigrationDriver: AnyObject {
    var dialect: RuntimeDialect { get }
    /// Runs statements that return no rows.
    func execute(_ sql: String) throws(IntrospectError)
    /// Runs one statement with bound text parameters and returns its rows as text.
    func query(_ sql: String, _ parameters: [String?]) throws(IntrospectError) -> [[String?]]
    /// Reads the schema from the catalog.
    func readSchema() throws(IntrospectError) -> Schema
    /// Whether `name` exists as a table.
    func tableExists(_ name: String, schema: String?) throws(IntrospectError) -> Bool
    /// Takes the lock that keeps two runs apart (PostgreSQL: an advisory lock on its own
    /// connection; SQLite: nothing, `BEGIN IMMEDIATE` locks), logging once while it waits.
    func acquireLock(key: Int64, options: MigrationOptions) async throws(MigrationError)
    func releaseLock()
    /// Before the first transaction of a run (SQLite: `PRAGMA foreign_keys = OFF`).
    func startRun() throws(IntrospectError)
    /// After the last one (SQLite: `PRAGMA foreign_keys = ON`).
    func endRun()
    func close()
}

extension MigrationDriver {
    func rollback() { try? execute("ROLLBACK") }
}
