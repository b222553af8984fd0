import Foundation
import Introspect
import ModelDSL
import ModelReader
import TestSupport
import Testing

@testable import Autogen

/// Issue #13 item 6 (part): EXCLUDE constraints are read, compared (by name and normalized
/// definition), created, changed (dropped and added again) and dropped; SQLite refuses them.
@Suite(.serialized) struct PostgresExclusionTests {
    static func model(_ definition: String?) -> Schema {
        Schema {
            Extension("btree_gist")
            Table("booking") {
                Column("id", .integer).primaryKey()
                Column("room_id", .integer).notNull()
                Column("during", .raw("tstzrange")).notNull()
                Column("cancelled", .boolean).notNull().default(false)
                if let definition { Exclusion("booking_no_overlap", definition) }
            }
        }
    }

    @Test func exclusionsAreWritten() {
        let exclusion = Exclusion("booking_no_overlap", "USING gist (room_id WITH =, during WITH &&)")
        #expect(
            PostgresDialect.exclusionSQL(exclusion)
                == #"CONSTRAINT "booking_no_overlap" EXCLUDE USING gist (room_id WITH =, during WITH &&)"#)
        #expect(
            SwiftSchemaSource.exclusion(exclusion)
                == #"Exclusion("booking_no_overlap", "USING gist (room_id WITH =, during WITH &&)")"#)
        #expect(
            SQLiteDialect.identifierProblems(
                Schema {
                    Table("t") {
                        Column("a", .integer); exclusion
                    }
                })
                == [#"table "t" has exclusion constraints; SQLite has none (use a unique index or a trigger)"#])
    }

    @Test(.enabled(if: TestPostgres.isConfigured)) func exclusionsConvergeAndHold() async throws {
        try await withTemporaryPostgres { url in
            let connection = try PostgresConnection(url)
            defer { connection.close() }
            let migration = try OneRevisionMigration(.postgresql(url))
            let plain = Self.model("USING gist (room_id WITH =, during WITH &&)")
            try await migration.upgrade(try migration.compare(plain))
            #expect(try migration.compare(plain).isEmpty)
            let read = try PostgresCatalogReader(connection: connection).read()
            #expect(
                read.table("booking")?.exclusions.first?.definition == "USING gist (room_id WITH =, during WITH &&)")
            let reread = try #require(try ModelReader(source: ModelSourceRenderer.render(read)).schemas["schema"])
            #expect(try migration.compare(reread).isEmpty)
            try connection.execute("INSERT INTO booking VALUES (1, 7, '[2024-01-01, 2024-01-03)', false)")
            #expect(throws: (any Error).self) {
                try connection.execute("INSERT INTO booking VALUES (2, 7, '[2024-01-02, 2024-01-04)', false)")
            }
            // Changed (a WHERE added): dropped and added again; back on the way down.
            try await migration.runner.stamp(["base"])
            let partial = Self.model("USING gist (room_id WITH =, during WITH &&) WHERE (NOT cancelled)")
            let change = try migration.compare(partial)
            #expect(change.count == 2, "\(change)")
            try await migration.upgrade(change)
            #expect(try migration.compare(partial).isEmpty)
            try await migration.downgrade(change)
            #expect(try migration.compare(plain).isEmpty)
            #expect(try connection.query("SELECT count(*) FROM booking").int(0, 0) == 1)
        }
    }
}
