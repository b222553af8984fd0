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
        viewsDropped: Set<String>, viewsCreated: Set<String>
    ) {
        // Only the triggers of the tables compare looks at (a trigger on an excluded table is
        // not the model's to drop).
        func included(_ t: Trigger, reflected: Bool) -> Bool {
            let table = Table(name: t.table, schema: t.schema, columns: [])
            return run.includesTable(table, reflected: reflected)
                && run.includes(.trigger, table: table, name: t.name, reflected: reflected)
        }
        var existing: [String: Trigger] = [:]
        for t in database.triggers where included(t, reflected: true) { existing[t.key] = t }
        let declared =
            model.triggers.isEmpty
            ? existing.values.sorted { $0.key < $1.key } : model.triggers.filter { included($0, reflected: false) }
        let declaredKeys = Set(declared.map(\.key))

        var renames: [MigrationOp] = []
        for t in declared where existing[t.key] == nil {
            guard let old = t.renamedFrom else { continue }
            var oldTrigger = t
            oldTrigger.name = old
            guard !declaredKeys.contains(oldTrigger.key), var found = existing[oldTrigger.key] else { continue }
            renames.append(.renameTrigger(found, to: t.name))
            existing[oldTrigger.key] = nil
            found.name = t.name
            existing[t.key] = found
        }

        let touched = ViewComparison.touchedColumns(tableOps)
        func goes(_ t: Trigger) -> Bool {
            let table = t.table.lowercased()
            if viewsDropped.contains(t.table) { return true }
            if let function = t.function, !ViewOrder.identifiers(in: function).isDisjoint(with: goneFunctions) {
                return true
            }
            let words = ViewOrder.identifiers(in: (t.when ?? "") + " " + (t.body ?? ""))
                .union(t.updateOf.map { $0.lowercased() })
            return touched.contains { $0.table == table && ($0.column.map(words.contains) ?? true) }
        }

        var droppedTables = Set<String>()
        for case .dropTable(let table) in tableOps { droppedTables.insert(TableRef(table).description) }
        var drops: [Trigger] = []
        for found in existing.values.sorted(by: { $0.key < $1.key }) {
            // A trigger whose table or view goes for good goes with it.
            guard let t = declared.first(where: { $0.key == found.key }),
                !droppedTables.contains(TableRef(found.table, schema: found.schema).description),
                !viewsDropped.contains(found.table) || viewsCreated.contains(found.table)
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
        for t in declared where existing[t.key] == nil { late.append(.createTrigger(t)) }
        early = renames + drops.map { .dropTrigger($0) }
    }
}
