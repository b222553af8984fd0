import Introspect
import ModelDSL

/// Migrates a SQLite database. Runs happen with `PRAGMA foreign_keys = OFF` (set outside the
/// transaction, as SQLite requires, so that table rebuilds touch no other rows; rebuilds
/// check foreign keys with `PRAGMA foreign_key_check`), and every transaction starts with
/// `BEGIN IMMEDIATE`, SQLite's database lock.
///
/// SQLite's lock ends with each transaction, so a run also holds a file lock
/// (`<database>-autogen-lock`, see `FileLock`) from before it reads the version table until
/// it ends: with one transaction per revision, a second run cannot slip in between two of
/// them and apply a revision the first has planned.
final class SQLiteMigrationDriver: MigrationDriver {
    let connection: SQLiteConnection
    let path: String?
    private var lock: FileLock?
    var dialect: RuntimeDialect { SQLiteBackend.runtime }

    init(path: String?) throws(IntrospectError) {
        self.path = path
        connection = try SQLiteConnection(path: path)
    }

    /// The lock file of the database at `path`.
    static func lockPath(for path: String) -> String { path + "-autogen-lock" }

    func execute(_ sql: String) throws(IntrospectError) { try connection.execute(sql) }

    func query(_ sql: String, _ parameters: [String?]) throws(IntrospectError) -> [[String?]] {
        var rows: [[String?]] = []
        try connection.forEachRow(sql, parameters.map { $0.map(SQLiteValue.text) ?? .null }) {
            row throws(IntrospectError) in
            rows.append((0..<row.columnCount).map { row.string($0) })
        }
        return rows
    }

    func readSchema() throws(IntrospectError) -> Schema {
        try SQLiteCatalogReader(connection: connection).read()
    }

    func tableExists(_ name: String, schema: String?) throws(IntrospectError) -> Bool {
        let master = (schema.map { dialect.quote($0) + "." } ?? "") + "sqlite_master"
        return try !query("SELECT 1 FROM \(master) WHERE type = 'table' AND name = ?", [name]).isEmpty
    }

    /// Takes the run's file lock (an in-memory database has one connection and needs none),
    /// and lets `BEGIN IMMEDIATE` wait for another writer as long as the lock timeout.
    func acquireLock(key: Int64, options: MigrationOptions) async throws(MigrationError) {
        connection.setBusyTimeout(milliseconds: options.lockTimeout.map(MigrationContext.milliseconds) ?? 86_400_000)
        guard let path else { return }
        let lockPath = Self.lockPath(for: path)
        guard let lock = FileLock(path: lockPath) else {
            throw .database(.connectionFailed(url: connection.url, message: "cannot open the lock file \(lockPath)"))
        }
        try await LockWait.poll(url: connection.url, options: options) { () throws(MigrationError) -> Bool in
            do throws(FileLockError) { return try lock.tryLock() } catch {
                throw .database(.connectionFailed(url: connection.url, message: error.description))
            }
        }
        self.lock = lock
    }

    func releaseLock() {
        lock?.unlock()
        lock = nil
    }

    func startRun() throws(IntrospectError) { try dialect.runStart.map(connection.execute) }
    func endRun() { _ = try? dialect.runEnd.map(connection.execute) }

    func close() { releaseLock() }
}
