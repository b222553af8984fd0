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
        return ops.map { op in
            switch op {
            case .createIndex(let table, let index, false) where !created.contains(table):
                return .createIndex(table, index, concurrently: true)
            case .dropIndex(let table, let index, false) where !dropped.contains(table) && index.name != nil:
                return .dropIndex(table, index, concurrently: true)
            default:
                return op
            }
        }
    }
}
