import ModelDSL

/// Compares views and materialized views by schema and name.
///
/// A view's query is compared in the server's normal form (`CompareOptions.serverViews`,
/// asked before compare), else as text. What compare writes falls in two places of the
/// revision: `early` (renames, then drops, dependents first) before any table changes, and
/// `late` (creates and replacements, each after the views it reads) after them. A view that
/// reads a column whose type changes, a column or table that goes away, or a view that is
/// dropped and created again, is itself dropped early and created again late, as PostgreSQL
/// and SQLite refuse those changes under a view (`cannot alter type of a column used by a
/// view or rule`).
struct ViewComparison {
    var early: [MigrationOp] = []
    var late: [MigrationOp] = []
    var diagnostics: [Diagnostic] = []

    /// No views to compare.
    init() {}

    init(
        model: Schema, database: Schema, dialect: any SchemaDialect.Type, options: CompareOptions,
        tableOps: [MigrationOp]
    ) {
        func included(_ v: View, reflected: Bool) -> Bool {
            options.includes(.view, schema: v.schema, name: v.name, reflected: reflected)
        }
        var existing: [String: View] = [:]
        for v in database.views where included(v, reflected: true) { existing[v.qualifiedName] = v }
        // A model that declares no view (one written before views were modelled) leaves the
        // database's alone, as it leaves extensions: they are kept as they are, and only carried
        // around the table changes that would break them.
        let declared =
            model.views.isEmpty
            ? existing.values.sorted { ($0.schema ?? "", $0.name) < ($1.schema ?? "", $1.name) }
            : model.views.filter { included($0, reflected: false) }
        let declaredNames = Set(declared.map(\.qualifiedName))

        // Renames first: the view is then known by its new name.
        var renames: [MigrationOp] = []
        for view in declared where existing[view.qualifiedName] == nil {
            guard let old = view.renamedFrom else { continue }
            var oldView = view
            oldView.name = old
            guard !declaredNames.contains(oldView.qualifiedName), var found = existing[oldView.qualifiedName] else {
                continue
            }
            renames.append(.renameView(found, to: view.name))
            existing[oldView.qualifiedName] = nil
            found.name = view.name
            existing[view.qualifiedName] = found
        }

        enum Plan { case keep, replace, recreate, create }
        var plans: [String: Plan] = [:]
        var indexOps: [String: (drop: [MigrationOp], create: [MigrationOp])] = [:]
        for view in declared {
            let key = view.qualifiedName
            guard let found = existing[key] else {
                plans[key] = .create
                continue
            }
            let answer = options.serverViews[key]
            let sameQuery =
                answer.map { $0.definition == found.definition }
                ?? (view.definition == found.definition && view.columns == found.columns)
            if !sameQuery || view.materialized != found.materialized {
                let replaceable =
                    dialect.replacesViews && !view.materialized && !found.materialized && answer?.sameColumns == true
                plans[key] = replaceable ? .replace : .recreate
            } else if view.comment != found.comment {
                plans[key] = view.materialized ? .recreate : .replace
            } else {
                plans[key] = .keep
                if view.materialized, view.indexes != found.indexes {
                    let ref = TableRef(view.name, schema: view.schema)
                    let wanted = Dictionary(view.indexes.map { ($0.name ?? "", $0) }) { a, _ in a }
                    let had = Dictionary(found.indexes.map { ($0.name ?? "", $0) }) { a, _ in a }
                    var ops: (drop: [MigrationOp], create: [MigrationOp]) = ([], [])
                    for index in found.indexes where wanted[index.name ?? ""] != index {
                        ops.drop.append(.dropIndex(ref, index))
                    }
                    for index in view.indexes where had[index.name ?? ""] != index {
                        ops.create.append(.createIndex(ref, index))
                    }
                    indexOps[key] = ops
                }
            }
        }

        // Views the table changes break, and the views that read those, go and come back.
        let mentions = existing.mapValues { ViewOrder.identifiers(in: $0.definition) }
        var going = Set(existing.keys.filter { plans[$0] == nil || plans[$0] == .recreate })
        going.formUnion(Self.readers(of: Self.touchedColumns(tableOps), mentions: mentions))
        var grew = true
        while grew {
            grew = false
            let names = Set(going.compactMap { existing[$0]?.name.lowercased() })
            for (key, words) in mentions where !going.contains(key) && !words.isDisjoint(with: names) {
                going.insert(key)
                grew = true
            }
        }
        for key in going.sorted() where plans[key] == .keep || plans[key] == .replace {
            plans[key] = .recreate
            if let view = existing[key] {
                diagnostics.append(
                    Diagnostic(
                        .viewRecreated, .note,
                        "view \(view.qualifiedName) is dropped and created again around the changes it depends on"))
            }
            indexOps[key] = nil
        }

        let dropped = existing.values.filter { going.contains($0.qualifiedName) }
        for view in ViewOrder(dropped).views.reversed() {
            early.append(.dropView(view))
            if view.materialized, !declaredNames.contains(view.qualifiedName) {
                diagnostics.append(
                    Diagnostic(.dropsData, .warning, "dropping materialized view \(view.qualifiedName) and its rows"))
            }
        }
        for view in ViewOrder(declared).views {
            let key = view.qualifiedName
            switch plans[key] {
            case .create?, .recreate?: late.append(.createView(view))
            case .replace?:
                if let found = existing[key] { late.append(.replaceView(Change(from: found, to: view))) }
            case .keep?:
                if let ops = indexOps[key] {
                    early += ops.drop
                    late += ops.create
                }
            case nil: break
            }
        }
        early = renames + early
    }

    /// The columns the table ops change under a view: retyped, recollated and dropped
    /// columns (`column` set), dropped tables (`column` nil). Names lowercased.
    static func touchedColumns(_ ops: [MigrationOp]) -> [(table: String, column: String?)] {
        var out: [(table: String, column: String?)] = []
        for op in ops {
            switch op {
            case .alterColumn(let a) where a.type != nil || a.collation != nil:
                out.append((a.table.name.lowercased(), a.existing.name.lowercased()))
            case .dropColumn(let t, let c): out.append((t.name.lowercased(), c.name.lowercased()))
            case .dropTable(let t): out.append((t.name.lowercased(), nil))
            default: break
            }
        }
        return out
    }

    /// The views (by qualified name, with the names their queries mention) that name a
    /// touched table (and column).
    static func readers(of touched: [(table: String, column: String?)], mentions: [String: Set<String>])
        -> Set<String>
    {
        guard !touched.isEmpty else { return [] }
        var out = Set<String>()
        for (key, words) in mentions
        where touched.contains(where: { words.contains($0.table) && ($0.column.map(words.contains) ?? true) }) {
            out.insert(key)
        }
        return out
    }
}
