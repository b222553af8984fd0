/// Offline `stamp --sql`: the SQL that records targets in the version table, for a DBA to run.
extension MigrationRunner {
    /// Like Alembic without a start revision, assumes the database is at base: creates the
    /// version table when missing, with `purge` empties it, and inserts each target (a target
    /// that another target descends from is left out; `base` inserts nothing). No history row
    /// is written offline.
    ///
    /// ```sql
    /// CREATE TABLE IF NOT EXISTS "autogen_version" (...);
    /// BEGIN;
    /// INSERT INTO "autogen_version" (version_num) VALUES ('ab12');
    /// COMMIT;
    /// ```
    func offlineStampSQL(_ targets: [String], purge: Bool) throws(MigrationError) -> String {
        var resolved: Set<String> = []
        do {
            for target in targets { resolved.formUnion(try graph.resolve(target)) }
        } catch {
            throw .target("\(error)")
        }
        var lineage: [String: Set<String>] = [:]
        for target in resolved { lineage[target] = try ancestors(of: target) }
        let rows = resolved.filter { target in
            !resolved.contains { $0 != target && (lineage[$0]?.contains(target) ?? false) }
        }
        let context = MigrationContext(
            driver: nil, dialect: dialect, options: options, revisions: revisions, graph: graph)
        try context.emit(context.versionTable.createSQL, revision: nil)
        try context.begin()
        if purge { try context.emit(context.versionTable.deleteAllSQL, revision: nil) }
        for row in rows.sorted() { try context.emit(context.versionTable.sql(for: .insert(row)), revision: nil) }
        try context.commit()
        return context.output.joined(separator: "\n") + "\n"
    }
}
