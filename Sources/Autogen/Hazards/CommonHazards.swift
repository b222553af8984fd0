import ModelDSL

/// The hazards every dialect shares: drops lose data, constraints and keys fail on rows that
/// break them, a new `NOT NULL` column needs a default for the rows there are.
enum CommonHazards {
    static func findings(of op: MigrationOp) -> [HazardFinding] {
        switch op {
        case .dropTable(let table):
            return [HazardFinding(.dropsData, TableRef(table), "DROP TABLE \(TableRef(table)) loses its rows")]
        case .dropColumn(let table, let column):
            return [HazardFinding(.dropsData, table, "DROP COLUMN \(table).\(column.name) loses its values")]
        case .addColumn(let table, let column)
        where !column.isNullable && column.defaultValue == nil
            && column.identity == nil && column.generated == nil && column.sequence == nil:
            return [
                HazardFinding(
                    .failsOnRows, table,
                    "ADD COLUMN \(table).\(column.name) NOT NULL without a default fails when \(table) has rows")
            ]
        case .alterColumn(let a) where a.nullable?.to == false:
            return [
                HazardFinding(
                    .failsOnRows, a.table, "SET NOT NULL on \(a.table).\(a.existing.name) fails on rows that hold NULL")
            ]
        case .addUnique(let table, _), .addPrimaryKey(let table, _):
            return [HazardFinding(.failsOnRows, table, "a new unique key on \(table) fails on duplicate rows")]
        case .createIndex(let table, let index, _) where index.unique:
            return [
                HazardFinding(
                    .failsOnRows, table, "unique index \(index.name ?? "") fails on duplicate rows of \(table)")
            ]
        case .addCheck(let table, let check) where !check.notValid:
            return [
                HazardFinding(.failsOnRows, table, "CHECK \(check.name ?? "") fails on rows of \(table) that break it")
            ]
        case .addForeignKey(let table, let key) where !key.notValid:
            return [
                HazardFinding(
                    .failsOnRows, table, "FOREIGN KEY \(key.name ?? "") fails on rows of \(table) without a match")
            ]
        case .setConstraintValidated(let table, let constraint, let change, _) where change.to:
            return [
                HazardFinding(
                    .failsOnRows, table,
                    "VALIDATE CONSTRAINT \(constraint.name ?? "") fails on rows of \(table) that break it")
            ]
        case .alterEnum(let type, let values, let usedBy) where !Set(values.from).subtracting(values.to).isEmpty:
            let removed = Set(values.from).subtracting(values.to).sorted().joined(separator: ", ")
            return usedBy.map { use in
                HazardFinding(
                    .failsOnRows, use.table,
                    "removing \(removed) from \(type.name) fails on rows of \(use.table) that hold it")
            }
        default:
            return []
        }
    }
}
