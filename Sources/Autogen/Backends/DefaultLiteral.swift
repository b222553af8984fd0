import ModelDSL

/// SQL literals for row values in `bulkInsert` / `bulkDelete`, shared by the dialects:
/// `'text'`, `42`, `1.5`, `TRUE`, raw SQL verbatim, `NULL`.
enum RowLiteral {
    static func sql(_ value: DefaultValue?, quote: (String) -> String) -> String {
        guard let value else { return "NULL" }
        switch value {
        case .string(let s): return quote(s)
        case .integer(let i): return String(i)
        case .decimal(let d): return d
        case .boolean(let b): return b ? "TRUE" : "FALSE"
        case .sql(let s): return s
        }
    }

    /// `INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y')`.
    static func insert(
        into table: String, columns: [String], rows: [[DefaultValue?]], quoteIdentifier: (String) -> String,
        quote: (String) -> String
    ) -> String {
        "INSERT INTO \(table) (" + columns.map(quoteIdentifier).joined(separator: ", ") + ") VALUES "
            + rows.map { "(" + $0.map { sql($0, quote: quote) }.joined(separator: ", ") + ")" }.joined(separator: ", ")
    }

    /// `DELETE FROM t WHERE (a = 1 AND b IS NULL) OR (...)`.
    static func delete(
        from table: String, columns: [String], rows: [[DefaultValue?]], quoteIdentifier: (String) -> String,
        quote: (String) -> String
    ) -> String {
        let conditions = rows.map { row in
            "("
                + zip(columns, row).map { column, value in
                    quoteIdentifier(column) + (value == nil ? " IS NULL" : " = " + sql(value, quote: quote))
                }.joined(separator: " AND ") + ")"
        }
        return "DELETE FROM \(table) WHERE " + conditions.joined(separator: " OR ")
    }
}
