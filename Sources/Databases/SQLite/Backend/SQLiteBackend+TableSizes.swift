import Introspect
import ModelDSL

extension SQLiteBackend {
    /// `SELECT count(*)` of each table: SQLite keeps no estimate, and its files are local.
    func tableSizes(_ url: DatabaseURL, tables: [TableRef]) throws -> [TableRef: TableSize] {
        guard case .sqlite(let path) = url else { preconditionFailure("not a SQLite URL: \(url)") }
        guard !tables.isEmpty, !isAbsent(url) else { return [:] }
        let connection = try SQLiteConnection(path: path, create: false)
        var sizes: [TableRef: TableSize] = [:]
        for table in tables {
            guard let rows = try? connection.query("SELECT count(*) FROM " + SQLiteDialect.quoteIdentifier(table.name)),
                case .integer(let count)? = rows.first?.first
            else { continue }
            sizes[table] = TableSize(rows: count)
        }
        return sizes
    }
}
