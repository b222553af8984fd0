import Introspect
import ModelDSL

/// PostgreSQL's online plan: an index on a table that already exists is built and dropped
/// `CONCURRENTLY` (its own step outside the transaction: writes go on while it builds), where
/// a plain `CREATE INDEX` would block every write to the table until it is built. Not on a
/// partitioned table, which PostgreSQL cannot index concurrently.
extension PostgresDialect {
    public static func onlinePlan(_ ops: [MigrationOp], model: Schema) -> [MigrationOp] {
        // Tables made or dropped in the same run, and partitioned ones, keep the plain forms.
        let partitioned = Set(model.tables.filter { $0.partitionKey != nil }.map(TableRef.init))
        var created = partitioned
        var dropped = partitioned
        for op in ops {
            if case .createTable(let table) = op { created.insert(TableRef(table)) }
            if case .dropTable(let table) = op { dropped.insert(TableRef(table)) }
        }
        // Checks and foreign keys on existing tables are added NOT VALID (a short lock, no
        // scan) and validated at the end, each in a step of its own after the rest committed
        // (the scan then blocks no writes).
        var validations: [MigrationOp] = []
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
            default:
                return op
            }
        }
        return planned + validations
    }
}
