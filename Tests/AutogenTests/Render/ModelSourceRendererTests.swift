import ModelDSL
import Testing

@testable import Autogen

/// The shape of `inspect --format swift` for large schemas: one constant per table.
@Suite struct ModelSourceRendererTests {
    @Test func constantNamesAreUniqueIdentifiers() {
        var used: Set<String> = ["schema"]
        func name(_ table: String, schema: String? = nil) -> String {
            ModelSourceRenderer.constantName(for: Table(table, schema: schema) {}, avoiding: &used)
        }
        #expect(name("t00000") == "t00000Table")
        #expect(name("order") == "orderTable")
        #expect(name("my \"table\"") == "myTableTable")
        #expect(name("login_event", schema: "audit") == "auditLoginEventTable")
        #expect(name("1st") == "t1stTable")
        #expect(name("Order") == "orderTable2")
        #expect(name("") == "table")
    }

    @Test func largeSchemasDeclareEachTableAsAConstant() {
        let tables = (0...ModelSourceRenderer.inlineTableLimit).map { i in
            Table("t\(i)") { Column("id", .integer).primaryKey() }
        }
        let source = ModelSourceRenderer.render(Schema(tables: tables))
        #expect(source.contains("private let t0Table = Table(\"t0\") {\n    Column(\"id\", .integer).primaryKey()\n}"))
        #expect(source.contains("let schema: Schema = Schema {\n    t0Table\n    t1Table\n"), "\(source)")
        let small = ModelSourceRenderer.render(Schema(tables: Array(tables.prefix(2))))
        #expect(!small.contains("private let"))
        #expect(small.contains("let schema: Schema = Schema {\n    Table(\"t0\") {"), "\(small)")
    }
}
