/// Offline `stamp --sql`: the SQL that records targets in the version table, for a DBA to run.
extension MigrationRunner {
    /// The SQL that moves the version table to `arguments`' targets. As in Alembic, an
    /// argument may carry a start, `start:target` (all arguments share one start): the SQL then
    /// changes the rows `start` leaves in the table the way the online stamp would from there,
    /// moving rows with `UPDATE` where the new revision is on the old one's lineage, else
    /// `DELETE` and `INSERT`. Without a start the database is at base: the version table is
    /// created when missing, `purge` empties it, and each target is inserted (`purge` with a
    /// start is an error). No history row is written offline.
    ///
    /// ```sql
    /// CREATE TABLE IF NOT EXISTS "autogen_version" (...);   -- start at base only
    /// BEGIN;
    /// UPDATE "autogen_version" SET version_num = 'cd34' WHERE version_num = 'ab12';
    /// COMMIT;
    /// ```
    func offlineStampSQL(_ arguments: [String], purge: Bool) throws(MigrationError) -> String {
        let (start, targets) = try Self.offlineStampStart(arguments)
        if purge, let start {
            throw .target(
                "--purge can't be used with a start revision ('\(start):...'): the start says what the table holds")
        }
        let current: Set<String>
        do { current = Set(try start.map { try graph.resolve($0) } ?? []) } catch { throw .target("\(error)") }
        let rows = try stampedRows(targets, over: current).rows
        let context = MigrationContext(
            driver: nil, dialect: dialect, options: options, revisions: revisions, graph: graph)
        if current.isEmpty { try context.emit(context.versionTable.createSQL, revision: nil) }
        try context.begin()
        if purge { try context.emit(context.versionTable.deleteAllSQL, revision: nil) }
        for change in try versionChanges(from: current, to: rows) {
            try context.emit(context.versionTable.sql(for: change), revision: nil)
        }
        try context.commit()
        return context.output.joined(separator: "\n") + "\n"
    }

    /// The one start of `arguments` (nil: base) and their targets; `start:` alone means heads.
    static func offlineStampStart(_ arguments: [String]) throws(MigrationError) -> (String?, [String]) {
        var start: String?
        var targets: [String] = []
        for argument in arguments {
            guard argument.contains(":") else {
                targets.append(argument)
                continue
            }
            let range: RevisionRange
            do { range = try RevisionRange(parsing: argument) } catch { throw .target("\(error)") }
            let lower = range.lower ?? "base"
            if let start, start != lower {
                throw .target(
                    "stamp --sql takes one start revision, but '\(start)' and '\(lower)' differ; stamp them one at a time"
                )
            }
            start = lower
            targets.append(range.upper ?? "heads")
        }
        return (start, targets)
    }

    /// The changes that turn the rows `old` into `new`: each row that goes away moves to a new
    /// row on its lineage (`UPDATE`), the rest are `DELETE`s, then `INSERT`s.
    func versionChanges(from old: Set<String>, to new: Set<String>) throws(MigrationError) -> [VersionChange] {
        var added = new.subtracting(old).sorted()
        var updates: [VersionChange] = []
        var deletes: [VersionChange] = []
        for row in old.subtracting(new).sorted() {
            let below = try ancestors(of: row)
            var match: Int?
            for (index, candidate) in added.enumerated() {
                if below.contains(candidate) {
                    match = index
                } else if try ancestors(of: candidate).contains(row) {
                    match = index
                }
                if match != nil { break }
            }
            if let match {
                updates.append(.update(from: row, to: added.remove(at: match)))
            } else {
                deletes.append(.delete(row))
            }
        }
        return updates + deletes + added.map { .insert($0) }
    }
}
