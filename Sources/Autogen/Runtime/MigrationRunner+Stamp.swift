/// `stamp`: moves the version table to targets without running any revision.
extension MigrationRunner {
    /// Sets the version table so that `targets` are applied: each target replaces the rows
    /// of its own lineage (its ancestors and descendants), rows of unrelated branches stay;
    /// `purge` first empties the table; `base` alone empties it. Records a `stamp` history row
    /// per target.
    ///
    /// ```sql
    /// DELETE FROM "autogen_version";
    /// INSERT INTO "autogen_version" (version_num) VALUES ('ab12');
    /// ```
    public func stamp(_ targets: [String], purge: Bool = false) async throws(MigrationError) {
        _ = try await withLockedTransaction { context throws(MigrationError) in
            let before = try context.readHeads()
            let stamped = try stampedRows(targets, over: purge ? [] : before)
            // Said as a revision run is ("Running stamp a -> b"), Alembic's stamp_revision line.
            func names(_ ids: Set<String>) -> String { ids.isEmpty ? "base" : ids.sorted().joined(separator: ", ") }
            options.log("Running stamp \(names(before)) -> \(names(stamped.rows))")
            try context.emit(context.versionTable.deleteAllSQL, revision: nil)
            for row in stamped.rows.sorted() {
                try context.emit(context.versionTable.sql(for: .insert(row)), revision: nil)
            }
            for target in stamped.targets.sorted() {
                let entry = HistoryEntry(
                    revision: target, direction: "stamp", appliedAt: HistoryEntry.timestamp(), durationMilliseconds: 0,
                    checksum: FileChecksum.of(path: graph.node(target)?.path ?? ""))
                try context.emit(context.historyTable.insertSQL(entry), revision: nil)
            }
        }
    }

    /// What the version table holds after stamping `targets` over the rows `current` (shared
    /// by the online stamp and the offline one, which is told where the database starts):
    /// each resolved target replaces the rows of its lineage, rows of unrelated branches stay,
    /// a target that another target descends from is left out, and `base` alone empties it.
    /// `targets` are resolved relative to `current` (`+1`, `-1`).
    func stampedRows(_ targets: [String], over current: Set<String>) throws(MigrationError)
        -> (targets: Set<String>, rows: Set<String>)
    {
        var resolved: Set<String> = []
        do {
            for target in targets { resolved.formUnion(try graph.resolve(target, current: current)) }
        } catch {
            throw .target("\(error)")
        }
        guard !resolved.isEmpty else { return ([], []) }
        var lineage: [String: Set<String>] = [:]
        for target in resolved { lineage[target] = try ancestors(of: target) }
        var rowAncestry: [String: Set<String>] = [:]
        for row in current { rowAncestry[row] = try ancestors(of: row) }
        var rows = current.filter { row in
            resolved.allSatisfy { target in
                !(lineage[target]?.contains(row) ?? false) && !(rowAncestry[row]?.contains(target) ?? false)
            }
        }
        for target in resolved
        where !resolved.contains(where: { $0 != target && (lineage[$0]?.contains(target) ?? false) }) {
            rows.insert(target)
        }
        return (resolved, rows)
    }

    /// The revision and everything it needs (down revisions and dependencies, recursively).
    func ancestors(of id: String) throws(MigrationError) -> Set<String> {
        do { return Set(try graph.upgradePath(from: [], toRevisions: [id]).map(\.revision)) } catch {
            throw .target("\(error)")
        }
    }
}
