import Introspect
import ModelDSL

/// The runtime's view of a dialect: its SQL compiler, quoting, and how its transactions
/// start (`BEGIN IMMEDIATE` takes SQLite's write lock at once).
enum RuntimeDialect: Sendable {
    case postgresql
    case sqlite

    init(_ url: DatabaseURL) {
        switch url {
        case .postgresql: self = .postgresql
        case .sqlite: self = .sqlite
        }
    }

    var compiler: any SQLCompiling.Type {
        switch self {
        case .postgresql: return PostgresDialect.self
        case .sqlite: return SQLiteDialect.self
        }
    }

    func quote(_ name: String) -> String {
        switch self {
        case .postgresql: return PostgresDialect.quoteIdentifier(name)
        case .sqlite: return SQLiteDialect.quoteIdentifier(name)
        }
    }

    func literal(_ text: String) -> String {
        switch self {
        case .postgresql: return PostgresDialect.quoteLiteral(text)
        case .sqlite: return SQLiteDialect.quoteLiteral(text)
        }
    }

    /// `"schema"."name"` or `"name"`.
    func qualified(_ name: String, schema: String?) -> String {
        (schema.map { quote($0) + "." } ?? "") + quote(name)
    }

    /// What a run sets before its first transaction and after its last: SQLite's table
    /// rebuilds run with foreign keys off (a PRAGMA that has no effect inside a transaction).
    var runStart: String? { self == .sqlite ? "PRAGMA foreign_keys = OFF" : nil }
    var runEnd: String? { self == .sqlite ? "PRAGMA foreign_keys = ON" : nil }

    /// `BEGIN` (PostgreSQL) or `BEGIN IMMEDIATE` (SQLite: takes the write lock now, so that
    /// the version table read next cannot change under the run).
    var begin: String { self == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN" }
}
