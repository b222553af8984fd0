/// `current`: what the version table says, and with `verbose` what has been applied.
extension MigrationRunner {
    /// The version table's rows (none when it does not exist yet); `verbose` adds the
    /// history table's rows and the applied revisions whose files changed since they ran.
    ///
    /// ```sql
    /// SELECT version_num FROM "autogen_version"
    /// SELECT revision, direction, applied_at, duration_ms, checksum FROM "autogen_history"
    /// ```
    public func current(verbose: Bool = false) throws(MigrationError) -> CurrentStatus {
        let driver = try openDriver()
        defer { driver.close() }
        let context = MigrationContext(
            driver: driver, dialect: dialect, options: options, revisions: revisions, graph: graph)
        guard try Self.exists(options.versionTable, schema: options.versionTableSchema, driver) else {
            return CurrentStatus(heads: [])
        }
        let heads = try context.readHeads()
        guard verbose, try Self.exists(options.historyTable, schema: options.versionTableSchema, driver) else {
            return CurrentStatus(heads: heads.sorted())
        }
        let history = try context.rows(context.historyTable.selectSQL, revision: nil).map { row in
            HistoryEntry(
                revision: row[0] ?? "", direction: row[1] ?? "", appliedAt: row[2] ?? "",
                durationMilliseconds: Double(row[3] ?? "") ?? 0, checksum: row[4] ?? nil)
        }.enumerated().sorted { ($0.element.appliedAt, $0.offset) < ($1.element.appliedAt, $1.offset) }.map(\.element)
        var applied: Set<String> = []
        for head in heads { applied.formUnion(try ancestors(of: head)) }
        var recorded: [String: String] = [:]
        for entry in history where entry.direction != "downgrade" {
            if let checksum = entry.checksum { recorded[entry.revision] = checksum }
        }
        let edited = applied.sorted().compactMap { id -> EditedRevision? in
            guard let before = recorded[id], let path = graph.node(id)?.path, let now = FileChecksum.of(path: path),
                now != before
            else { return nil }
            return EditedRevision(revision: id, path: path, appliedChecksum: before, currentChecksum: now)
        }
        return CurrentStatus(heads: heads.sorted(), history: history, edited: edited)
    }

    private static func exists(_ name: String, schema: String?, _ driver: any MigrationDriver) throws(MigrationError)
        -> Bool
    {
        do { return try driver.tableExists(name, schema: schema) } catch { throw .database(error) }
    }
}
