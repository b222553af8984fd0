import Introspect
import ModelDSL

/// SQLite's hazards: besides the common ones, every change its ALTER TABLE cannot make
/// rebuilds the table (a copy of every row, the database locked for writes meanwhile).
extension SQLiteDialect {
    public static func hazards(of op: MigrationOp) -> [HazardFinding] {
        var out = CommonHazards.findings(of: op)
        if let reason = rebuildReason(for: op), let table = op.table {
            out.append(HazardFinding(.rewritesTable, table, "rebuilding \(table) to \(reason) copies every row"))
        }
        return out
    }
}
