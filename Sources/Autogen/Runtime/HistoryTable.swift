/// The applied-history table's SQL: one row per revision run or stamped.
///
/// ```sql
/// CREATE TABLE IF NOT EXISTS "autogen_history" (
///     revision VARCHAR(32) NOT NULL,
///     direction VARCHAR(9) NOT NULL,      -- upgrade | downgrade | stamp
///     applied_at VARCHAR(32) NOT NULL,    -- 2026-11-26T20:40:00.123Z (UTC)
///     duration_ms DOUBLE PRECISION NOT NULL,
///     checksum VARCHAR(16)                -- FNV-1a 64 of the revision file, hex
/// )
/// INSERT INTO "autogen_history" (revision, direction, applied_at, duration_ms, checksum)
///     VALUES ('ab12', 'upgrade', '2026-11-26T20:40:00.123Z', 1.25, '8c3f...')
/// SELECT revision, direction, applied_at, duration_ms, checksum FROM "autogen_history" ORDER BY applied_at, revision
/// ```
struct HistoryTable: Sendable {
    let dialect: RuntimeDialect
    let name: String
    let schema: String?

    var qualifiedName: String { dialect.qualified(name, schema: schema) }

    var createSQL: String {
        "CREATE TABLE IF NOT EXISTS \(qualifiedName) (\n    revision VARCHAR(32) NOT NULL,\n    direction VARCHAR(9) NOT NULL,\n"
            + "    applied_at VARCHAR(32) NOT NULL,\n    duration_ms DOUBLE PRECISION NOT NULL,\n    checksum VARCHAR(16)\n)"
    }

    var selectSQL: String {
        "SELECT revision, direction, applied_at, duration_ms, checksum FROM \(qualifiedName)"
    }

    func insertSQL(_ entry: HistoryEntry) -> String {
        let checksum = entry.checksum.map(dialect.literal) ?? "NULL"
        return "INSERT INTO \(qualifiedName) (revision, direction, applied_at, duration_ms, checksum) VALUES ("
            + "\(dialect.literal(entry.revision)), \(dialect.literal(entry.direction)), \(dialect.literal(entry.appliedAt)), "
            + "\(entry.durationMilliseconds), \(checksum))"
    }
}
