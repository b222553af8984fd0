import ModelDSL

/// Compares PostgreSQL functions and procedures by schema, name and argument types.
///
/// The model's functions hold the server's spelling once the backend has asked it
/// (`PostgresRoutineNormalizer`), so the comparison is one of values. A changed function is
/// replaced in place (`CREATE OR REPLACE`) when its kind, arguments and result stay, and
/// dropped and created again otherwise, with the triggers that call it (`TriggerComparison`).
/// Where ops go: a function that names no table or view goes `before` the tables are changed
/// (defaults and checks may call it) and is dropped `after` them; one that does (a row type
/// argument, a SQL body reading a table, validated when created) is dropped `early`, before the
/// tables change, and created `late`, once they exist. A model that declares no function
/// leaves the database's alone.
struct FunctionComparison {
    var before: [MigrationOp] = []
    var early: [MigrationOp] = []
    var late: [MigrationOp] = []
    var after: [MigrationOp] = []
    /// The names (lowercased) of functions dropped, or dropped and created again: triggers
    /// that call them go first.
    var goneNames: Set<String> = []

    init(model: Schema, database: Schema, options: CompareOptions) {
        func included(_ f: Function, reflected: Bool) -> Bool {
            options.includes(.function, schema: f.schema, name: f.name, reflected: reflected)
        }
        var existing: [String: Function] = [:]
        for f in database.functions where included(f, reflected: true) { existing[f.key] = f }
        guard !model.functions.isEmpty else { return }
        let declared = model.functions.filter { included($0, reflected: false) }
        let declaredKeys = Set(declared.map(\.key))
        let relations = Set(
            (model.tables.map(\.name) + model.views.map(\.name) + database.tables.map(\.name)
                + database.views.map(\.name)).map { $0.lowercased() })
        func bound(_ f: Function) -> Bool {
            var text = f.arguments + " " + (f.returns ?? "")
            if f.language.lowercased() == "sql" || f.standardBody { text += " " + f.body }
            return !ViewOrder.identifiers(in: text).isDisjoint(with: relations)
        }

        for f in declared where existing[f.key] == nil {
            guard let old = f.renamedFrom else { continue }
            var oldFunction = f
            oldFunction.name = old
            guard !declaredKeys.contains(oldFunction.key), var found = existing[oldFunction.key] else { continue }
            before.append(.renameFunction(found, to: f.name))
            existing[oldFunction.key] = nil
            found.name = f.name
            existing[f.key] = found
        }
        for f in declared {
            guard let found = existing[f.key] else {
                if bound(f) { late.append(.createFunction(f)) } else { before.append(.createFunction(f)) }
                continue
            }
            if found.sameDefinition(as: f) {
                if found.comment != f.comment { before.append(.replaceFunction(Change(from: found, to: f))) }
            } else if found.kind == f.kind && f.kind != .aggregate && found.arguments == f.arguments
                && found.returns == f.returns
            {
                if bound(f) {
                    late.append(.replaceFunction(Change(from: found, to: f)))
                } else {
                    before.append(.replaceFunction(Change(from: found, to: f)))
                }
            } else {
                goneNames.insert(f.name.lowercased())
                if bound(f) || bound(found) {
                    early.append(.dropFunction(found))
                    late.append(.createFunction(f))
                } else {
                    before += [.dropFunction(found), .createFunction(f)]
                }
            }
        }
        // A function gone whose name a created one takes (its argument names or types
        // changed) is dropped first: PostgreSQL refuses two with the same argument types.
        var created = Set<String>()
        for case .createFunction(let f) in before + late { created.insert(f.qualifiedName) }
        var firstDrops: [MigrationOp] = []
        for found in existing.values.sorted(by: { $0.key < $1.key }) where !declaredKeys.contains(found.key) {
            goneNames.insert(found.name.lowercased())
            if bound(found) {
                early.append(.dropFunction(found))
            } else if created.contains(found.qualifiedName) {
                firstDrops.append(.dropFunction(found))
            } else {
                after.append(.dropFunction(found))
            }
        }
        let renameCount = before.prefix { if case .renameFunction = $0 { true } else { false } }.count
        before.insert(contentsOf: firstDrops, at: renameCount)
        // Aggregates are made of functions: created after them, dropped before them.
        before = Self.aggregatesLast(before)
        late = Self.aggregatesLast(late)
        early = Self.aggregatesFirst(early)
        after = Self.aggregatesFirst(after)
    }

    private static func isAggregate(_ op: MigrationOp) -> Bool {
        switch op {
        case .createFunction(let f), .dropFunction(let f), .renameFunction(let f, _): return f.kind == .aggregate
        case .replaceFunction(let change): return change.to.kind == .aggregate
        default: return false
        }
    }

    /// `ops` with the creates of aggregates after every other op (drops and renames stay first).
    private static func aggregatesLast(_ ops: [MigrationOp]) -> [MigrationOp] {
        var drops: [MigrationOp] = []
        var rest: [MigrationOp] = []
        var aggregates: [MigrationOp] = []
        for op in ops {
            if case .dropFunction = op, isAggregate(op) {
                drops.append(op)
            } else if isAggregate(op) {
                aggregates.append(op)
            } else {
                rest.append(op)
            }
        }
        return drops + rest + aggregates
    }

    /// `ops` with the aggregates' first.
    private static func aggregatesFirst(_ ops: [MigrationOp]) -> [MigrationOp] {
        ops.filter(isAggregate) + ops.filter { !isAggregate($0) }
    }
}
