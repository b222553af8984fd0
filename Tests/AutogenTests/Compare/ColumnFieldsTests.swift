import Introspect
import ModelDSL
import Testing

@testable import Autogen

/// Compare's fast path (`CompareRun.sameColumns`) compares columns field by field; a field
/// added to `Column` must be added there too, or a change to it would go unseen.
@Suite struct ColumnFieldsTests {
    @Test func theFastPathComparesEveryFieldOfColumn() {
        let labels = Mirror(reflecting: Column("id", .integer)).children.compactMap(\.label)
        #expect(
            labels == [
                "name", "type", "isNullable", "defaultValue", "identity", "comment", "generated", "renamedFrom",
                "pendingInline",
            ])
        // `pendingInline` holds `.unique()`, `.index()` and `.references(...)` until the table
        // is built, which moves them into the table's constraints: a built table's columns
        // never differ by it.
        let table = Table("t") {
            Column("id", .integer).primaryKey()
            Column("code", .text).unique().index().references("other", "id")
        }
        for column in table.columns {
            let pending = Mirror(reflecting: column).children.first { $0.label == "pendingInline" }?.value
            #expect(pending.map { "\($0)" } == "nil", "\(column.name)")
        }
    }

    @Test func aChangeToAnyFieldIsFound() {
        let table = Table("t") {
            Column("id", .integer).primaryKey()
            Column("note", .text).comment("a")
        }
        var changed = table
        for change in 0..<5 {
            changed = table
            switch change {
            case 0: changed.columns[1].type = .varchar(10)
            case 1: changed.columns[1].isNullable = false
            case 2: changed.columns[1].defaultValue = .string("x")
            case 3: changed.columns[0].identity = .byDefault
            default: changed.columns[1].comment = "b"
            }
            let ops = Comparer.compare(
                model: Schema(tables: [table]), database: Schema(tables: [changed]), dialect: PostgresDialect.self
            ).ops
            #expect(ops.count == 1, "change \(change): \(ops)")
        }
        // A generated column is never altered in place: a change to it is a diagnostic.
        changed = table
        changed.columns[1].generated = Generated("upper(id::text)")
        let result = Comparer.compare(
            model: Schema(tables: [table]), database: Schema(tables: [changed]), dialect: PostgresDialect.self)
        #expect(result.ops == [] && result.diagnostics.map(\.kind) == [.generatedColumnChange])
    }
}
