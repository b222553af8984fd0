import ModelDSL

/// Compares enum types, on dialects that have them: created before the tables that use them,
/// dropped after, values added in place and removed by recreating the type.
struct EnumComparison {
    let dialect: any SchemaDialect.Type
    let options: CompareOptions
    /// Ops that run before the table changes (create, alter).
    var before: [MigrationOp] = []
    /// Ops that run after the table changes (drop).
    var after: [MigrationOp] = []
    var diagnostics: [Diagnostic] = []

    init(dialect: any SchemaDialect.Type, options: CompareOptions) {
        self.dialect = dialect
        self.options = options
    }

    mutating func compare(model: Schema, stored: Schema, database: Schema) {
        guard dialect.hasEnumTypes else { return }
        func key(_ e: EnumType) -> String { e.qualifiedName }
        func included(_ e: EnumType, reflected: Bool) -> Bool {
            options.includes(.enumType, schema: e.schema, name: e.name, reflected: reflected)
        }
        var dbEnums: [String: EnumType] = [:]
        for e in database.enums where included(e, reflected: true) { dbEnums[key(e)] = e }
        var modelNames = Set<String>()
        for e in model.enums where included(e, reflected: false) {
            modelNames.insert(key(e))
            guard let existing = dbEnums[key(e)] else {
                before.append(.createEnum(e))
                continue
            }
            guard existing.values != e.values else { continue }
            let uses = model.tables.flatMap { table in
                table.columns.filter { column in
                    if case .enumeration(let name, let schema) = column.type {
                        return name == e.name && schema == e.schema
                    }
                    if case .array(.enumeration(let name, let schema)) = column.type {
                        return name == e.name && schema == e.schema
                    }
                    return false
                }.map { EnumColumnUse(table: TableRef(table), column: $0.name) }
            }
            before.append(.alterEnum(existing, values: Change(from: existing.values, to: e.values), usedBy: uses))
            for value in existing.values where !e.values.contains(value) {
                diagnostics.append(
                    Diagnostic(
                        .enumValueRemoved, .warning,
                        "enum \(e.qualifiedName) loses the value '\(value)': rows holding it make the migration fail"))
            }
        }
        for name in dbEnums.keys.sorted() where !modelNames.contains(name) {
            if let e = dbEnums[name] { after.append(.dropEnum(e)) }
        }
    }
}
