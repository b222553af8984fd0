import Introspect
import ModelDSL

extension PostgresBackend {
    /// `pg_class.reltuples` (the planner's estimate, nil before the first ANALYZE) and
    /// `pg_total_relation_size` (table, indexes and TOAST), in one query.
    func tableSizes(_ url: DatabaseURL, tables: [TableRef]) throws -> [TableRef: TableSize] {
        guard case .postgresql(let parts) = url else { preconditionFailure("not a PostgreSQL URL: \(url)") }
        guard !tables.isEmpty else { return [:] }
        let connection = try PostgresConnection(parts)
        defer { connection.close() }
        let names = tables.map { PostgresDialect.qualifiedName($0.name, schema: $0.schema) }
        let result = try connection.query(
            """
            SELECT t.i, c.reltuples::bigint, pg_catalog.pg_total_relation_size(c.oid)
            FROM unnest($1::text[]) WITH ORDINALITY AS t(name, i)
            JOIN pg_catalog.pg_class c ON c.oid = pg_catalog.to_regclass(t.name)
            """, [PostgresCatalogReader.textArrayLiteral(names)])
        var sizes: [TableRef: TableSize] = [:]
        for row in 0..<result.rowCount {
            guard let position = result[row, 0].flatMap({ Int($0) }), position >= 1, position <= tables.count else {
                continue
            }
            let rows = result[row, 1].flatMap { Int64($0) }
            sizes[tables[position - 1]] = TableSize(
                rows: rows.flatMap { $0 < 0 ? nil : $0 }, bytes: result[row, 2].flatMap { Int64($0) })
        }
        return sizes
    }
}
