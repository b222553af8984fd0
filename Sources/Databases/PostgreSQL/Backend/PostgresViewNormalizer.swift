import Introspect
import ModelDSL

/// Asks PostgreSQL for its own form of the model's views, so that compare sees no difference
/// where the server would store the same query (`SELECT a FROM t` is kept as
/// `SELECT t.a FROM t;`).
///
/// Inside a transaction that is always rolled back, each model view whose text differs from
/// the catalog's is created in a scratch schema (first on the search path, so a changed view
/// reading another changed view reads the scratch one, as the migration will) and read back
/// with `pg_get_viewdef`, beside the names and types of the columns of both, which say
/// whether `CREATE OR REPLACE VIEW` can take the new query and give back the old one. Each model query goes through
/// the extended protocol, one statement per call, so a query cannot end the transaction.
/// Materialized views are created `WITH NO DATA`: no query runs. A view the server refuses
/// (it reads a table the database does not have yet) gets no answer, and compare compares
/// its text.
public enum PostgresViewNormalizer {
    public static func forms(model: Schema, database: Schema, connection: PostgresConnection) -> [String:
        ServerViewForm]
    {
        var existing: [String: View] = [:]
        for view in database.views { existing[view.qualifiedName] = view }
        var asked: [(view: View, found: View)] = []
        for view in model.views {
            var found = existing[view.qualifiedName]
            if found == nil, let old = view.renamedFrom {
                found = existing[View(old, schema: view.schema, "").qualifiedName]
            }
            guard let found, view.definition != found.definition || !view.columns.isEmpty else { continue }
            asked.append((view, found))
        }
        guard !asked.isEmpty, connection.isIdle else { return [:] }
        do {
            return try ask(asked, connection)
        } catch {
            try? connection.execute("ROLLBACK")
            return [:]
        }
    }

    private static func ask(_ asked: [(view: View, found: View)], _ connection: PostgresConnection)
        throws(IntrospectError) -> [String: ServerViewForm]
    {
        try connection.execute("BEGIN")
        defer { try? connection.execute("ROLLBACK") }
        let settings = try connection.query(
            "SELECT pg_catalog.current_setting('search_path'), pg_catalog.current_schema()")
        let path = settings.string(0, 0)
        // The database's views by their full names: the scratch schema comes first on the path.
        let current = settings.optionalString(0, 1) ?? "public"
        let tag = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        var scratch: [String: String] = [:]  // original schema ("" default) -> scratch schema
        for schema in Set(asked.map { $0.view.schema ?? "" }).sorted() {
            let name = "autogen_scratch_\(tag)_\(scratch.count)"
            try connection.execute("CREATE SCHEMA " + PostgresDialect.quoteIdentifier(name))
            scratch[schema] = name
        }
        let first = scratch[""] ?? scratch.values.sorted()[0]
        try connection.execute(
            "SET LOCAL search_path = " + PostgresDialect.quoteIdentifier(first) + (path.isEmpty ? "" : ", " + path))
        var keys: [String] = []
        var scratchNames: [String] = []
        var realNames: [String] = []
        let byKey = Dictionary(asked.map { ($0.view.qualifiedName, $0) }) { a, _ in a }
        for view in ViewOrder(asked.map(\.view)).views {
            guard let pair = byKey[view.qualifiedName], let schema = scratch[view.schema ?? ""] else { continue }
            var trial = view
            trial.schema = schema
            trial.withData = false
            trial.indexes = []
            trial.comment = nil
            try connection.execute("SAVEPOINT autogen_view")
            do {
                _ = try connection.query(PostgresDialect.createViewStatements(trial)[0])
                try connection.execute("RELEASE SAVEPOINT autogen_view")
            } catch {
                try connection.execute("ROLLBACK TO SAVEPOINT autogen_view")
                continue
            }
            keys.append(view.qualifiedName)
            scratchNames.append(PostgresDialect.qualifiedName(view.name, schema: schema))
            realNames.append(PostgresDialect.qualifiedName(pair.found.name, schema: pair.found.schema ?? current))
        }
        guard !keys.isEmpty else { return [:] }
        let columns = { (relation: String) in
            """
            ARRAY(SELECT a.attname || ' ' || pg_catalog.format_type(a.atttypid, a.atttypmod)
                  FROM pg_catalog.pg_attribute a WHERE a.attrelid = \(relation) AND a.attnum > 0
                  ORDER BY a.attnum)::pg_catalog.text[]
            """
        }
        let rows = try connection.query(
            """
            SELECT v.key, pg_catalog.pg_get_viewdef(pg_catalog.to_regclass(v.scratch)),
                \(columns("pg_catalog.to_regclass(v.scratch)")), \(columns("pg_catalog.to_regclass(v.real)"))
            FROM unnest($1::pg_catalog.text[], $2::pg_catalog.text[], $3::pg_catalog.text[]) AS v(key, scratch, real)
            """,
            [
                PostgresCatalogReader.textArrayLiteral(keys), PostgresCatalogReader.textArrayLiteral(scratchNames),
                PostgresCatalogReader.textArrayLiteral(realNames),
            ])
        var forms: [String: ServerViewForm] = [:]
        for row in 0..<rows.rowCount {
            guard let definition = rows.optionalString(row, 1) else { continue }
            let new = rows.textArray(row, 2)
            let old = rows.textArray(row, 3)
            forms[rows.string(row, 0)] = ServerViewForm(
                definition: View.trimmed(definition),
                sameColumns: old == new)
        }
        return forms
    }
}
