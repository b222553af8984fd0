import Introspect
import ModelDSL

/// PostgreSQL's online plan: an index on a table that already exists is built and dropped
/// `CONCURRENTLY` (its own step outside the transaction: writes go on while it builds), where
/// a plain `CREATE INDEX` would block every write to the table until it is built. Not on a
/// partitioned table, which PostgreSQL cannot index concurrently.
extension PostgresDialect {
    public static func onlinePlan(
        _ ops: [MigrationOp], model: Schema, eligible: (TableRef) -> Bool = { _ in true }
    ) -> [MigrationOp] {
        // Tables made or dropped in the same run, and partitioned ones, keep the plain forms.
        let partitioned = Set(model.tables.filter { $0.partitionKey != nil }.map(TableRef.init))
        var created = partitioned
        var dropped = partitioned
        // Tables below the size threshold keep the plain forms too.
        for op in ops { if let table = op.table, !eligible(table) { created.insert(table); dropped.insert(table) } }
        for op in ops {
            if case .createTable(let table) = op { created.insert(TableRef(table)) }
            if case .dropTable(let table) = op { dropped.insert(TableRef(table)) }
        }
        // Checks and foreign keys on existing tables are added NOT VALID (a short lock, no
        // scan) and validated at the end, each in a step of its own after the rest committed
        // (the scan then blocks no writes).
        var validations: [MigrationOp] = []
        var finishing: [MigrationOp] = []
        let planned = ops.map { op -> MigrationOp in
            switch op {
            case .createIndex(let table, let index, false) where !created.contains(table):
                return .createIndex(table, index, concurrently: true)
            case .dropIndex(let table, let index, false) where !dropped.contains(table) && index.name != nil:
                return .dropIndex(table, index, concurrently: true)
            case .addCheck(let table, let check) where !check.notValid && check.name != nil && !created.contains(table):
                validations.append(
                    .setConstraintValidated(
                        table, .check(check.notValid()), Change(from: false, to: true), separately: true))
                return .addCheck(table, check.notValid())
            case .addForeignKey(let table, let key)
            where !key.notValid && key.name != nil && !created.contains(table)
                && !created.contains(TableRef(key.referredTable, schema: key.referredSchema)):
                validations.append(
                    .setConstraintValidated(
                        table, .foreignKey(key.notValid()), Change(from: false, to: true), separately: true))
                return .addForeignKey(table, key.notValid())
            case .alterColumn(var a) where a.nullable?.to == false && a.name == nil && !created.contains(a.table):
                // SET NOT NULL reads every row under ACCESS EXCLUSIVE, unless a validated
                // `IS NOT NULL` check proves it: added NOT VALID here, validated apart, then
                // SET NOT NULL (no scan) and the check dropped, after the validations.
                let check = Check(
                    notNullCheckName(a.table, a.existing.name), quoteIdentifier(a.existing.name) + " IS NOT NULL")
                validations.append(
                    .setConstraintValidated(
                        a.table, .check(check.notValid()), Change(from: false, to: true), separately: true))
                var setNotNull = ColumnAlteration(table: a.table, existing: a.existing, nullable: a.nullable)
                if let type = a.type { setNotNull.existing.type = type.to }
                finishing += [.alterColumn(setNotNull), .dropCheck(a.table, check)]
                a.nullable = nil
                return a.isEmpty ? .addCheck(a.table, check.notValid()) : .alterColumn(a)
            default:
                return op
            }
        }
        // A column both changed and made NOT NULL: its other changes stay in place, the check
        // comes right after them.
        var out: [MigrationOp] = []
        for (op, original) in zip(planned, ops) {
            out.append(op)
            if case .alterColumn(let a) = original, a.nullable?.to == false, case .alterColumn(let rest) = op,
                rest.nullable == nil, !created.contains(a.table)
            {
                out.append(
                    .addCheck(
                        a.table,
                        Check(
                            notNullCheckName(a.table, a.existing.name),
                            quoteIdentifier(a.existing.name) + " IS NOT NULL"
                        ).notValid()))
            }
        }
        return out + validations + finishing
    }

    /// `account_email_not_null`, cut to PostgreSQL's 63 bytes.
    static func notNullCheckName(_ table: TableRef, _ column: String) -> String {
        var name = "\(table.name)_\(column)_not_null"
        while name.utf8.count > maxIdentifierBytes { name.removeFirst() }
        return name
    }
}
