import Introspect
import ModelDSL
import TestSupport
import Testing

@Suite("SQLite random schemas")
struct SQLiteRandomSchemaTests {
    @Test("seeded random schemas created with createStatements read back as their stored form")
    func randomSchemasRoundTrip() throws {
        for seed in UInt64(1)...50 {
            let model = RandomSchema.make(seed: seed, tables: 8, dialect: .sqlite)
            try #require(model.problems().isEmpty, "seed \(seed): the random model is invalid: \(model.problems())")
            let connection = try SQLiteConnection(path: nil)
            for statement in SQLiteDialect.createStatements(for: model) {
                do {
                    try connection.execute(statement)
                } catch {
                    Issue.record("seed \(seed): \(error)")
                    throw error
                }
            }
            let read = try SQLiteCatalogReader(connection: connection).read()
            let expected = SQLiteDialect.storedForm(of: model)
            if read != expected {
                let differing = zip(read.tables, expected.tables).first { $0.0 != $0.1 }
                Issue.record(
                    """
                    seed \(seed): the read schema differs from the stored form
                    read:     \(differing.map { "\($0.0)" } ?? "\(read.tables.map(\.name))")
                    expected: \(differing.map { "\($0.1)" } ?? "\(expected.tables.map(\.name))")
                    """)
                return
            }
            #expect(read.tables.count == model.tables.count)
        }
    }
}
