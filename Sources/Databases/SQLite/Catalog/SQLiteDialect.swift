import ModelDSL

/// Everything that knows how SQLite spells things: identifiers and literals, column types,
/// defaults, expressions, the stored form of a model, and the CREATE statements.
///
/// SQLite keeps a column's declared type verbatim, so types are written faithfully
/// (`NUMERIC(10, 2)`, `TIMESTAMP WITH TIME ZONE`) and read back as the same `ColumnType`.
public enum SQLiteDialect: Sendable {
    /// `name` in double quotes, inner quotes doubled: `"order"`, `"say ""hi"""`.
    public static func quoteIdentifier(_ name: String) -> String {
        "\"" + name.replacingEvery("\"", with: "\"\"") + "\""
    }

    /// `text` as a string literal, inner quotes doubled: `'it''s'`.
    public static func quoteLiteral(_ text: String) -> String {
        "'" + text.replacingEvery("'", with: "''") + "'"
    }

    /// The declared type SQLite stores for `type`:
    /// `INTEGER`, `BIGINT`, `SMALLINT`, `NUMERIC(10, 2)`, `REAL`, `DOUBLE PRECISION`, `BOOLEAN`,
    /// `TEXT`, `VARCHAR(100)`, `CHAR(32)`, `DATE`, `TIME`, `TIMESTAMP WITH TIME ZONE`,
    /// `INTERVAL`, `JSON`, `JSONB`, `UUID`, `BLOB`. An enum is `TEXT` (a CHECK lists its values,
    /// see `storedForm(of:)`), an array is `JSON`, and a raw type is written verbatim.
    public static func typeSQL(_ type: ColumnType) -> String {
        func sized(_ name: String, _ size: Int?) -> String { size.map { "\(name)(\($0))" } ?? name }
        switch type {
        case .smallint: return "SMALLINT"
        case .integer: return "INTEGER"
        case .bigint: return "BIGINT"
        case .numeric(let precision, let scale):
            switch (precision, scale) {
            case (let p?, let s?): return "NUMERIC(\(p), \(s))"
            case (let p?, nil): return "NUMERIC(\(p))"
            default: return "NUMERIC"
            }
        case .real: return "REAL"
        case .double: return "DOUBLE PRECISION"
        case .boolean: return "BOOLEAN"
        case .text: return "TEXT"
        case .varchar(let length): return sized("VARCHAR", length)
        case .char(let length): return sized("CHAR", length)
        case .date: return "DATE"
        case .time(let zone): return zone ? "TIME WITH TIME ZONE" : "TIME"
        case .timestamp(let zone): return zone ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMP"
        case .interval: return "INTERVAL"
        case .json: return "JSON"
        case .jsonb: return "JSONB"
        case .uuid: return "UUID"
        case .binary: return "BLOB"
        case .enumeration: return "TEXT"
        case .array: return "JSON"
        case .raw(let name): return name
        }
    }

    /// The `ColumnType` of a declared type as `pragma_table_xinfo` reports it.
    ///
    /// Uses `ColumnType(parsing:)`, plus SQLite's own spellings: `DATETIME` is `.timestamp()`,
    /// `CLOB` is `.text`. A column declared without a type (BLOB affinity, "any") is
    /// `.raw("")`, which `typeSQL` writes back as no type at all.
    public static func columnType(declared: String) -> ColumnType {
        let trimmed = declared.trimmedSQL()
        if trimmed.isEmpty { return .raw("") }
        switch trimmed.uppercased() {
        case "DATETIME": return .timestamp()
        case "CLOB": return .text
        default: return ColumnType(parsing: trimmed)
        }
    }
}

extension String {
    /// Every occurrence of the character `target` replaced by `replacement`.
    func replacingEvery(_ target: Character, with replacement: String) -> String {
        guard contains(target) else { return self }
        var out = ""
        out.reserveCapacity(count + 8)
        for ch in self {
            if ch == target { out += replacement } else { out.append(ch) }
        }
        return out
    }

    /// The string without leading and trailing whitespace.
    func trimmedSQL() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
