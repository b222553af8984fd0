import Introspect
import ModelDSL
import Testing

@testable import Autogen

/// Compare's fast paths (`CompareRun.sameColumns` for columns, `isUnchanged` for whole tables)
/// compare field by field; a field added to `Column` or `Table` must be compared there too,
/// or a change to it would go unseen. The fields are read from the types themselves, and each
/// must have a change below that compare finds (an op, or a diagnostic where compare reports
/// instead of altering): a new field fails these tests until it is handled.
@Suite struct ColumnFieldsTests {
    static let table = Table("t") {
        Column("id", .integer).primaryKey()
        Column("note", .text).comment("a")
        Column("other_id", .integer)
        Check("ck_t_id", "id > 0")
    }

    /// One change per `Column` field, applied to `t.note` (or `t.id` for the identity).
    static let columnChanges: [String: @Sendable (inout Table) -> Void] = [
        "name": { $0.columns[1].name = "memo" },
        "type": { $0.columns[1].type = .varchar(10) },
        "isNullable": { $0.columns[1].isNullable = false },
        "defaultValue": { $0.columns[1].defaultValue = .string("x") },
        "identity": { $0.columns[0].identity = .byDefault },
        "comment": { $0.columns[1].comment = "b" },
        "generated": { $0.columns[1].generated = Generated("upper(id::text)") },
        "collation": { $0.columns[1].collation = "C" },
        "statistics": { $0.columns[1].statistics = 1000 },
        "sequence": {
            $0.columns[0].identity = .byDefault
            $0.columns[0].sequence = SequenceOptions(start: 10)
        },
    ]
    /// Fields that say what the model intends, not what a database holds.
    static let columnIntentFields: Set<String> = ["renamedFrom", "pendingInline"]

    /// One change per `Table` field.
    static let tableChanges: [String: @Sendable (inout Table) -> Void] = [
        "schema": { $0.schema = "billing" },
        "name": { $0.name = "u" },
        "columns": { $0.columns.append(Column("extra", .text)) },
        "primaryKey": { $0.primaryKey = PrimaryKey(columns: ["id", "other_id"], name: "t_pkey") },
        "uniques": { $0.uniques.append(Unique(name: "t_note_key", columns: ["note"])) },
        "foreignKeys": { $0.foreignKeys.append(ForeignKey(["other_id"], references: "t", ["id"], name: "t_fk")) },
        "checks": { $0.checks[0].expression = "id > 1" },
        "indexes": { $0.indexes.append(Index("ix_t_note", "note")) },
        "comment": { $0.comment = "c" },
        "unlogged": { $0.unlogged = true },
        "storage": { $0.storage = ["fillfactor": "70"] },
        "rowLevelSecurity": { $0.rowLevelSecurity = RowLevelSecurity(enabled: true) },
        "exclusions": { $0.exclusions = [Exclusion("t_no_overlap", "USING gist (id WITH =)")] },
        // Reported, not altered: compare finds them as a diagnostic.
        "partitionKey": { $0.partitionKey = "RANGE (id)" },
        "partitionOf": { $0.partitionOf = PartitionOf(table: "parent", bound: "DEFAULT") },
    ]
    static let tableIntentFields: Set<String> = ["renamedFrom", "declarationProblems"]

    @Test func everyFieldOfColumnHasAChangeThatCompareFinds() {
        let labels = Mirror(reflecting: Self.table.columns[1]).children.compactMap(\.label)
        #expect(Set(labels) == Set(Self.columnChanges.keys).union(Self.columnIntentFields), "\(labels)")
        for (field, change) in Self.columnChanges.sorted(by: { $0.key < $1.key }) {
            var changed = Self.table
            change(&changed)
            let result = Comparer.compare(
                model: Schema(tables: [Self.table]), database: Schema(tables: [changed]), dialect: PostgresDialect.self)
            #expect(!result.ops.isEmpty || !result.diagnostics.isEmpty, "\(field): nothing found")
            if field != "generated" && field != "name" { #expect(result.ops.count == 1, "\(field): \(result.ops)") }
        }
        // `pendingInline` holds `.unique()`, `.index()` and `.references(...)` until the table
        // is built, which moves them into the table's constraints: a built table's columns
        // never differ by it.
        let built = Table("t") {
            Column("id", .integer).primaryKey()
            Column("code", .text).unique().index().references("other", "id")
        }
        for column in built.columns {
            let pending = Mirror(reflecting: column).children.first { $0.label == "pendingInline" }?.value
            #expect(pending.map { "\($0)" } == "nil", "\(column.name)")
        }
    }

    /// The whole-table fast path sees a change to every field, alone (the rest equal).
    @Test func everyFieldOfTableHasAChangeThatCompareFinds() {
        let labels = Mirror(reflecting: Self.table).children.compactMap(\.label)
        #expect(Set(labels) == Set(Self.tableChanges.keys).union(Self.tableIntentFields), "\(labels)")
        for (field, change) in Self.tableChanges.sorted(by: { $0.key < $1.key }) {
            var changed = Self.table
            change(&changed)
            let result = Comparer.compare(
                model: Schema(tables: [Self.table]), database: Schema(tables: [changed]), dialect: PostgresDialect.self)
            if field.hasPrefix("partition") {
                #expect(result.diagnostics.map(\.kind) == [.partitionChange], "\(field): \(result.diagnostics)")
            } else {
                #expect(!result.ops.isEmpty, "\(field): no op")
            }
        }
        // And the unchanged table gives nothing.
        #expect(
            Comparer.compare(
                model: Schema(tables: [Self.table]), database: Schema(tables: [Self.table]),
                dialect: PostgresDialect.self
            ).ops == [])
    }

    /// Applying an alteration to a schema (what offline SQL and SQLite rebuilds see) changes
    /// every field the alteration carries, as `resulting` says (review: `sequence` and
    /// `collation` were left out).
    @Test func applyingAnAlterationChangesEveryFieldItCarries() throws {
        let existing = Column("n", .integer, identity: .serial)
        let alteration = ColumnAlteration(
            table: TableRef("t"), existing: existing, name: Change(from: "n", to: "m"),
            type: Change(from: .integer, to: .bigint), nullable: Change(from: true, to: false),
            defaultValue: Change(from: nil, to: nil), comment: Change(from: nil, to: "c"),
            identity: Change(from: .serial, to: .byDefault), sequence: Change(from: nil, to: SequenceOptions(start: 5)),
            collation: Change(from: nil, to: "C"), statistics: Change(from: nil, to: 100))
        let labels = Mirror(reflecting: alteration).children.compactMap(\.label).filter {
            $0 != "table" && $0 != "existing"
        }
        #expect(alteration.changeCount == labels.count, "\(labels)")
        let applied = try Schema(tables: [Table(name: "t", columns: [existing])]).applying([.alterColumn(alteration)])
        #expect(applied.tables[0].columns == [alteration.resulting])
    }
}
