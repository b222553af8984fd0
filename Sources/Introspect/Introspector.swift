import ModelDSL

/// Reads the live schema of any supported database, chosen by its URL.
public enum Introspector {
    /// What one introspection found, and how many statements it sent.
    public struct Result: Sendable {
        public var schema: Schema
        public var queryCount: Int
    }

    /// Connects to `url`, reads its catalog and disconnects.
    ///
    /// - Parameter schemas: PostgreSQL namespaces to read; empty reads the default schema only.
    ///   SQLite has one schema and ignores it.
    public static func read(url: DatabaseURL, schemas: [String] = []) throws(IntrospectError) -> Result {
        switch url {
        case .postgresql(let parts):
            let connection = try PostgresConnection(parts)
            defer { connection.close() }
            let schema = try PostgresCatalogReader(connection: connection).read(schemas: schemas)
            return Result(schema: schema, queryCount: connection.queryCount)
        case .sqlite(let path):
            let connection = try SQLiteConnection(path: path, create: false)
            let schema = try SQLiteCatalogReader(connection: connection).read()
            return Result(schema: schema, queryCount: connection.queryCount)
        }
    }
}
