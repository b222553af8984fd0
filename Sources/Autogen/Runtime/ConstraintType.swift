/// Which kind of constraint `op.dropConstraint("name", on:, type:)` drops.
public enum ConstraintType: String, Sendable, Hashable, CaseIterable {
    case primaryKey
    case unique
    case foreignKey
    case check
}
