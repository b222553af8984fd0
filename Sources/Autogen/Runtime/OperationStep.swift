/// One thing a revision body asked for, in order: an op, or raw SQL with bound parameters
/// (which has no `MigrationOp`, as it cannot be rendered or printed offline).
public enum OperationStep: Sendable, Hashable {
    case op(MigrationOp)
    /// `op.execute(sql, parameters)`: placeholders `$1` (PostgreSQL) or `?` (SQLite), each
    /// parameter bound as text (`nil` is NULL).
    case boundSQL(String, parameters: [String?])

    /// The op, for `.op`.
    public var op: MigrationOp? {
        if case .op(let op) = self { return op }
        return nil
    }
}
