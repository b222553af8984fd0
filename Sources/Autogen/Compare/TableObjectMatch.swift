import ModelDSL

/// The model's and the database's objects of one kind that belong to tables (triggers,
/// policies), matched by table and name, as the trigger and policy comparisons share it.
///
/// Only the objects of tables compare looks at take part (one on an excluded table is not the
/// model's to drop). A model declaring none of the kind leaves the database's as they are:
/// they are then `declared` as found, still carried around the changes that break them.
/// Renames (`renamedFrom`) are matched first: the found object is then known by its new name.
struct TableObjectMatch<Object: TableObject> {
    /// The database's objects by key, renamed ones under their new names.
    var existing: [String: Object] = [:]
    /// What the model wants, in key order.
    let declared: [Object]
    let byKey: [String: Object]
    /// Each renamed object as found, with its new name.
    var renames: [(found: Object, to: String)] = []
    /// The tables the table ops drop, as `TableRef` descriptions.
    let droppedTables: Set<String>
    /// The columns the table ops retype or drop (see `ViewComparison.touchedColumns`).
    let touched: [(table: String, column: String?)]

    init(
        model: [Object], database: [Object], kind: ObjectRef.Kind, run: CompareRun, tableOps: [MigrationOp]
    ) {
        func included(_ object: Object, reflected: Bool) -> Bool {
            let table = Table(name: object.table, schema: object.schema, columns: [])
            return run.includesTable(table, reflected: reflected)
                && run.includes(kind, table: table, name: object.name, reflected: reflected)
        }
        for object in database where included(object, reflected: true) { existing[object.key] = object }
        declared =
            model.isEmpty
            ? existing.values.sorted { $0.key < $1.key } : model.filter { included($0, reflected: false) }
        byKey = Dictionary(declared.map { ($0.key, $0) }) { a, _ in a }
        for object in declared where existing[object.key] == nil {
            guard let old = object.renamedFrom else { continue }
            var previous = object
            previous.name = old
            guard byKey[previous.key] == nil, var found = existing[previous.key] else { continue }
            renames.append((found, object.name))
            existing[previous.key] = nil
            found.name = object.name
            existing[object.key] = found
        }
        var dropped = Set<String>()
        for case .dropTable(let table) in tableOps { dropped.insert(TableRef(table).description) }
        droppedTables = dropped
        touched = ViewComparison.touchedColumns(tableOps)
    }

    /// The database's objects in key order.
    var found: [Object] { existing.values.sorted { $0.key < $1.key } }

    /// Whether `object`'s table goes for good.
    func tableDropped(_ object: Object) -> Bool {
        droppedTables.contains(TableRef(object.table, schema: object.schema).description)
    }

    /// Whether the table ops retype or drop a column of `object`'s table that `words` (the
    /// names its definition mentions, lowercased) name, or drop the table.
    func touches(_ object: Object, naming words: Set<String>) -> Bool {
        let table = object.table.lowercased()
        return touched.contains { $0.table == table && ($0.column.map(words.contains) ?? true) }
    }
}
