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
}
