import ModelDSL

/// SQLite converts a value to its column's type affinity when it stores it, defaults included:
/// on an INTEGER column `DEFAULT '5'` stores the integer 5, on a TEXT column `DEFAULT 5` stores
/// the text '5'. Two literal defaults that store the same value are the same default.
extension SQLiteDialect {
    /// A column's type affinity (https://www.sqlite.org/datatype3.html, 3.1).
    public enum Affinity: Sendable, Hashable { case integer, text, blob, real, numeric }

    /// The affinity of the type `typeSQL` declares for `type`, by SQLite's rules on the name.
    public static func affinity(_ type: ColumnType) -> Affinity {
        let name = typeSQL(type).uppercased()
        if name.contains("INT") { return .integer }
        if name.contains("CHAR") || name.contains("CLOB") || name.contains("TEXT") { return .text }
        if name.contains("BLOB") || name.isEmpty { return .blob }
        if name.contains("REAL") || name.contains("FLOA") || name.contains("DOUB") { return .real }
        return .numeric
    }

    /// A literal default as SQLite stores it in a column of `type`; nil for SQL expressions and
    /// for conversions this does not model exactly (then the spellings are compared).
    public static func storedLiteral(_ value: DefaultValue, for type: ColumnType) -> StoredLiteral? {
        let affinity = affinity(type)
        switch value {
        case .sql: return nil
        case .boolean(let flag): return number(flag ? "1" : "0", affinity)
        case .integer(let n): return number(String(n), affinity)
        case .decimal(let text): return number(text, affinity)
        case .string(let text):
            switch affinity {
            case .integer, .numeric, .real:
                // Text that is a well-formed number becomes that number (text with spaces
                // around it is left to the spelling comparison).
                if Double(text) != nil, text.allSatisfy({ "0123456789+-.eE".contains($0) }) {
                    return number(text, affinity)
                }
                return .text(text)
            case .text, .blob: return .text(text)
            }
        }
    }

    /// A value as stored: an integer, a real, or text.
    public enum StoredLiteral: Sendable, Hashable {
        case integer(Int64)
        case real(Double)
        case text(String)
    }

    /// A number literal under `affinity`: INTEGER and NUMERIC keep integral values as
    /// integers, REAL keeps reals, TEXT keeps an integer's digits (a real's text is left to
    /// the spelling comparison: SQLite writes it with 15 significant digits).
    private static func number(_ text: String, _ affinity: Affinity) -> StoredLiteral? {
        let isInteger = Int64(text) != nil
        switch affinity {
        case .text:
            guard let n = Int64(text) else { return nil }
            return .text(String(n))
        case .blob:
            if let n = Int64(text) { return .integer(n) }
            return Double(text).map(StoredLiteral.real)
        case .real:
            return Double(text).map(StoredLiteral.real)
        case .integer, .numeric:
            if let n = Int64(text) { return .integer(n) }
            guard let d = Double(text), d.isFinite else { return nil }
            // 5.0 is stored as the integer 5 (exactly representable integers only).
            if !isInteger, d == d.rounded(), abs(d) < 9.0e15 { return .integer(Int64(d)) }
            return .real(d)
        }
    }
}
