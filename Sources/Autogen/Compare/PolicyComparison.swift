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
        let match = TableObjectMatch(
            model: model.policies, database: database.policies, kind: .policy, run: run, tableOps: tableOps)
        var drops: [Policy] = []
        for found in match.found {
            guard let p = match.byKey[found.key], !match.tableDropped(found) else {
                drops.append(found)
                continue
            }
            let words = ViewOrder.identifiers(in: (found.using ?? "") + " " + (found.withCheck ?? ""))
            if match.touches(found, naming: words) {
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
        for p in match.declared where match.existing[p.key] == nil { late.append(.createPolicy(p)) }
        early = match.renames.map { .renamePolicy($0.found, to: $0.to) } + drops.map { .dropPolicy($0) }
    }
}
