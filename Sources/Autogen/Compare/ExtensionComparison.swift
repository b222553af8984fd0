import ModelDSL

/// Compares PostgreSQL extensions by name: one the model declares and the database lacks is
/// created before anything else (its types, operator classes and functions may be used by
/// what follows), one the database has and the model does not is dropped after everything
/// else, without CASCADE, so the database refuses while anything still uses it. A model that
/// declares no extension at all leaves the database's alone (a model written before
/// extensions were modelled must not drop pg_stat_statements). Which schema an existing
/// extension lives in and its version are left alone.
struct ExtensionComparison {
    /// `createExtension` ops, in name order.
    var before: [MigrationOp] = []
    /// `dropExtension` ops, in name order.
    var after: [MigrationOp] = []
    var diagnostics: [Diagnostic] = []

    /// No extensions to compare (a dialect without them).
    init() {}

    init(model: Schema, database: Schema, options: CompareOptions) {
        func included(_ e: Extension, reflected: Bool) -> Bool {
            options.includes(.databaseExtension, schema: e.schema, name: e.name, reflected: reflected, bySchema: false)
        }
        let existing = Set(database.extensions.filter { included($0, reflected: true) }.map(\.name))
        let declared = Set(model.extensions.filter { included($0, reflected: false) }.map(\.name))
        for e in model.extensions where declared.contains(e.name) && !existing.contains(e.name) {
            before.append(.createExtension(e))
        }
        for e in database.extensions
        where !model.extensions.isEmpty && existing.contains(e.name) && !declared.contains(e.name) {
            after.append(.dropExtension(e))
            diagnostics.append(
                Diagnostic(
                    .dropsExtension, .warning,
                    "dropping extension \(e.name): the database refuses while a column, index or function uses it; declare Extension(\"\(e.name)\") to keep it"
                ))
        }
    }
}
