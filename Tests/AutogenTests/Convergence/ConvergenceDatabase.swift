import Introspect
import ModelDSL
import TestSupport

@testable import Autogen

/// A database the convergence tests migrate: create, fill, read back, run SQL.
protocol ConvergenceDatabase {
    /// Where `MigrationRunner` connects: the same database as the connection below.
    var url: DatabaseURL { get }
    var dialect: any SQLCompiling.Type { get }
    var randomDialect: RandomSchema.Dialect { get }
    func reset() throws
    func execute(_ sql: String) throws
    func introspect() throws -> Schema
    /// Each row's columns as text, rows in primary-key order.
    func rows(of table: String, columns: [String], orderBy: [String]) throws -> [[String?]]
    /// Answers for defaults text cannot compare.
    func answers(_ questions: [DefaultQuestion]) -> [DefaultQuestion: Bool]
    func createStatements(for schema: Schema) -> [String]
    func quote(_ name: String) -> String
}

struct SQLiteConvergenceDatabase: ConvergenceDatabase {
    let connection: SQLiteConnection
    let url: DatabaseURL
    var dialect: any SQLCompiling.Type { SQLiteDialect.self }
    var randomDialect: RandomSchema.Dialect { .sqlite }

    func reset() throws {
        try connection.execute("PRAGMA foreign_keys = OFF")
        let tables = try connection.query(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        for row in tables {
            if case .text(let name) = row[0] {
                try connection.execute("DROP TABLE " + SQLiteDialect.quoteIdentifier(name))
            }
        }
        try connection.execute("PRAGMA foreign_keys = ON")
    }

    func execute(_ sql: String) throws { try connection.execute(sql) }

    func introspect() throws -> Schema { try SQLiteCatalogReader(connection: connection).read() }

    func rows(of table: String, columns: [String], orderBy: [String]) throws -> [[String?]] {
        let list = columns.map { "CAST(\(quote($0)) AS TEXT)" }.joined(separator: ", ")
        let order = orderBy.map(quote).joined(separator: ", ")
        return try connection.query("SELECT \(list) FROM \(quote(table)) ORDER BY \(order)").map { row in
            row.map { value -> String? in
                if case .text(let s) = value { return s }
                if case .null = value { return nil }
                return "\(value)"
            }
        }
    }

    func answers(_ questions: [DefaultQuestion]) -> [DefaultQuestion: Bool] { [:] }
    func createStatements(for schema: Schema) -> [String] { SQLiteDialect.createStatements(for: schema) }
    func quote(_ name: String) -> String { SQLiteDialect.quoteIdentifier(name) }
}

struct PostgresConvergenceDatabase: ConvergenceDatabase {
    let connection: PostgresConnection
    let url: DatabaseURL
    /// The connection's current schema, where the tables go (`public` unless the database's
    /// `search_path` says otherwise).
    var schema = "public"
    var dialect: any SQLCompiling.Type { PostgresDialect.self }
    var randomDialect: RandomSchema.Dialect { .postgresql }

    func reset() throws {
        try connection.execute("DROP SCHEMA \(quote(schema)) CASCADE; CREATE SCHEMA \(quote(schema))")
        let enums = try connection.query(
            "SELECT typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = $1 AND t.typtype = 'e'",
            [schema])
        for row in 0..<enums.rowCount {
            if let name = enums[row, 0] { try connection.execute("DROP TYPE " + quote(name)) }
        }
    }

    func execute(_ sql: String) throws { try connection.execute(sql) }

    func introspect() throws -> Schema { try PostgresCatalogReader(connection: connection).read() }

    func rows(of table: String, columns: [String], orderBy: [String]) throws -> [[String?]] {
        let list = columns.map { "CAST(\(quote($0)) AS TEXT)" }.joined(separator: ", ")
        let order = orderBy.map(quote).joined(separator: ", ")
        let result = try connection.query("SELECT \(list) FROM \(quote(table)) ORDER BY \(order)")
        return (0..<result.rowCount).map { r in (0..<result.columnCount).map { c in result[r, c] } }
    }

    func answers(_ questions: [DefaultQuestion]) -> [DefaultQuestion: Bool] {
        PostgresDefaultOracle.answers(questions, connection: connection)
    }

    func createStatements(for schema: Schema) -> [String] { PostgresDialect.createStatements(for: schema) }
    func quote(_ name: String) -> String { PostgresDialect.quoteIdentifier(name) }
}
