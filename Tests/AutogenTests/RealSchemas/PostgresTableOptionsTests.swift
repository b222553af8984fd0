import Foundation
import Introspect
import ModelDSL
import TestSupport
import Testing

@testable import Autogen

/// Issue #13 item 9: `UNLOGGED` tables are read, created, compared and switched both ways
/// with their rows kept.
@Suite(.serialized) struct PostgresTableOptionsTests {
    static func model(unlogged: Bool) -> Schema {
        Schema {
            Table("event") {
                Column("id", .integer).primaryKey()
                Column("payload", .text)
            }
            .unlogged(unlogged)
        }
    }

    static func persistence(_ connection: PostgresConnection) throws -> String? {
        try connection.query("SELECT relpersistence::text FROM pg_class WHERE relname = 'event'").optionalString(0, 0)
    }

    @Test func unloggedIsWrittenReadAndRendered() throws {
        let table = Self.model(unlogged: true).tables[0]
        #expect(PostgresDialect.createTableSQL(table).hasPrefix("CREATE UNLOGGED TABLE \"event\""))
        #expect(ModelSourceRenderer.render(Self.model(unlogged: true)).contains("}\n    .unlogged()\n"))
        #expect(SwiftRenderer.lines(.createTable(table))[0] == #"try op.createTable("event", unlogged: true) {"#)
        let json = try JSONEncoder().encode(Self.model(unlogged: true))
        #expect(try JSONDecoder().decode(Schema.self, from: json) == Self.model(unlogged: true))
        #expect(
            !String(decoding: try JSONEncoder().encode(Self.model(unlogged: false)), as: UTF8.self).contains("unlogged")
        )
        // Applying ops keeps the flag (review: every table change rebuilt the table without it).
        let start = Schema(tables: [Self.model(unlogged: false).tables[0]])
        let switched = try start.applying([
            .setTableUnlogged(TableRef("event"), Change(from: false, to: true)),
            .addColumn(TableRef("event"), Column("extra", .text)),
        ])
        #expect(switched.table("event")?.unlogged == true)
        #expect(Self.model(unlogged: true).mappingExpressions { $0 }.tables[0].unlogged)
        #expect(
            SQLiteDialect.identifierProblems(Self.model(unlogged: true))
                == ["table \"event\" is unlogged; SQLite has no unlogged tables"])
    }

    @Test(.enabled(if: TestPostgres.isConfigured)) func unloggedConvergesBothWaysWithRowsKept() async throws {
        try await withTemporaryPostgres { url in
            let connection = try PostgresConnection(url)
            defer { connection.close() }
            let migration = try OneRevisionMigration(.postgresql(url))
            // Created unlogged from an empty database.
            let create = try migration.compare(Self.model(unlogged: true))
            try await migration.upgrade(create)
            #expect(try Self.persistence(connection) == "u")
            #expect(try migration.compare(Self.model(unlogged: true)).isEmpty)
            try await migration.downgrade(create)

            // Switched both ways, rows kept.
            try connection.execute("CREATE UNLOGGED TABLE event (id integer PRIMARY KEY, payload text)")
            try connection.execute("INSERT INTO event VALUES (1, 'a'), (2, 'b')")
            let logged = try migration.compare(Self.model(unlogged: false))
            #expect(logged == [.setTableUnlogged(TableRef("event"), Change(from: true, to: false))], "\(logged)")
            try await migration.upgrade(logged)
            #expect(try Self.persistence(connection) == "p")
            #expect(try migration.compare(Self.model(unlogged: false)).isEmpty)
            try await migration.downgrade(logged)
            #expect(try Self.persistence(connection) == "u")
            #expect(try connection.query("SELECT count(*) FROM event").int(0, 0) == 2)
        }
    }

    /// Found in review: PostgreSQL refuses `SET UNLOGGED` on a table a logged table still
    /// references, and `SET LOGGED` on one that references an unlogged table; switched tables
    /// linked by a foreign key go children first to unlogged, parents first back.
    @Test(.enabled(if: TestPostgres.isConfigured)) func tablesLinkedByAKeySwitchInAnOrderPostgreSQLAccepts()
        async throws
    {
        try await withTemporaryPostgres { url in
            let connection = try PostgresConnection(url)
            defer { connection.close() }
            try connection.execute(
                """
                CREATE TABLE account (id integer PRIMARY KEY);
                CREATE TABLE session (id integer PRIMARY KEY, account_id integer REFERENCES account (id));
                INSERT INTO account VALUES (1); INSERT INTO session VALUES (1, 1)
                """)
            let model = Schema {
                Table("account") { Column("id", .integer).primaryKey() }.unlogged()
                Table("session") {
                    Column("id", .integer).primaryKey()
                    Column("account_id", .integer).references("account", "id", name: "session_account_id_fkey")
                }
                .unlogged()
            }
            let migration = try OneRevisionMigration(.postgresql(url))
            let ops = try migration.compare(model)
            #expect(ops.map { $0.table?.name } == ["session", "account"], "\(ops)")
            try await migration.upgrade(ops)
            #expect(try migration.compare(model).isEmpty)
            try await migration.downgrade(ops)
            let persistence = try connection.query(
                "SELECT string_agg(relpersistence::text, '' ORDER BY relname) FROM pg_class WHERE relname IN ('account', 'session')"
            )
            #expect(persistence.optionalString(0, 0) == "pp")
            #expect(try connection.query("SELECT count(*) FROM session").int(0, 0) == 1)
        }
    }

    /// Found in review: a table made unlogged is said, and a table made logged again comes
    /// before a new logged table that references it (PostgreSQL refuses the reference while
    /// the target is unlogged).
    @Test func switchesAreSaidAndOrderedAroundNewTables() {
        let account = Table("account") { Column("id", .integer).primaryKey() }
        let database = Schema(tables: [account.unlogged().named(by: .default)])
        let model = Schema {
            account
            Table("audit") {
                Column("id", .integer).primaryKey()
                Column("account_id", .integer).references("account", "id")
            }
        }
        let logged = Comparer.compare(model: model, database: database, dialect: PostgresDialect.self)
        #expect(logged.ops.map { $0.table?.name } == ["account", "audit"], "\(logged.ops)")
        #expect(!logged.diagnostics.contains { $0.kind == .tableUnlogged })
        let unlogged = Comparer.compare(
            model: Schema(tables: [account.unlogged().named(by: .default)]),
            database: Schema(tables: [account.named(by: .default)]), dialect: PostgresDialect.self)
        #expect(unlogged.diagnostics.map(\.kind) == [.tableUnlogged], "\(unlogged.diagnostics)")
    }

    /// Issue #13 item 9: table storage parameters are read, created, set and reset, rows kept.
    @Test(.enabled(if: TestPostgres.isConfigured)) func storageParametersConvergeBothWays() async throws {
        try await withTemporaryPostgres { url in
            func model(_ storage: [String: String]) -> Schema {
                var table = Table("event") {
                    Column("id", .integer).primaryKey()
                    Column("payload", .text)
                }
                for (key, value) in storage { table = table.with(key, value) }
                return Schema(tables: [table])
            }
            #expect(
                PostgresDialect.createTableSQL(model(["fillfactor": "70"]).tables[0]).hasSuffix(
                    ") WITH (fillfactor = 70)"))
            #expect(
                ModelSourceRenderer.render(model(["fillfactor": "70"])).contains(
                    "}\n    .with(\"fillfactor\", \"70\")\n"))
            let migration = try OneRevisionMigration(.postgresql(url))
            let tuned = model(["fillfactor": "70", "autovacuum_enabled": "FALSE"])
            try await migration.upgrade(try migration.compare(tuned))
            #expect(try migration.compare(tuned).isEmpty)
            _ = try runtimeQuery(.postgresql(url), "INSERT INTO event VALUES (1, 'a')")
            try await migration.runner.stamp(["base"])
            let retuned = model(["fillfactor": "90"])
            let change = try migration.compare(retuned)
            #expect(
                change == [
                    .setTableStorage(
                        TableRef("event"),
                        Change(from: ["fillfactor": "70", "autovacuum_enabled": "false"], to: ["fillfactor": "90"]))
                ], "\(change)")
            try await migration.upgrade(change)
            #expect(try migration.compare(retuned).isEmpty)
            try await migration.downgrade(change)
            #expect(try migration.compare(tuned).isEmpty)
            #expect(try runtimeQuery(.postgresql(url), "SELECT count(*) FROM event") == [["1"]])
            #expect(
                SQLiteDialect.identifierProblems(model(["fillfactor": "70"]))
                    == [#"table "event" has storage parameters; SQLite has none"#])
        }
    }
}
