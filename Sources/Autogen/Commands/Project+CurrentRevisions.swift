import Introspect

extension Project {
    /// The revisions the config's database is at (its version table's rows), read without
    /// building the migration environment; empty for a database that has none yet. Uses
    /// autogen.ini's `url` (env.swift's `url` hook does not run here), `version_table` and
    /// `version_table_schema`.
    func currentRevisions() throws -> Set<String> {
        let url = try DatabaseURL(try config.requireURL())
        return try CurrentRevisions.read(url: url, options: MigrationOptions(config: config))
    }
}
