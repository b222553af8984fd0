import Introspect
import ModelDSL

extension SQLiteDialect: SchemaDialect {
    public static var name: String { "sqlite" }
    public static var hasEnumTypes: Bool { false }
    public static var hasExtensions: Bool { false }
    public static var hasSequences: Bool { false }
    public static var hasDomainAndCompositeTypes: Bool { false }
    public static var replacesViews: Bool { false }
    /// SQLite checks a foreign key's target when rows change, not when the table is created;
    /// migrations run with `foreign_keys = OFF` and check the keys at the end.
    public static var acceptsForwardForeignKeys: Bool { true }
    public static var hasComments: Bool { false }

    public static func storedForm(of schema: Schema) -> Schema { storedForm(of: schema, naming: .default) }

    /// The stored form, keeping the model's rename hints.
    public static func opForm(of schema: Schema, stored: Schema) -> Schema {
        var stored = stored
        var originals: [String: Table] = [:]
        for table in schema.tables { originals[table.name] = table }
        for i in stored.tables.indices {
            guard let original = originals[stored.tables[i].name] else { continue }
            stored.tables[i].renamedFrom = original.renamedFrom
            guard original.columns.contains(where: { $0.renamedFrom != nil }) else { continue }
            for j in stored.tables[i].columns.indices {
                stored.tables[i].columns[j].renamedFrom = original.column(stored.tables[i].columns[j].name)?.renamedFrom
            }
        }
        return stored
    }

    /// SQLite keeps declared types as written and stores by affinity, so types that SQLite (and
    /// other tools writing SQLite) spell differently match: any timestamp spelling (`DATETIME`,
    /// `TIMESTAMP WITH TIME ZONE`), `UUID` and `CHAR(32)`, `JSON` and `JSONB`.
    public static func typesMatch(model: ColumnType, database: ColumnType) -> Bool {
        if model == database { return true }
        switch (canonical(model), canonical(database)) {
        case (let a, let b) where a == b: return true
        default: return false
        }
    }

    private static func canonical(_ type: ColumnType) -> ColumnType {
        switch type {
        case .timestamp: return .timestamp()
        case .time: return .time()
        case .uuid, .char(32): return .uuid
        case .jsonb, .json, .array: return .json
        case .raw(let name) where name.uppercased() == "DATETIME": return .timestamp()
        case .raw(let name): return .raw(name.uppercased())
        default: return type
        }
    }

    /// SQLite has no server to ask: defaults match when they are equal as values, when the
    /// column stores them as the same value (`'0'` and `0` on an INTEGER column, `5` and `'5'`
    /// on a TEXT one: `storedLiteral`), or when their SQL spellings normalize alike.
    public static func defaultsMatch(model: DefaultValue?, database: DefaultValue?, type: ColumnType) -> DefaultMatch {
        switch (model, database) {
        case (nil, nil): return .equal
        case (nil, _), (_, nil): return .different
        case (let m?, let d?):
            if m == d { return .equal }
            if let ms = storedLiteral(m, for: type), let ds = storedLiteral(d, for: type), ms == ds { return .equal }
            let ms = normalizeExpression(defaultSQL(m, for: type))
            let ds = normalizeExpression(defaultSQL(d, for: type))
            return ms == ds ? .equal : .different
        }
    }

    /// What SQLite's ALTER TABLE cannot do in place.
    public static func rebuildReason(for op: MigrationOp) -> String? {
        switch op {
        case .alterColumn(let a):
            if a.type == nil && a.nullable == nil && a.defaultValue == nil && a.identity == nil && a.collation == nil {
                return nil
            }
            return "alter column \(a.existing.name)"
        case .addPrimaryKey, .dropPrimaryKey: return "change its primary key"
        case .addUnique, .dropUnique: return "change a unique constraint"
        case .addForeignKey, .dropForeignKey: return "change a foreign key"
        case .addCheck, .dropCheck: return "change a CHECK constraint"
        case .addColumn(_, let column) where !canAddInPlace(column): return "add column \(column.name)"
        default: return nil
        }
    }

    /// `ALTER TABLE ADD COLUMN` takes a column without PRIMARY KEY or UNIQUE, whose default is
    /// constant, and which is nullable or has a non-NULL default.
    static func canAddInPlace(_ column: Column) -> Bool {
        if column.identity == .autoincrement { return false }
        if column.generated?.stored == true { return false }  // only VIRTUAL ones can be added
        if case .sql? = column.defaultValue { return false }
        return column.isNullable || column.defaultValue != nil
    }
}
