import ModelDSL

/// Compares triggers by table and name.
///
/// Triggers are dropped `early` (before anything they depend on changes) and created `late`
/// (after the tables, views and functions they need). A trigger whose function is dropped or
/// created again, whose view is, whose table is dropped, or whose condition, `UPDATE OF`
/// columns or (SQLite) statements name a column that is retyped or dropped, is dropped early
/// and created again late, with a note; any other change replaces it late. A model that
/// declares no trigger leaves the database's alone, still carrying them around those changes.
struct TriggerComparison {
    var early: [MigrationOp] = []
    var late: [MigrationOp] = []
    var diagnostics: [Diagnostic] = []

    init(
        run: CompareRun, model: Schema, database: Schema, tableOps: [MigrationOp], goneFunctions: Set<String>,
        viewsDropped: Set<TableRef>, viewsCreated: Set<TableRef>
    ) {
        let match = TableObjectMatch(
            model: model.triggers, database: database.triggers, kind: .trigger, run: run, tableOps: tableOps)
        func goes(_ t: Trigger) -> Bool {
            if viewsDropped.contains(TableRef(t.table, schema: t.schema)) { return true }
            if let function = t.function, !ViewOrder.identifiers(in: function).isDisjoint(with: goneFunctions) {
                return true
            }
            let words = ViewOrder.identifiers(in: (t.when ?? "") + " " + (t.body ?? ""))
                .union(t.updateOf.map { $0.lowercased() })
            return match.touches(t, naming: words)
        }

        var drops: [Trigger] = []
        for found in match.found {
            // A trigger whose table or view goes for good goes with it.
            guard let t = match.byKey[found.key], !match.tableDropped(found),
                !viewsDropped.contains(TableRef(found.table, schema: found.schema))
                    || viewsCreated.contains(TableRef(found.table, schema: found.schema))
            else {
                drops.append(found)
                continue
            }
            if goes(found) {
                drops.append(found)
                late.append(.createTrigger(t))
                diagnostics.append(
                    Diagnostic(
                        .triggerRecreated, .note,
                        "trigger \(found.name) on \(found.qualifiedTable) is dropped and created again around the changes it depends on"
                    ))
            } else if !found.sameDefinition(as: t) || found.comment != t.comment || found.firing != t.firing {
                late.append(.replaceTrigger(Change(from: found, to: t)))
            }
        }
        for t in match.declared where match.existing[t.key] == nil { late.append(.createTrigger(t)) }
        early = match.renames.map { .renameTrigger($0.found, to: $0.to) } + drops.map { .dropTrigger($0) }
    }
}
