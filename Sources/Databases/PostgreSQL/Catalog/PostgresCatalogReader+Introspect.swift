import ModelDSL

extension PostgresCatalogReader {
    /// `Introspector.read` for PostgreSQL: connects, reads `schemas` (or, with only
    /// `excludeSchemas`, every user schema but those: not `pg_*`, not `information_schema`),
    /// and disconnects.
    static func introspect(_ url: DatabaseURL.PostgresURL, schemas: [String], excludeSchemas: [String])
        throws(IntrospectError) -> Introspector.Result
    {
        let connection = try PostgresConnection(url)
        defer { connection.close() }
        var included = schemas
        if included.isEmpty && !excludeSchemas.isEmpty {
            let all = try connection.query(
                "SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' ORDER BY nspname"
            )
            included = (0..<all.rowCount).compactMap { all[$0, 0] }
        }
        included.removeAll { excludeSchemas.contains($0) }
        if included.isEmpty && !excludeSchemas.isEmpty {
            return Introspector.Result(schema: Schema(tables: []), queryCount: connection.queryCount)
        }
        let schema = try PostgresCatalogReader(connection: connection).read(schemas: included)
        return Introspector.Result(schema: schema, queryCount: connection.queryCount)
    }
}
