import CAutogenSQLite

/// The current row of a statement being stepped by `SQLiteConnection.forEachRow`: reads
/// columns straight from SQLite without boxing them into `SQLiteValue`.
///
/// Valid only inside the closure it is passed to; do not keep it.
public struct SQLiteRow {
    let statement: OpaquePointer

    /// The number of result columns.
    public var columnCount: Int { Int(sqlite3_column_count(statement)) }

    /// Whether column `index` (0-based) is NULL.
    public func isNull(_ index: Int) -> Bool {
        sqlite3_column_type(statement, Int32(index)) == SQLITE_NULL
    }

    /// Column `index` as text, or `nil` when it is NULL (numbers are converted to text).
    public func string(_ index: Int) -> String? {
        let column = Int32(index)
        guard sqlite3_column_type(statement, column) != SQLITE_NULL,
            let text = sqlite3_column_text(statement, column)
        else { return nil }
        let length = Int(sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self)
    }

    /// Column `index` as an integer (0 when it is NULL).
    public func int(_ index: Int) -> Int64 {
        sqlite3_column_int64(statement, Int32(index))
    }

    /// Column `index` as a boxed value.
    public func value(_ index: Int) -> SQLiteValue {
        let column = Int32(index)
        switch sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, column))
        case SQLITE_TEXT: return string(index).map(SQLiteValue.text) ?? .null
        case SQLITE_BLOB:
            let length = Int(sqlite3_column_bytes(statement, column))
            guard length > 0, let bytes = sqlite3_column_blob(statement, column) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: length)))
        default: return .null
        }
    }
}
