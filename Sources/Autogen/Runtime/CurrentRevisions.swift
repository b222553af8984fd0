import Introspect

/// The database's current revisions read straight from its version table, without the
/// compiled revisions: what the commands that do not build the migration environment need
/// (`history --indicate-current`, `edit current`).
///
/// ```sql
/// SELECT version_num FROM "autogen_version"
/// ```
public enum CurrentRevisions {
    /// The version table's rows at `url`; empty when the table does not exist yet or when a
    /// SQLite database file does not exist (no file is created). A failed connection throws
    /// `MigrationError.database`, whose message never shows the password.
    public static func read(url: DatabaseURL, options: MigrationOptions) throws(MigrationError) -> Set<String> {
        if DatabaseBackends.backend(for: url).isAbsent(url) { return [] }
        let driver = try MigrationRunner.openDriver(url, options: options)
        defer { driver.close() }
        let table = VersionTable(
            dialect: driver.dialect, name: options.versionTable, schema: options.versionTableSchema)
        do {
            guard try driver.tableExists(table.name, schema: table.schema) else { return [] }
            return Set(try driver.query(table.selectSQL, []).compactMap { $0.first ?? nil })
        } catch {
            throw .database(error)
        }
    }
}
