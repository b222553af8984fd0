import ModelDSL

/// A hazard of one of the ops `check` or `revision --autogenerate` found, sized by the table
/// it concerns when the database could say.
public struct Hazard: Sendable, Hashable, CustomStringConvertible {
    public var kind: HazardKind
    /// The op's position among the ops.
    public var opIndex: Int
    public var table: TableRef?
    public var message: String
    public var size: TableSize?

    /// `hazard: ALTER COLUMN amount TYPE numeric(12,2) rewrites account (about 12.4M rows, 3.1 GB) [rewrites-table]`.
    public var description: String {
        let sized = size.map { " (\($0.description))" } ?? ""
        return "hazard: \(message)\(sized) [\(kind.rawValue)]"
    }
}

/// The hazards of a list of ops: each op's own, by the dialect's rules, and for each op whose
/// downgrade would fail on rows, that it cannot be reversed once rows exist; none for a table
/// the ops create.
public enum HazardAnalysis {
    public static func hazards(
        of ops: [MigrationOp], dialect: any SchemaDialect.Type, sizes: [TableRef: TableSize] = [:]
    ) -> [Hazard] {
        var out: [Hazard] = []
        // A table these ops create is empty: nothing to rewrite, scan, lose or fail on.
        var created = Set<TableRef>()
        for (index, op) in ops.enumerated() {
            if case .createTable(let table) = op { created.insert(TableRef(table)) }
            if let table = op.table, created.contains(table) { continue }
            var findings = dialect.hazards(of: op)
            // SET NOT NULL after a validated `IS NOT NULL` check (the online plan) reads nothing.
            if case .alterColumn(let a) = op, a.nullable?.to == false,
                ops[..<index].contains(where: { earlier in
                    if case .setConstraintValidated(a.table, .check(let check), let change, _) = earlier, change.to {
                        return check.expression.hasSuffix(" IS NOT NULL")
                            && check.expression.contains(a.existing.name)
                    }
                    return false
                })
            {
                findings.removeAll { $0.kind == .scanUnderLock || $0.kind == .failsOnRows }
            }
            if let undo = [op].undoingOps {
                for reverse in undo {
                    for finding in dialect.hazards(of: reverse) where finding.kind == .failsOnRows {
                        findings.append(
                            HazardFinding(
                                .irreversibleWithRows, finding.table,
                                "its downgrade fails once rows exist: \(finding.message)"))
                    }
                }
            }
            for finding in findings {
                out.append(
                    Hazard(
                        kind: finding.kind, opIndex: index, table: finding.table, message: finding.message,
                        size: finding.table.flatMap { sizes[$0] }))
            }
        }
        return out
    }

    /// The tables the hazards of `ops` concern, to size.
    public static func tables(of ops: [MigrationOp], dialect: any SchemaDialect.Type) -> [TableRef] {
        Array(Set(hazards(of: ops, dialect: dialect).compactMap(\.table))).sorted()
    }
}
