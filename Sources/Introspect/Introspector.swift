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
            return try PostgresCatalogReader.introspect(parts, schemas: schemas, excludeSchemas: excludeSchemas)
        case .sqlite(let path):
            let connection = try SQLiteConnection(path: path, create: false)
            let schema = try SQLiteCatalogReader(connection: connection).read()
            return Result(schema: schema, queryCount: connection.queryCount)
        }
    }
}
