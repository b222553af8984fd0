import Introspect
import ModelDSL

extension PostgresDialect: SchemaDialect {
    public static var name: String { "postgresql" }
    public static var hasEnumTypes: Bool { true }
    public static var hasExtensions: Bool { true }
    public static var hasSequences: Bool { true }
    public static var hasDomainAndCompositeTypes: Bool { true }
    public static var replacesViews: Bool { true }
    public static var hasComments: Bool { true }

    public static func storedForm(of schema: Schema, currentSchema: String?) -> Schema {
        storedForm(of: schema, defaultSchema: currentSchema ?? defaultSchemaName)
    }

    public static func storedForm(of schema: Schema) -> Schema {
        storedForm(of: schema, defaultSchema: defaultSchemaName)
    }

    /// Types are normalized by the catalog reader; only raw type names differ in case.
    public static func typesMatch(model: ColumnType, database: ColumnType) -> Bool {
        if case .raw(let a) = model, case .raw(let b) = database { return a.lowercased() == b.lowercased() }
        return model == database
    }

    /// Equal literals, or SQL that normalizes alike, are equal. Two different constant
    /// expressions (`'0'` and `0` on a bigint) are for the server to decide; anything with a
    /// function call (`now()`) is compared as text only.
    public static func defaultsMatch(model: DefaultValue?, database: DefaultValue?, type: ColumnType) -> DefaultMatch {
        switch (model, database) {
        case (nil, nil): return .equal
        case (nil, _), (_, nil): return .different
        case (let m?, let d?):
            if m == d { return .equal }
            let ms = defaultSQL(m, for: type)
            let ds = defaultSQL(d, for: type)
            let mn = normalizeExpression(ms)
            let dn = normalizeExpression(ds)
            if mn == dn { return .equal }
            if isConstant(mn) && isConstant(dn) { return .undecided(model: ms, database: ds) }
            return .different
        }
    }

    /// PostgreSQL alters everything in place.
    public static func rebuildReason(for op: MigrationOp) -> String? { nil }

    /// Whether normalized SQL has no function call (an identifier followed by `(`).
    static func isConstant(_ sql: String) -> Bool {
        var previous: Character = " "
        var inString = false
        for ch in sql {
            if ch == "'" { inString.toggle() }
            if !inString, ch == "(", previous.isLetter || previous.isNumber || previous == "_" { return false }
            if !ch.isWhitespace { previous = ch }
        }
        return true
    }
}
