import ModelDSL

/// Offline (`--sql`) runs: nothing connects; the SQL is returned for a DBA to run.
extension MigrationRunner {
    /// The SQL that upgrades a database from `range.lower` (base when empty; the version
    /// table's `CREATE TABLE` is printed then) to `range.upper` (heads when empty):
    ///
    /// ```sql
    /// CREATE TABLE IF NOT EXISTS "autogen_version" (...);
    /// BEGIN;
    /// -- Running upgrade  -> ab12, add account
    /// CREATE TABLE "account" (...);
    /// INSERT INTO "autogen_version" (version_num) VALUES ('ab12');
    /// COMMIT;
    /// ```
    ///
    /// For a start revision, the schema is built by replaying the upgrade bodies of every
    /// revision it needs, without printing them (SQLite's table rebuilds need the whole table).
    /// The history table is not written offline (there are no durations to record).
    public func offlineSQL(upgrade range: RevisionRange) async throws(MigrationError) -> String {
        let steps: [RevisionStep]
        do { steps = try graph.upgradePath(range: range) } catch { throw .target("\(error)") }
        return try await offlineSQL(steps, from: range.lower)
    }

    /// The SQL that downgrades from `range.lower` (required) to `range.upper` (base when empty).
    public func offlineSQL(downgrade range: RevisionRange) async throws(MigrationError) -> String {
        let steps: [RevisionStep]
        do { steps = try graph.downgradePath(range: range) } catch { throw .target("\(error)") }
        return try await offlineSQL(steps, from: range.lower)
    }

    private func offlineSQL(_ steps: [RevisionStep], from lower: String?) async throws(MigrationError) -> String {
        let start: [String]
        do { start = try lower.map { try graph.resolve($0) } ?? [] } catch { throw .target("\(error)") }
        let replay: [RevisionStep]
        do { replay = try graph.upgradePath(from: [], toRevisions: Set(start)) } catch { throw .target("\(error)") }
        // Replay below the start, printing nothing, to know the schema.
        let builder = MigrationContext(
            driver: nil, dialect: dialect, options: options, revisions: revisions, graph: graph)
        builder.state = Schema(tables: [])
        builder.skipsBoundSQL = true
        for step in replay {
            let recorded = try await builder.record(step)
            try builder.apply(recorded, revision: step.revision)
        }
        let context = MigrationContext(
            driver: nil, dialect: dialect, options: options, revisions: revisions, graph: graph, state: builder.state)
        if start.isEmpty { try context.emit(context.versionTable.createSQL, revision: nil) }
        if let sql = dialect.runStart { try context.emit(sql, revision: nil) }
        try context.begin()
        try await context.run(steps)
        try context.commit()
        if let sql = dialect.runEnd { try context.emit(sql, revision: nil) }
        return context.output.joined(separator: "\n") + "\n"
    }
}
