import Foundation
import Introspect
import ModelDSL
import TestSupport
import Testing

@testable import Autogen

/// Issue #13 item 1: `check` and `revision --autogenerate` read every schema the model names,
/// not only the connection's current one, and create a schema the database lacks.
@Suite struct NamedSchemaCompareTests {
    static let model = Schema {
        Enum("state", ["open", "paid"], schema: "billing")
        Table("account") { Column("id", .integer).primaryKey() }
        Table("invoice", schema: "billing") {
            Column("id", .integer).primaryKey()
            Column("state", .enumeration("state", schema: "billing")).notNull()
            Column("account_id", .integer).references("account", "id")
        }
    }

    @Test func aSchemaTheDatabaseLacksIsCreatedFirstAndDroppedLast() throws {
        var options = CompareOptions()
        options.databaseSchemas = []
        let ops = Comparer.compare(
            model: Self.model, database: Schema(tables: []), dialect: PostgresDialect.self, options: options
        ).ops
        #expect(ops.first == .createSchema("billing"))
        #expect(ops.filter { if case .createSchema = $0 { return true } else { return false } }.count == 1)
        #expect(ops.undoingOps?.last == .dropSchema("billing"))
        #expect(SwiftRenderer.lines(.createSchema("billing")) == [#"try op.createSchema("billing")"#])
        let empty = Schema(tables: [])
        #expect(
            try PostgresDialect.statements(for: .createSchema("billing"), in: empty).map(\.sql) == [
                #"CREATE SCHEMA "billing""#
            ])
        #expect(
            try PostgresDialect.statements(for: .dropSchema("billing"), in: empty).map(\.sql) == [
                #"DROP SCHEMA "billing""#
            ])

        options.databaseSchemas = ["billing"]
        let existing = Comparer.compare(
            model: Self.model, database: Schema(tables: []), dialect: PostgresDialect.self, options: options
        ).ops
        #expect(!existing.contains(.createSchema("billing")))
        // Unknown (no catalog said): nothing assumed.
        let unknown = Comparer.compare(model: Self.model, database: Schema(tables: []), dialect: PostgresDialect.self)
            .ops
        #expect(!unknown.contains(.createSchema("billing")))
    }

    @Test func everySchemaTheModelOrTheOptionsNameIsRead() {
        var options = CompareOptions()
        options.schemas = [nil, "audit"]
        #expect(PostgresBackend.schemasNamed(by: Self.model, options: options) == ["audit", "billing"])
        let foreign = Schema {
            Table("t") {
                Column("id", .integer).primaryKey()
                Column("o", .integer).references("other", "id", schema: "crm")
                Column("tags", .array(.enumeration("tag", schema: "lookup")))
            }
        }
        #expect(PostgresBackend.schemasNamed(by: foreign, options: CompareOptions()) == ["crm", "lookup"])
    }
}

@Suite(.serialized) struct PostgresNamedSchemaTests {
    @Test(.enabled(if: TestPostgres.isConfigured)) func aModelInAnotherSchemaConvergesBothWays() async throws {
        try await withTemporaryPostgres { url in
            let connection = try PostgresConnection(url)
            defer { connection.close() }
            let migration = try OneRevisionMigration(.postgresql(url))
            let up = try migration.compare(NamedSchemaCompareTests.model)
            #expect(up.first == .createSchema("billing"), "\(up)")
            try await migration.upgrade(up)
            // Before this issue: `createTable("invoice", schema: "billing")` again, though it exists.
            let after = try migration.compare(NamedSchemaCompareTests.model)
            #expect(after.isEmpty, "\(after)")
            try connection.execute("INSERT INTO account VALUES (1); INSERT INTO billing.invoice VALUES (1, 'open', 1)")
            let rows = try connection.query("SELECT state::text FROM billing.invoice")
            #expect(rows.rowCount == 1)
            // Down: the schema goes last, once it is empty (the rows go with the tables).
            try await migration.downgrade(up)
            let schemas = try connection.query("SELECT count(*) FROM pg_namespace WHERE nspname = 'billing'")
            #expect(schemas.int(0, 0) == 0)
        }
    }

    @Test(.enabled(if: TestPostgres.isConfigured)) func aSchemaThatHoldsOtherObjectsIsNotDropped() async throws {
        try await withTemporaryPostgres { url in
            let connection = try PostgresConnection(url)
            defer { connection.close() }
            let migration = try OneRevisionMigration(.postgresql(url))
            let up = try migration.compare(NamedSchemaCompareTests.model)
            try await migration.upgrade(up)
            // Something the model does not know about lives in billing now.
            try connection.execute("CREATE TABLE billing.notes (id integer)")
            await #expect(throws: (any Error).self) { try await migration.downgrade(up) }
            // The database refused, the downgrade rolled back: everything is still there.
            let tables = try connection.query("SELECT count(*) FROM pg_tables WHERE schemaname = 'billing'")
            #expect(tables.int(0, 0) == 2)
        }
    }
}

@Suite struct SQLiteNamedSchemaTests {
    @Test func aModelThatNamesASchemaIsRefusedOnSQLite() throws {
        let problems = SQLiteDialect.identifierProblems(NamedSchemaCompareTests.model)
        #expect(
            problems == [
                "table \"billing.invoice\" names a schema; SQLite has none (declare it without `schema:`)",
                "enum \"billing.state\" names a schema; SQLite has none (declare it without `schema:`)",
            ])
        #expect(SQLiteDialect.identifierProblems(Schema { Table("t") { Column("id", .integer) } }).isEmpty)
    }
}

/// Found in review: with a current schema other than `public`, a model that names `public`
/// explicitly meant the current schema to compare, and every table of `public` was dropped.
@Suite struct PostgresCurrentSchemaTests {
    @Test(.enabled(if: TestPostgres.isConfigured)) func theCurrentSchemaIsWhateverTheConnectionSays() async throws {
        try await withTemporaryPostgres { url in
            let connection = try PostgresConnection(url)
            defer { connection.close() }
            try connection.execute(
                """
                CREATE SCHEMA app; ALTER DATABASE \(PostgresDialect.quoteIdentifier(url.database ?? "")) SET search_path = app;
                CREATE TABLE app.mine (id integer PRIMARY KEY); CREATE TABLE public.invoice (id integer PRIMARY KEY)
                """)
            let migration = try OneRevisionMigration(.postgresql(url))
            let model = Schema {
                Table("mine") { Column("id", .integer).primaryKey() }
                Table("invoice", schema: "public") { Column("id", .integer).primaryKey() }
            }
            let ops = try migration.compare(model)
            #expect(ops.isEmpty, "\(ops)")
            // And `app` named explicitly is the current schema too.
            let explicit = Schema {
                Table("mine", schema: "app") { Column("id", .integer).primaryKey() }
                Table("invoice", schema: "public") { Column("id", .integer).primaryKey() }
            }
            let explicitOps = try migration.compare(explicit)
            #expect(explicitOps.isEmpty, "\(explicitOps)")
        }
    }
}

/// A foreign key into another schema (`auth.users`) reads that schema for the target, but
/// never compares it whole: its other tables are not the model's to drop.
@Suite struct PostgresForeignSchemaTests {
    @Test(.enabled(if: TestPostgres.isConfigured)) func aSchemaOnlyReferencedIsReadNotCompared() async throws {
        try await withTemporaryPostgres { url in
            let connection = try PostgresConnection(url)
            defer { connection.close() }
            try connection.execute(
                """
                CREATE SCHEMA auth; CREATE TABLE auth.users (id integer PRIMARY KEY);
                CREATE TABLE auth.sessions (id integer PRIMARY KEY)
                """)
            let model = Schema {
                Table("profile") {
                    Column("id", .integer).primaryKey()
                    Column("user_id", .integer).references("users", "id", schema: "auth")
                }
            }
            let migration = try OneRevisionMigration(.postgresql(url))
            let ops = try migration.compare(model)
            #expect(ops.count == 1, "\(ops)")
            #expect(ops.allSatisfy { if case .createTable = $0 { return true } else { return false } })
            try await migration.upgrade(ops)
            #expect(try migration.compare(model).isEmpty)
            // A target that does not exist is still refused before any change.
            let missing = Schema {
                Table("profile") {
                    Column("id", .integer).primaryKey()
                    Column("user_id", .integer).references("people", "id", schema: "auth")
                }
            }
            #expect(throws: ModelError.self) { try migration.compare(missing) }
        }
    }

    /// Review finding: a key with no schema names the default schema's table, also when it is
    /// declared in another schema; the referred table is created first.
    @Test func aKeyToTheDefaultSchemaIsCreatedAfterItsTarget() {
        let order = CreationOrder([
            Table("invoice", schema: "billing") {
                Column("id", .integer).primaryKey()
                Column("order_id", .integer).references("order", "id")
            },
            Table("order") {
                Column("id", .integer).primaryKey()
                Column("account_id", .integer).references("zone", "id", schema: "billing")
            },
            Table("zone", schema: "billing") { Column("id", .integer).primaryKey() },
        ])
        #expect(order.tables.map(\.qualifiedName) == ["billing.zone", "order", "billing.invoice"])
        #expect(order.deferred.isEmpty)
    }
}
