import Introspect
import ModelDSL

/// Migrates a SQLite database. Runs happen with `PRAGMA foreign_keys = OFF` (set outside the
/// transaction, as SQLite requires, so that table rebuilds touch no other rows; rebuilds
/// check foreign keys with `PRAGMA foreign_key_check`), and every transaction starts with
/// `BEGIN IMMEDIATE`, SQLite's database lock.
final class SQLiteMigrationDriver: MigrationDriver {
    let connection: SQLiteConnection
    var dialect: RuntimeDialect { .sqlite }

    init(path: String?) throws(IntrospectError) {
        connection = try SQLiteConnection(path: path)
    }

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

    func acquireLock(key: Int64, options: MigrationOptions) async throws(MigrationError) {}
    func releaseLock() {}

    func startRun() throws(IntrospectError) { try dialect.runStart.map(connection.execute) }
    func endRun() { _ = try? dialect.runEnd.map(connection.execute) }

    func close() {}
}
