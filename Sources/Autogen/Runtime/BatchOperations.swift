import ModelDSL

/// The changes to one table inside `op.batchAlterTable("account") { batch in ... }`.
///
/// Each call records the same op as its `op.*` twin, one after the other, so the SQLite
/// compiler turns the whole batch into one table rebuild; PostgreSQL runs them one by one.
public struct BatchOperations {
    let operations: Operations
    /// The table the batch changes.
    public let table: String
    public let schema: String?

    public func addColumn(_ column: Column) throws(OperationsError) {
        try operations.addColumn(table, column, schema: schema)
    }

    public func dropColumn(_ column: String) throws(OperationsError) {
        try operations.dropColumn(table, column, schema: schema)
    }

    public func alterColumn(
        _ column: String, newName: String? = nil, type: ColumnType? = nil, nullable: Bool? = nil,
        default defaultValue: AlterValue<DefaultValue>? = nil, comment: AlterValue<String>? = nil,
        identity: AlterValue<Identity>? = nil, existing: Column? = nil
    ) throws(OperationsError) {
        try operations.alterColumn(
            table, column, newName: newName, type: type, nullable: nullable, default: defaultValue, comment: comment,
            identity: identity, schema: schema, existing: existing)
    }

    public func createIndex(_ index: Index) throws(OperationsError) {
        try operations.createIndex(index, on: table, schema: schema)
    }

    public func dropIndex(_ name: String) throws(OperationsError) {
        try operations.dropIndex(name, on: table, schema: schema)
    }

    public func createUniqueConstraint(_ unique: Unique) throws(OperationsError) {
        try operations.createUniqueConstraint(unique, on: table, schema: schema)
    }

    public func createForeignKey(_ key: ForeignKey) throws(OperationsError) {
        try operations.createForeignKey(key, on: table, schema: schema)
    }

    public func createCheckConstraint(_ check: Check) throws(OperationsError) {
        try operations.createCheckConstraint(check, on: table, schema: schema)
    }

    public func dropConstraint(_ name: String, type: ConstraintType) throws(OperationsError) {
        try operations.dropConstraint(name, on: table, type: type, schema: schema)
    }
}

extension Operations {
    /// Several changes to one table, recorded together so that SQLite rebuilds it once.
    public func batchAlterTable(
        _ table: String, schema: String? = nil, _ body: (BatchOperations) throws -> Void
    ) rethrows {
        try body(BatchOperations(operations: self, table: table, schema: schema))
    }
}
