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
    /// - Parameters:
    ///   - schemas: PostgreSQL namespaces to read; empty reads the default schema only (or,
    ///     with `excludeSchemas`, every schema but those). SQLite has one schema.
    ///   - excludeSchemas: PostgreSQL namespaces to leave out.
    public static func read(url: DatabaseURL, schemas: [String] = [], excludeSchemas: [String] = [])
        throws(IntrospectError)
        -> Result
    {
        switch url {
        case .postgresql(let parts):
            let connection = try PostgresConnection(parts)
            defer { connection.close() }
            var included = schemas
            if included.isEmpty && !excludeSchemas.isEmpty {
                // Every user schema (not pg_*, not information_schema) but the excluded ones.
                let all = try connection.query(
                    "SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' ORDER BY nspname"
                )
                included = (0..<all.rowCount).compactMap { all[$0, 0] }
            }
            included.removeAll { excludeSchemas.contains($0) }
            if included.isEmpty && !excludeSchemas.isEmpty {
                return Result(schema: Schema(tables: []), queryCount: connection.queryCount)
            }
            let schema = try PostgresCatalogReader(connection: connection).read(schemas: included)
            return Result(schema: schema, queryCount: connection.queryCount)
        case .sqlite(let path):
            let connection = try SQLiteConnection(path: path, create: false)
            let schema = try SQLiteCatalogReader(connection: connection).read()
            return Result(schema: schema, queryCount: connection.queryCount)
        }
    }
}
