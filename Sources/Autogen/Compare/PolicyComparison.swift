import ModelDSL

/// Compares row-level security policies by table and name.
///
/// Policies are dropped `early` and created `late`, around everything else. A policy whose
/// `USING` or `WITH CHECK` names a column that is retyped or dropped on its table is dropped
/// early and created again late, as PostgreSQL refuses those changes under a policy (`cannot
/// alter type of a column used in a policy definition`); a policy on a dropped table goes
/// with it. Any other change drops and creates it late. A model that declares no policy
/// leaves the database's alone, still carrying them around those changes.
struct PolicyComparison {
    var early: [MigrationOp] = []
    var late: [MigrationOp] = []
    var diagnostics: [Diagnostic] = []

    init(run: CompareRun, model: Schema, database: Schema, tableOps: [MigrationOp]) {
        // Only the policies of the tables compare looks at.
        func included(_ p: Policy, reflected: Bool) -> Bool {
            let table = Table(name: p.table, schema: p.schema, columns: [])
            return run.includesTable(table, reflected: reflected)
                && run.includes(.policy, table: table, name: p.name, reflected: reflected)
        }
        var existing: [String: Policy] = [:]
        for p in database.policies where included(p, reflected: true) { existing[p.key] = p }
        let declared =
            model.policies.isEmpty
            ? existing.values.sorted { $0.key < $1.key } : model.policies.filter { included($0, reflected: false) }
        let byKey = Dictionary(declared.map { ($0.key, $0) }) { a, _ in a }

        var renames: [MigrationOp] = []
        for p in declared where existing[p.key] == nil {
            guard let old = p.renamedFrom else { continue }
            var oldPolicy = p
            oldPolicy.name = old
            guard byKey[oldPolicy.key] == nil, var found = existing[oldPolicy.key] else { continue }
            renames.append(.renamePolicy(found, to: p.name))
            existing[oldPolicy.key] = nil
            found.name = p.name
            existing[p.key] = found
        }

        let touched = ViewComparison.touchedColumns(tableOps)
        var droppedTables = Set<String>()
        for case .dropTable(let table) in tableOps { droppedTables.insert(TableRef(table).description) }
        var drops: [Policy] = []
        for found in existing.values.sorted(by: { $0.key < $1.key }) {
            guard let p = byKey[found.key],
                !droppedTables.contains(TableRef(found.table, schema: found.schema).description)
            else {
                drops.append(found)
                continue
            }
            let table = found.table.lowercased()
            let words = ViewOrder.identifiers(in: (found.using ?? "") + " " + (found.withCheck ?? ""))
            if touched.contains(where: { $0.table == table && ($0.column.map(words.contains) ?? true) }) {
                drops.append(found)
                late.append(.createPolicy(p))
                diagnostics.append(
                    Diagnostic(
                        .policyRecreated, .note,
                        "policy \(found.name) on \(found.qualifiedTable) is dropped and created again around the changes it depends on"
                    ))
            } else if !found.sameDefinition(as: p) {
                late.append(.replacePolicy(Change(from: found, to: p)))
            }
        }
        for p in declared where existing[p.key] == nil { late.append(.createPolicy(p)) }
        early = renames + drops.map { .dropPolicy($0) }
    }
}
