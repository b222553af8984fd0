import ModelDSL

/// Rows for the tables of a random schema, so that migrations are tested on tables that hold
/// data: two rows per table, every column filled except foreign keys (NULL), values distinct
/// between the rows, numbers non-negative.
public enum RandomRows {
    /// `INSERT` statements for every table of `schema` (as created, in either dialect).
    public static func inserts(for schema: Schema, dialect: RandomSchema.Dialect, quote: (String) -> String) -> [String]
    {
        schema.tables.flatMap { table in
            (1...2).map { row in
                let names = table.columns.map { quote($0.name) }.joined(separator: ", ")
                let values = table.columns.map { value(for: $0, in: table, row: row, schema: schema, dialect: dialect) }
                // PostgreSQL refuses explicit values for GENERATED ALWAYS columns without this.
                let overriding = dialect == .postgresql ? " OVERRIDING SYSTEM VALUE" : ""
                return
                    "INSERT INTO \(quote(table.name)) (\(names))\(overriding) VALUES (\(values.joined(separator: ", ")))"
            }
        }
    }

    /// The SQL literal for `column` in row `row` (1 or 2).
    static func value(for column: Column, in table: Table, row r: Int, schema: Schema, dialect: RandomSchema.Dialect)
        -> String
    {
        if table.foreignKeys.contains(where: { $0.columns.contains(column.name) }) { return "NULL" }
        let sqlite = dialect == .sqlite
        switch column.type {
        case .smallint, .integer, .bigint: return "\(r)"
        case .numeric: return "\(r).5"
        case .real, .double: return "\(r).5"
        case .boolean: return r == 1 ? "TRUE" : "FALSE"
        case .text, .varchar: return "'r\(r)'"
        case .char(let n): return "'" + String(repeating: "c", count: max(0, (n ?? 1) - 1)) + "\(r)'"
        case .date: return "'2024-01-0\(r)'"
        case .time(let tz): return tz && !sqlite ? "'12:00:0\(r)+00'" : "'12:00:0\(r)'"
        case .timestamp(let tz): return tz && !sqlite ? "'2024-01-0\(r) 00:00:00+00'" : "'2024-01-0\(r) 00:00:00'"
        case .interval: return "'\(r) day'"
        case .json, .jsonb: return "'{\"r\": \(r)}'"
        case .uuid: return "'00000000-0000-0000-0000-00000000000\(r)'"
        case .binary: return sqlite ? "X'0\(r)'" : "'\\x0\(r)'"
        case .enumeration(let name, let enumSchema):
            let values = schema.enums.first { $0.name == name && $0.schema == enumSchema }?.values ?? ["?"]
            return "'" + values[(r - 1) % values.count].replacingAll("'", "''") + "'"
        case .array(let element):
            if sqlite { return "'[\(r)]'" }
            switch element {
            case .text, .varchar: return "'{\"r\(r)\"}'"
            default: return "'{\(r)}'"
            }
        case .raw(let name): return name.lowercased() == "tsvector" && !sqlite ? "'w\(r)'" : "'r\(r)'"
        }
    }
}

extension String {
    func replacingAll(_ target: Character, _ replacement: String) -> String {
        var out = ""
        for ch in self { if ch == target { out += replacement } else { out.append(ch) } }
        return out
    }
}
