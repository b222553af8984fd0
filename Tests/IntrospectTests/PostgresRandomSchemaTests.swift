import Introspect
import ModelDSL
import TestSupport
import Testing

/// Seeded random schemas: created with the dialect's DDL, read back, compared to the stored form.
@Suite(.enabled(if: TestPostgres.isConfigured))
struct PostgresRandomSchemaTests {
    @Test func randomSchemasReadBackAsDeclared() throws {
        var seen = (tables: 0, foreignKeys: 0, checks: 0, indexes: 0, enums: 0, identities: 0, defaults: 0)
        try TestPostgres.withTemporaryDatabase { _, connection in
            for seed in UInt64(1)...30 {
                let model = RandomSchema.make(seed: seed, tables: 8, dialect: .postgresql)
                try connection.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
                for statement in PostgresDialect.createStatements(for: model) {
                    try connection.execute(statement)
                }
                let read = PostgresDialect.normalizedForComparison(
                    try PostgresCatalogReader(connection: connection).read())
                seen.tables += read.tables.count
                seen.enums += read.enums.count
                for table in read.tables {
                    seen.foreignKeys += table.foreignKeys.count
                    seen.checks += table.checks.count
                    seen.indexes += table.indexes.count
                    seen.identities += table.columns.filter { $0.identity != nil }.count
                    seen.defaults += table.columns.filter { $0.defaultValue != nil }.count
                }
                let expected = PostgresDialect.normalizedForComparison(PostgresDialect.storedForm(of: model))
                if read != expected {
                    let differing = zip(read.tables, expected.tables).first { $0 != $1 }
                    Issue.record(
                        """
                        seed \(seed): the catalog differs from the model
                        read:     \(differing.map { "\($0.0)" } ?? "\(read.tables.map(\.name)) \(read.enums)")
                        expected: \(differing.map { "\($0.1)" } ?? "\(expected.tables.map(\.name)) \(expected.enums)")
                        """)
                }
            }
        }
        // The catalog really held what the models declared, not an empty database.
        #expect(seen.tables == 30 * 8)
        #expect(seen.foreignKeys > 30 && seen.checks > 30 && seen.indexes > 30)
        #expect(seen.enums > 10 && seen.identities > 30 && seen.defaults > 60)
    }
}
