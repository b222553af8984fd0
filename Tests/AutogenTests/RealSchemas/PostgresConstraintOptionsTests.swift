import Foundation
import Introspect
import ModelDSL
import ModelReader
import TestSupport
import Testing

@testable import Autogen

/// Issue #13 item 6 (part): foreign keys and checks held NOT VALID stay so (a model that
/// drops `.notValid()` validates them, which the rows may refuse), and MATCH FULL keys are
/// read, compared and written.
@Suite(.serialized) struct PostgresConstraintOptionsTests {
    static let original = """
        CREATE TABLE parent (id integer PRIMARY KEY);
        CREATE TABLE pair (a integer, b integer, PRIMARY KEY (a, b));
        CREATE TABLE child (id integer PRIMARY KEY, parent_id integer, a integer, pa integer, pb integer);
        INSERT INTO child VALUES (1, 99, -1, NULL, NULL);
        ALTER TABLE child ADD CONSTRAINT child_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES parent (id) NOT VALID;
        ALTER TABLE child ADD CONSTRAINT child_a_check CHECK (a > 0) NOT VALID;
        ALTER TABLE child ADD CONSTRAINT child_pair_fkey FOREIGN KEY (pa, pb) REFERENCES pair (a, b) MATCH FULL
        """

    @Test func optionsAreWritten() {
        let key = ForeignKey(["pa", "pb"], references: "pair", ["a", "b"], name: "k").matchFull().notValid()
        #expect(
            PostgresDialect.foreignKeySQL(key)
                == #"CONSTRAINT "k" FOREIGN KEY ("pa", "pb") REFERENCES "pair" ("a", "b") MATCH FULL NOT VALID"#)
        #expect(
            SwiftSchemaSource.foreignKey(key)
                == #"ForeignKey(["pa", "pb"], references: "pair", ["a", "b"], name: "k").matchFull().notValid()"#)
        let table = Table("t") {
            Column("a", .integer)
            Check("t_a_check", "a > 0").notValid()
        }
        #expect(!PostgresDialect.createTableSQL(table).contains("CHECK"))
        #expect(
            PostgresDialect.notValidConstraintStatements(for: table)
                == [#"ALTER TABLE "t" ADD CONSTRAINT "t_a_check" CHECK (a > 0) NOT VALID"#])
        #expect(
            SQLiteDialect.identifierProblems(Schema(tables: [table]))
                == [#"table "t": check "t_a_check" is NOT VALID; SQLite has no such option"#])
    }

    @Test(.enabled(if: TestPostgres.isConfigured)) func notValidStaysAndValidatesWhenAsked() async throws {
        try await withTemporaryPostgres { url in
            let connection = try PostgresConnection(url)
            defer { connection.close() }
            try connection.execute(Self.original)
            let read = try PostgresCatalogReader(connection: connection).read()
            let child = try #require(read.table("child"))
            #expect(child.checks.map(\.notValid) == [true])
            #expect(
                child.foreignKeys.map { "\($0.name!) \($0.matchFull) \($0.notValid)" }.sorted()
                    == ["child_pair_fkey true false", "child_parent_id_fkey false true"])
            let model = try OneRevisionMigration.inspectedModel(read)
            let migration = try OneRevisionMigration(.postgresql(url))
            #expect(try migration.compare(model).isEmpty)

            // The model validates the check: the row that breaks it makes the database refuse.
            var valid = model
            let c = try #require(valid.tables.firstIndex { $0.name == "child" })
            valid.tables[c].checks[0].notValid = false
            let validate = try migration.compare(valid)
            #expect(validate.count == 1, "\(validate)")
            await #expect(throws: (any Error).self) { try await migration.upgrade(validate) }
            try connection.execute("UPDATE child SET a = 1")
            try await migration.upgrade(validate)
            #expect(try migration.compare(valid).isEmpty)
            try await migration.downgrade(validate)
            #expect(try migration.compare(model).isEmpty)
            // A model that says NOT VALID of a validated constraint asks for nothing.
            try connection.execute("ALTER TABLE child VALIDATE CONSTRAINT child_a_check")
            #expect(try migration.compare(model).isEmpty)

            // MATCH FULL changed: the key is dropped and added again.
            var simple = model
            let k = try #require(simple.tables[c].foreignKeys.firstIndex { $0.name == "child_pair_fkey" })
            simple.tables[c].foreignKeys[k].matchFull = false
            #expect(try migration.compare(simple).count == 2)
        }
        // Rebuilt on an empty database: the constraints are NOT VALID there too.
        try await withTemporaryPostgres { url in
            let source = try PostgresConnection(url)
            defer { source.close() }
            try source.execute(Self.original)
            let model = try PostgresCatalogReader(connection: source).read()
            try await withTemporaryPostgres { empty in
                let migration = try OneRevisionMigration(.postgresql(empty))
                try await migration.upgrade(try migration.compare(model))
                #expect(try migration.compare(model).isEmpty)
                let rebuilt = try runtimeQuery(
                    .postgresql(empty),
                    "SELECT conname, convalidated FROM pg_constraint WHERE contype IN ('c', 'f') AND conrelid <> 0 ORDER BY conname"
                )
                #expect(
                    rebuilt == [["child_a_check", "f"], ["child_pair_fkey", "t"], ["child_parent_id_fkey", "f"]],
                    "\(rebuilt)")
            }
        }
    }
}
