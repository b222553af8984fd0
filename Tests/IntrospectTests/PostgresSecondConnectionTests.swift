import Foundation
import ModelDSL
import TestSupport
import Testing

@testable import Introspect

/// The catalog reader's second connection (`PostgresSideQueries`): the same schema as one
/// connection reads, one snapshot for both, and a caller's transaction left as it was.
@Suite(.enabled(if: TestPostgres.isConfigured))
struct PostgresSecondConnectionTests {
    /// A schema holding every kind the reader reads (the shop fixture of the real-schema
    /// round trip).
    static let shop = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../AutogenTests/RealSchemas/Fixtures/shop.pg.sql").standardizedFileURL

    static func read(_ connection: PostgresConnection, secondFrom threshold: Int) throws -> Schema {
        var schema = try PostgresCatalogReader(connection: connection, secondConnectionFromTables: threshold).read(
            schemas: ["billing"], alongsideDefault: true)
        schema.tables.sort { ($0.schema ?? "", $0.name) < ($1.schema ?? "", $1.name) }
        return schema
    }

    @Test func twoConnectionsReadWhatOneReads() throws {
        let sql = try String(contentsOf: Self.shop, encoding: .utf8)
        try TestPostgres.withTemporaryDatabase { _, connection in
            try connection.execute(sql)
            let one = try Self.read(connection, secondFrom: .max)
            let before = connection.queryCount
            let two = try Self.read(connection, secondFrom: 0)
            // The second connection was used: its statements are counted here (22, and the
            // collation names the fixture's own collations need).
            #expect(connection.queryCount - before == 23)
            #expect(one.tables.count > 10)
            #expect(!one.sequences.isEmpty && !one.domains.isEmpty && !one.compositeTypes.isEmpty)
            #expect(!one.enums.isEmpty && !one.extensions.isEmpty)
            #expect(one.tables.contains { !$0.indexes.isEmpty } && one.tables.contains { !$0.foreignKeys.isEmpty })
            #expect(one.tables.contains { !$0.checks.isEmpty } && one.tables.contains { !$0.exclusions.isEmpty })
            #expect(one == two)
            // The reader's transaction is over.
            #expect(connection.isIdle)
        }
    }

    /// The server spells a type outside the search path qualified (`ops.amount`), one on it
    /// bare: the second connection takes the first one's search path, so both spell alike.
    @Test func theSecondConnectionTakesTheSearchPath() throws {
        try TestPostgres.withTemporaryDatabase { _, connection in
            try connection.execute(
                """
                CREATE SCHEMA ops;
                CREATE DOMAIN ops.amount AS integer;
                CREATE TYPE ops.line AS (qty ops.amount);
                CREATE TABLE ops.book (id integer PRIMARY KEY, qty integer CHECK (qty::ops.amount > 0));
                SET search_path = ops, public;
                """)
            func read(secondFrom threshold: Int) throws -> Schema {
                try PostgresCatalogReader(connection: connection, secondConnectionFromTables: threshold).read(
                    schemas: ["ops"])
            }
            let start = connection.queryCount
            let one = try read(secondFrom: .max)
            let oneStatements = connection.queryCount - start
            #expect(one.compositeTypes.first?.attributes.first?.type == .raw("amount"), "\(one.compositeTypes)")
            let middle = connection.queryCount
            #expect(try read(secondFrom: 0) == one)
            // Read on the second connection, not on the first after it failed: 22 statements
            // (the first connection alone skips the operator classes, there being no index; a
            // fallback would run the later queries twice).
            #expect(oneStatements == 17)
            #expect(connection.queryCount - middle == 22)
        }
    }

    /// Inside the caller's transaction the reader sees its uncommitted tables (so it takes no
    /// second connection, which would not) and leaves the transaction open.
    @Test func aCallersTransactionIsReadAndLeftOpen() throws {
        try TestPostgres.withTemporaryDatabase { _, connection in
            try connection.execute("CREATE TABLE kept (id integer PRIMARY KEY)")
            try connection.execute("BEGIN")
            try connection.execute(
                "CREATE TABLE pending (id integer PRIMARY KEY, kept_id integer REFERENCES kept (id))")
            let schema = try PostgresCatalogReader(connection: connection, secondConnectionFromTables: 0).read()
            #expect(Set(schema.tables.map(\.name)) == ["kept", "pending"])
            #expect(schema.tables.first { $0.name == "pending" }?.foreignKeys.count == 1)
            #expect(!connection.isIdle)
            try connection.execute("ROLLBACK")
            let after = try PostgresCatalogReader(connection: connection).read()
            #expect(after.tables.map(\.name) == ["kept"])
        }
    }

    /// What commits while the second connection reads is not half-seen: both connections read
    /// the snapshot of the moment the reader began.
    @Test func bothConnectionsReadOneSnapshot() throws {
        try TestPostgres.withTemporaryDatabase { url, connection in
            try connection.execute("CREATE TABLE parent (id integer PRIMARY KEY)")
            try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            let snapshot = try #require(
                try connection.query("SELECT pg_catalog.pg_export_snapshot()").optionalString(0, 0))
            // Committed after the snapshot: a table with a key, an enum.
            let other = try PostgresConnection(url)
            defer { other.close() }
            try other.execute(
                "CREATE TYPE mood AS ENUM ('ok'); CREATE TABLE child (id integer REFERENCES parent (id))")
            let side = PostgresSideQueries(
                url: url, snapshot: snapshot,
                queries: [
                    .init(sql: PostgresCatalogQueries.enums, parameters: ["{public}"]),
                    .init(sql: "SELECT count(*) FROM pg_catalog.pg_class WHERE relname = 'child'", parameters: []),
                ])
            let (outcome, statements) = side.wait()
            let results = try #require(try outcome?.get())
            #expect(results[0].rowCount == 0)
            #expect(results[1].string(0, 0) == "0")
            #expect(statements == 5)
            try connection.execute("COMMIT")
            // A snapshot no open transaction exports: the second connection is not used (the
            // reader then runs the queries itself), nothing is run.
            let unusable = PostgresSideQueries(
                url: url, snapshot: snapshot, queries: [.init(sql: "SELECT 1", parameters: [])])
            #expect(unusable.wait().results == nil)
        }
    }
}
