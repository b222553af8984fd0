import Introspect
import ModelDSL

/// PostgreSQL's hazards: besides the common ones, what rewrites a table (a type change that is
/// not binary compatible, a volatile default or a stored generated column on a new column,
/// SET LOGGED/UNLOGGED, an enum rebuilt under its columns) and what reads every row under a
/// lock that blocks writes (SET NOT NULL, a new check, foreign key, unique key, exclusion
/// constraint or index built without CONCURRENTLY).
extension PostgresDialect {
    public static func hazards(of op: MigrationOp) -> [HazardFinding] {
        var out = CommonHazards.findings(of: op)
        switch op {
        case .addColumn(let table, let column):
            if column.generated?.stored == true {
                out.append(
                    HazardFinding(
                        .rewritesTable, table,
                        "ADD COLUMN \(table).\(column.name) GENERATED ... STORED rewrites \(table)"))
            } else if column.identity != nil {
                out.append(
                    HazardFinding(
                        .rewritesTable, table,
                        "ADD COLUMN \(table).\(column.name) GENERATED AS IDENTITY rewrites \(table)"))
            } else if case .sql(let expression) = column.defaultValue, isVolatile(expression) {
                out.append(
                    HazardFinding(
                        .rewritesTable, table,
                        "ADD COLUMN \(table).\(column.name) DEFAULT \(expression) rewrites \(table)"))
            }
        case .alterColumn(let a):
            if let type = a.type, !isBinaryCompatible(from: type.from, to: type.to) {
                out.append(
                    HazardFinding(
                        .rewritesTable, a.table,
                        "ALTER COLUMN \(a.table).\(a.existing.name) TYPE \(typeSQL(type.to)) rewrites \(a.table)"))
                if !convertsByAssignment(from: type.from, to: type.to) {
                    out.append(
                        HazardFinding(
                            .failsOnRows, a.table,
                            "ALTER COLUMN \(a.table).\(a.existing.name) TYPE \(typeSQL(type.to)) fails on values of \(a.table) that do not convert"
                        ))
                }
                if let loss = typeChangeLoss(from: type.from, to: type.to) {
                    out.append(
                        HazardFinding(
                            .dropsData, a.table,
                            "ALTER COLUMN \(a.table).\(a.existing.name) TYPE \(typeSQL(type.to)) \(loss)"))
                }
            }
            if a.nullable?.to == false {
                out.append(
                    HazardFinding(
                        .scanUnderLock, a.table,
                        "SET NOT NULL on \(a.table).\(a.existing.name) reads all of \(a.table) under an ACCESS EXCLUSIVE lock"
                    ))
            }
        case .createIndex(let table, let index, let concurrently) where !concurrently:
            out.append(
                HazardFinding(
                    .scanUnderLock, table,
                    "CREATE INDEX \(index.name ?? "") reads all of \(table) and blocks its writes until built (concurrently: true does not)"
                ))
        case .addUnique(let table, _), .addPrimaryKey(let table, _), .addExclusion(let table, _):
            out.append(
                HazardFinding(
                    .scanUnderLock, table, "a new key builds its index on \(table) under an ACCESS EXCLUSIVE lock"))
        case .addCheck(let table, let check) where !check.notValid:
            out.append(
                HazardFinding(
                    .scanUnderLock, table,
                    "CHECK \(check.name ?? "") reads all of \(table) under an ACCESS EXCLUSIVE lock (NOT VALID, then VALIDATE, does not)"
                ))
        case .addForeignKey(let table, let key) where !key.notValid:
            out.append(
                HazardFinding(
                    .scanUnderLock, table,
                    "FOREIGN KEY \(key.name ?? "") reads all of \(table) and blocks writes to it and \(key.referredTable) (NOT VALID, then VALIDATE, does not)"
                ))
        case .setTableUnlogged(let table, let change):
            out.append(
                HazardFinding(.rewritesTable, table, "SET \(change.to ? "UNLOGGED" : "LOGGED") rewrites \(table)"))
        case .alterEnum(let type, let values, let usedBy) where !Set(values.from).subtracting(values.to).isEmpty:
            for use in usedBy {
                out.append(
                    HazardFinding(.rewritesTable, use.table, "recreating enum \(type.name) rewrites \(use.table)"))
            }
        default:
            break
        }
        return out
    }

    /// Whether `ALTER COLUMN ... TYPE` keeps the stored bytes (no rewrite): the same type, a
    /// longer or unlimited `varchar`, `varchar` to `text`, a wider `numeric` of the same scale.
    static func isBinaryCompatible(from: ColumnType, to: ColumnType) -> Bool {
        if typesMatch(model: to, database: from) { return true }
        switch (from, to) {
        case (.varchar(let a), .varchar(let b)): return b == nil || (a != nil && b! >= a!)
        case (.varchar, .text), (.text, .varchar(nil)): return true
        case (.numeric(let p1, let s1), .numeric(let p2, let s2)):
            return p2 == nil || (p1 != nil && s1 == s2 && p2! >= p1!)
        default: return false
        }
    }

    /// Whether a default expression is volatile, so that adding a column with it fills every
    /// row (PostgreSQL 11 and later add a column with a stable default without a rewrite).
    static func isVolatile(_ expression: String) -> Bool {
        let lowered = expression.lowercased()
        return ["random(", "clock_timestamp(", "gen_random_uuid(", "uuid_generate_", "nextval(", "timeofday("]
            .contains { lowered.contains($0) }
    }
}
