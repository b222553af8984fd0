import ModelDSL

/// PostgreSQL's spelling of everything: identifiers, literals, types, defaults, DDL, and how
/// its catalog respells what it was given. The one place that knows the dialect.
public enum PostgresDialect: Sendable {
    /// The schema PostgreSQL uses when a name is not qualified and `search_path` is the default.
    public static let defaultSchemaName = "public"

    /// An identifier, always quoted, with `"` doubled: `account` -> `"account"`.
    public static func quoteIdentifier(_ name: String) -> String {
        var out = "\""
        for ch in name {
            if ch == "\"" { out += "\"\"" } else { out.append(ch) }
        }
        return out + "\""
    }

    /// A string literal with `'` doubled: `it's` -> `'it''s'`. Backslashes stay as they are
    /// (`standard_conforming_strings` is on since PostgreSQL 9.1).
    public static func quoteLiteral(_ text: String) -> String {
        var out = "'"
        for ch in text {
            if ch == "'" { out += "''" } else { out.append(ch) }
        }
        return out + "'"
    }

    /// A possibly schema-qualified name, quoted: `"billing"."invoice"` or `"account"`.
    public static func qualifiedName(_ name: String, schema: String?) -> String {
        (schema.map { quoteIdentifier($0) + "." } ?? "") + quoteIdentifier(name)
    }

    /// A table's quoted, qualified name.
    public static func qualifiedName(of table: Table) -> String {
        qualifiedName(table.name, schema: table.schema)
    }

    /// The DDL spelling of a type: `character varying(100)`, `numeric(10,2)`,
    /// `timestamp with time zone`, `bytea`, `"account_status"`, `integer[]`; `.raw` verbatim.
    public static func typeSQL(_ type: ColumnType) -> String {
        switch type {
        case .smallint: return "smallint"
        case .integer: return "integer"
        case .bigint: return "bigint"
        case .numeric(let p, let s):
            switch (p, s) {
            case (let p?, let s?): return "numeric(\(p),\(s))"
            case (let p?, nil): return "numeric(\(p))"
            default: return "numeric"
            }
        case .real: return "real"
        case .double: return "double precision"
        case .boolean: return "boolean"
        case .text: return "text"
        case .varchar(let n): return n.map { "character varying(\($0))" } ?? "character varying"
        case .char(let n): return n.map { "character(\($0))" } ?? "character"
        case .date: return "date"
        case .time(let tz): return tz ? "time with time zone" : "time without time zone"
        case .timestamp(let tz): return tz ? "timestamp with time zone" : "timestamp without time zone"
        case .interval: return "interval"
        case .json: return "json"
        case .jsonb: return "jsonb"
        case .uuid: return "uuid"
        case .binary: return "bytea"
        case .enumeration(let name, let schema): return qualifiedName(name, schema: schema)
        case .array(let element): return typeSQL(element) + "[]"
        case .raw(let spelling): return spelling
        }
    }

    /// The neutral type for a catalog column.
    ///
    /// `formatType` is `format_type(atttypid, atttypmod)`. When the column's type (or, for an
    /// array, its element type) is an enum, `isEnum` is true and `typeName`/`typeSchema` name
    /// it (`typeSchema` nil in the default schema): `account_status[]` becomes
    /// `.array(.enumeration("account_status"))`. Other spellings go through
    /// `ColumnType(parsing:)`, so `character varying(100)` is `.varchar(100)` and unknown
    /// types are `.raw`. Serial columns read back as their integer type; the reader sets
    /// `identity: .serial` itself.
    public static func columnType(formatType: String, isEnum: Bool, typeName: String = "", typeSchema: String? = nil)
        -> ColumnType
    {
        guard isEnum else { return ColumnType(parsing: formatType) }
        var type = ColumnType.enumeration(typeName, schema: typeSchema)
        var rest = Substring(formatType)
        while rest.hasSuffix("[]") {
            type = .array(type)
            rest = rest.dropLast(2)
        }
        return type
    }

    /// Whether `type` is one of the integer or decimal number types.
    static func isNumeric(_ type: ColumnType) -> Bool {
        switch type {
        case .smallint, .integer, .bigint, .numeric, .real, .double: return true
        default: return false
        }
    }
}
