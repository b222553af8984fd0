import Introspect
import ModelDSL
import TestSupport
import Testing

@testable import Autogen

/// Item 8 of the data-safety issue: a CHECK on quoted reserved-word columns, combined with
/// AND / OR, compares equal to what PostgreSQL stores, so `check` converges.
@Suite(.enabled(if: TestPostgres.isConfigured)) struct PostgresCheckConvergenceTests {
    @Test func reservedWordChecksConverge() throws {
        let model = Schema {
            Table("t") {
                Column("id", .integer).primaryKey()
                Column("select", .integer)
                Column("from", .text)
                Column("p2", .text)
                Column("between", .integer)
                Check("c1", "\"select\" > 0 AND \"select\" < 5")
                Check("c2", "\"from\" <> 'x' AND p2 <> 'y'")
                Check("c3", "\"select\" > 0 OR \"select\" IS NOT NULL")
                Check("c4", "\"between\" > 0 AND \"from\" IS NOT NULL")
                Check("c5", "\"select\" IN (1, 2) AND \"from\" LIKE 'a%'")
            }
        }
        try TestPostgres.withTemporaryDatabase { parts, connection in
            let statements = try PostgresDialect.statements(
                for: [.createTable(model.tables[0])], current: Schema(tables: []))
            for statement in statements { try connection.execute(statement.sql) }
            let database = try Introspector.read(url: .postgresql(parts)).schema
            let result = Comparer.compare(model: model, database: database, dialect: PostgresDialect.self)
            #expect(result.ops == [], "\(SwiftRenderer.render(result.ops))")
            // A real change is still found.
            var changed = model
            changed.tables[0].checks[0].expression = "\"select\" > 0 AND \"select\" < 6"
            let found = Comparer.compare(model: changed, database: database, dialect: PostgresDialect.self).ops
            #expect(found.count == 2, "\(SwiftRenderer.render(found))")
        }
    }
}
