import Foundation
import Introspect
import ModelDSL
import ModelReader
import TestSupport
import Testing

@testable import Autogen

/// Issue #13 item 3: domains (base type, default, NOT NULL, named checks, collation) and
/// composite types are read, written by inspect, created before the tables that use them
/// (arrays too), altered in place and dropped after.
@Suite(.serialized) struct PostgresTypeTests {
    static let original = #"""
        CREATE DOMAIN positive_int AS integer DEFAULT 1 NOT NULL CONSTRAINT positive_int_check CHECK (VALUE > 0);
        CREATE DOMAIN us_zip AS text COLLATE "C" CHECK (VALUE ~ '^\d{5}$');
        CREATE TYPE address AS (street text, zip us_zip);
        CREATE TABLE customer (id positive_int PRIMARY KEY, home address, others address[], qty positive_int);
        INSERT INTO customer VALUES (1, ROW('Main St', '12345'), ARRAY[ROW('Side St', '54321')::address], 3)
        """#

    @Test func typesAreWritten() {
        let domain = Domain("positive_int", .integer).default(1).notNull().check("positive_int_check", "VALUE > 0")
        #expect(
            PostgresDialect.createDomainSQL(domain)
                == #"CREATE DOMAIN "positive_int" AS integer DEFAULT 1 NOT NULL CONSTRAINT "positive_int_check" CHECK (VALUE > 0)"#
        )
        #expect(
            SwiftSchemaSource.domain(domain)
                == #"Domain("positive_int", .integer).default(1).notNull().check("positive_int_check", "VALUE > 0")"#)
        let address = CompositeType("address", attributes: [Column("street", .text), Column("zip", .raw("us_zip"))])
        #expect(
            PostgresDialect.createCompositeTypeSQL(address)
                == #"CREATE TYPE "address" AS ("street" text, "zip" us_zip)"#)
        #expect(
            SQLiteDialect.identifierProblems(Schema { domain })
                == [#"domain "positive_int": SQLite has no domains"#])
    }

    /// An attribute the model no longer has is dropped from every column of the type: said.
    @Test func droppingAnAttributeWarnsOfItsValues() {
        let full = CompositeType("address", attributes: [Column("street", .text), Column("zip", .text)])
        let less = CompositeType("address", attributes: [Column("street", .text)])
        let result = Comparer.compare(
            model: Schema(tables: [], compositeTypes: [less]), database: Schema(tables: [], compositeTypes: [full]),
            dialect: PostgresDialect.self)
        #expect(result.ops == [.alterCompositeType(Change(from: full, to: less))])
        #expect(
            result.diagnostics.map(\.message) == [
                "dropping attribute zip of composite type address loses its values in the columns of that type"
            ])
        #expect(result.diagnostics.map(\.kind) == [.dropsData])
    }

    @Test(.enabled(if: TestPostgres.isConfigured)) func aSchemaWithTypesRoundTripsAndChangesConverge() async throws {
        try await withTemporaryPostgres { source in
            try OneRevisionMigration.load(Self.original, into: source)
            let read = try OneRevisionMigration.catalog(source)
            #expect(read.domains.map(\.name) == ["positive_int", "us_zip"])
            #expect(read.domains.last?.collation == "C" && read.domains.last?.checks.map(\.name) == ["us_zip_check"])
            #expect(read.compositeTypes.first?.attributes.map(\.type) == [.text, .raw("us_zip")])
            #expect(read.table("customer")?.column("others")?.type == .array(.raw("address")))
            let model = try OneRevisionMigration.inspectedModel(read)
            #expect(try OneRevisionMigration(.postgresql(source)).compare(model).isEmpty)

            try await withTemporaryPostgres { url in
                let connection = try PostgresConnection(url)
                defer { connection.close() }
                let migration = try OneRevisionMigration(.postgresql(url))
                try await migration.upgrade(try migration.compare(model))
                #expect(try migration.compare(model).isEmpty)
                let rebuilt = try OneRevisionMigration.catalog(url)
                #expect(rebuilt == read)
                try connection.execute(
                    "INSERT INTO customer VALUES (1, ROW('Main St', '12345'), NULL, 3)")

                // A domain's default dropped and check changed, in place; the rows are checked.
                try await migration.runner.stamp(["base"])
                var changed = model
                changed.domains[0] = Domain("positive_int", .integer).notNull().check(
                    "positive_int_check", "VALUE > 0 AND VALUE < 100")
                let alter = try migration.compare(changed)
                #expect(alter.count == 1, "\(alter)")
                try await migration.upgrade(alter)
                #expect(try migration.compare(changed).isEmpty)
                try await migration.downgrade(alter)
                #expect(try migration.compare(model).isEmpty)
                #expect(try runtimeQuery(.postgresql(url), "SELECT (home).zip FROM customer") == [["12345"]])

                // A domain a column uses cannot be dropped: the database refuses.
                var without = model
                without.domains.removeAll { $0.name == "positive_int" }
                let drop = try migration.compare(without)
                #expect(drop.contains(.dropDomain(model.domains[0])), "\(drop)")
                await #expect(throws: (any Error).self) { try await migration.upgrade(drop) }
            }
        }
    }

    @Test(.enabled(if: TestPostgres.isConfigured)) func aCompositeTypeGainsAnAttributeInPlace() async throws {
        try await withTemporaryPostgres { url in
            func model(_ attributes: [Column]) -> Schema {
                Schema { CompositeType("point3", attributes: attributes) }
            }
            let two = model([Column("x", .integer), Column("y", .integer)])
            let three = model([Column("x", .integer), Column("y", .bigint), Column("z", .integer)])
            let migration = try OneRevisionMigration(.postgresql(url))
            try await migration.upgrade(try migration.compare(two))
            try await migration.runner.stamp(["base"])
            let alter = try migration.compare(three)
            #expect(alter.count == 1, "\(alter)")
            try await migration.upgrade(alter)
            #expect(try migration.compare(three).isEmpty)
            try await migration.downgrade(alter)
            #expect(try migration.compare(two).isEmpty)
        }
    }
}
