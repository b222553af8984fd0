/// A value bound to a SQLite statement parameter or read from a result column.
public enum SQLiteValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

extension SQLiteValue {
    /// The text, when the value is `.text`.
    public var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    /// The integer, when the value is `.integer`.
    public var integer: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }
}
