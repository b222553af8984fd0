import Foundation
import Introspect
import ModelDSL
import TestSupport
import Testing

@testable import Autogen

/// Issue #13 item 8: PostgreSQL extensions are model elements, created before what uses
/// them and dropped after, read from the catalog (PL/pgSQL and the objects an extension owns
/// left out), and written by `inspect`; SQLite refuses them.
@Suite(.serialized) struct PostgresExtensionTests {
    /// pg_trgm always; citext unless `citext` is false.
    static func model(citext: Bool, table: Bool = true) -> Schema {
        Schema {
            if citext { Extension("citext") }
            Extension("pg_trgm", schema: "search")
            if table {
                Table("member") {
                    Column("id", .integer).primaryKey()
                    Column("email", .raw("citext"))
                    Check("member_email_check", "search.similarity(email::text, 'x') >= 0")
                }
            }
        }
    }

    @Test func extensionsAreWrittenReadAndOrdered() throws {
        let model = Self.model(citext: true)
        #expect(model.extensions == [Extension("citext"), Extension("pg_trgm", schema: "search")])
        let source = ModelSourceRenderer.render(model)
        #expect(
            source.contains("    Extension(\"citext\")\n    Extension(\"pg_trgm\", schema: \"search\")\n"), "\(source)")
        #expect(try JSONDecoder().decode(Schema.self, from: try JSONEncoder().encode(model)) == model)
        #expect(!String(decoding: try JSONEncoder().encode(Schema(tables: [])), as: UTF8.self).contains("extensions"))
        #expect(
            try PostgresDialect.statements(
                for: [.createExtension(Extension("pg_trgm", schema: "search"))], current: Schema(tables: [])
            ).map(\.sql) == [#"CREATE EXTENSION IF NOT EXISTS "pg_trgm" WITH SCHEMA "search""#])
        #expect(SwiftRenderer.lines(.createExtension(Extension("citext"))) == [#"try op.createExtension("citext")"#])

        // Created after their schema and before the tables that use them; dropped after.
        var options = CompareOptions()
        options.databaseSchemas = []
        let create = Comparer.compare(
            model: model, database: Schema(tables: []), dialect: PostgresDialect.self, options: options
        ).ops
        #expect(
            Array(create.prefix(3))
                == [
                    .createSchema("search"), .createExtension(Extension("citext")),
                    .createExtension(Extension("pg_trgm", schema: "search")),
                ], "\(create)")
        let drop = Comparer.compare(
            model: Schema { Extension("pg_trgm", schema: "search") }, database: PostgresDialect.storedForm(of: model),
            dialect: PostgresDialect.self)
        #expect(drop.ops.last == .dropExtension(Extension("citext")), "\(drop.ops)")
        #expect(drop.diagnostics.filter { $0.kind == .dropsExtension }.count == 1)
        // A model that declares no extension leaves the database's alone.
        let none = Comparer.compare(
            model: Schema(tables: []), database: PostgresDialect.storedForm(of: model), dialect: PostgresDialect.self)
        #expect(!none.ops.contains { if case .dropExtension = $0 { true } else { false } }, "\(none.ops)")

        #expect(
            SQLiteDialect.identifierProblems(Schema { Extension("citext") })
                == [
                    "extension \"citext\" is a PostgreSQL extension; SQLite has none (load SQLite extensions in env.swift)"
                ]
        )
        #expect(
            Schema {
                Extension("citext"); Extension("citext")
            }.problems() == ["extension \"citext\" is declared twice"])
    }

    @Test(.enabled(if: TestPostgres.isConfigured)) func extensionsConvergeBothWaysWithRowsKept() async throws {
        try await withTemporaryPostgres { url in
            let connection = try PostgresConnection(url)
            defer { connection.close() }
            let migration = try OneRevisionMigration(.postgresql(url))
            // From an empty database: the extensions come first, so citext and similarity() exist.
            let create = try migration.compare(Self.model(citext: true))
            try await migration.upgrade(create)
            #expect(try migration.compare(Self.model(citext: true)).isEmpty)
            // What an extension owns (PostGIS's spatial_ref_sys, say) is not the model's;
            // PL/pgSQL is not read.
            try connection.execute(
                """
                CREATE TABLE ext_owned (id integer); CREATE TYPE ext_mood AS ENUM ('a');
                ALTER EXTENSION citext ADD TABLE ext_owned; ALTER EXTENSION citext ADD TYPE ext_mood
                """)
            let read = try PostgresCatalogReader(connection: connection).read()
            #expect(read.extensions == [Extension("citext"), Extension("pg_trgm", schema: "search")])
            #expect(read.tables.map(\.name).filter { !$0.hasPrefix("autogen_") } == ["member"])
            #expect(read.enums.isEmpty)
            #expect(try migration.compare(Self.model(citext: true)).isEmpty)
            try connection.execute(
                "ALTER EXTENSION citext DROP TABLE ext_owned; ALTER EXTENSION citext DROP TYPE ext_mood; DROP TABLE ext_owned; DROP TYPE ext_mood"
            )
            try connection.execute("INSERT INTO member VALUES (1, 'Ann@Example.org')")
            #expect(
                try connection.query("SELECT count(*) FROM member WHERE email = 'ann@example.org'").int(0, 0) == 1)

            // Dropping an extension a column still uses: the database refuses, nothing is lost.
            let dropUsed = try migration.compare(Self.model(citext: false))
            #expect(dropUsed.contains(.dropExtension(Extension("citext"))), "\(dropUsed)")
            try await migration.runner.stamp(["base"])
            await #expect(throws: (any Error).self) { try await migration.upgrade(dropUsed) }
            #expect(try connection.query("SELECT count(*) FROM member").int(0, 0) == 1)

            // Dropped with what used it, and created again on the way down.
            let dropAll = try migration.compare(Self.model(citext: false, table: false))
            try await migration.upgrade(dropAll)
            #expect(
                try PostgresCatalogReader(connection: connection).read().extensions == [
                    Extension("pg_trgm", schema: "search")
                ])
            try await migration.downgrade(dropAll)
            #expect(try migration.compare(Self.model(citext: true)).isEmpty)
        }
    }
}
