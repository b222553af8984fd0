import Introspect
import ModelDSL
import Testing

@testable import Autogen

@Suite struct CompareTests {
    let result = Comparer.compare(
        model: CompareFixtures.model, database: CompareFixtures.database, dialect: PostgresDialect.self)

    @Test func findsEveryKindOfChange() {
        let kinds = result.ops.map { String("\($0)".prefix { $0 != "(" }) }
        for kind in [
            "createEnum", "alterEnum", "dropEnum", "createTable", "dropTable", "addColumn", "dropColumn", "alterColumn",
            "createIndex", "dropIndex", "dropForeignKey", "addForeignKey", "setTableComment",
        ] {
            #expect(kinds.contains(kind), "missing \(kind) in \(kinds)")
        }
    }

    @Test func renameHintRenamesInsteadOfDropping() {
        let renames = result.ops.compactMap { op -> ColumnAlteration? in
            if case .alterColumn(let a) = op, a.name != nil { return a }
            return nil
        }
        #expect(renames.map { $0.name } == [Change(from: "mail", to: "email")])
        #expect(
            !result.ops.contains {
                if case .dropColumn(_, let c) = $0 { return c.name == "mail" } else { return false }
            })
        // The unique constraint follows the renamed column: nothing to do for it.
        #expect(!result.ops.contains { if case .dropUnique = $0 { return true } else { return false } })
    }

    @Test func checkExpressionsCompareNormalized() {
        #expect(!result.ops.contains { if case .addCheck = $0 { return true } else { return false } })
    }

    @Test func createsInForeignKeyOrderAndDropsAfterDependents() throws {
        let creates = result.ops.compactMap { if case .createTable(let t) = $0 { return t.name } else { return nil } }
        #expect(creates == ["audit"])
        let firstCreate = try #require(
            result.ops.firstIndex { if case .createTable = $0 { return true } else { return false } })
        let enumCreate = try #require(
            result.ops.firstIndex { if case .createEnum = $0 { return true } else { return false } })
        let tableDrop = try #require(
            result.ops.firstIndex { if case .dropTable = $0 { return true } else { return false } })
        let enumDrop = try #require(
            result.ops.firstIndex { if case .dropEnum = $0 { return true } else { return false } })
        #expect(enumCreate < firstCreate && tableDrop < enumDrop)
        // The dropped table's index goes before it, so the downgrade recreates it after the table.
        let indexDrop = try #require(
            result.ops.firstIndex {
                if case .dropIndex(let t, _, _) = $0 { return t.name == "old_log" } else { return false }
            })
        #expect(indexDrop < tableDrop)
    }

    @Test func diagnosticsNameTheRisk() {
        let text = result.diagnostics.map(\.description)
        #expect(text.contains("warning: dropping column account.legacy loses its data [drops-data]"))
        #expect(text.contains("warning: dropping table old_log and its rows (2 columns) [drops-data]"))
        #expect(!text.contains { $0.contains("account.name") }, "varchar(50) to text cannot fail")
        #expect(!text.contains { $0.contains("account.balance") }, "numeric(10,2) to numeric(12,2) cannot fail")
        #expect(text.contains { $0.contains("enum account_status") } == false, "adding a value loses nothing")
        #expect(
            text.contains(
                "warning: adding NOT NULL column organization.name without a default fails if the table has rows [not-null-without-default]"
            ) == false)
    }

    @Test func theReverseUndoesEveryOp() throws {
        let down = try #require(result.ops.undoingOps)
        let there = try CompareFixtures.database.applying(result.ops)
        let back = try there.applying(down)
        #expect(
            Comparer.compare(model: CompareFixtures.database, database: back, dialect: PostgresDialect.self).ops == [])
    }

    @Test func identicalSchemasGiveNoOps() {
        let r = Comparer.compare(
            model: CompareFixtures.model, database: PostgresDialect.storedForm(of: CompareFixtures.model),
            dialect: PostgresDialect.self)
        #expect(r.ops == [])
        #expect(r.diagnostics == [])
    }

    @Test func renderedUpgradeAndDowngrade() throws {
        assertSnapshot(SwiftRenderer.render(result.ops), named: "upgrade", suite: "CompareTests")
        assertSnapshot(
            SwiftRenderer.render(try #require(result.ops.undoingOps)), named: "downgrade", suite: "CompareTests")
        assertSnapshot(
            result.diagnostics.map(\.description).joined(separator: "\n"), named: "diagnostics", suite: "CompareTests")
    }

    @Test func postgresSQL() throws {
        let sql = try PostgresDialect.statements(for: result.ops, current: CompareFixtures.database)
        assertSnapshot(
            sql.map { $0.sql + ";" + ($0.transactional ? "" : "  -- outside the transaction") }.joined(separator: "\n"),
            named: "postgresql-upgrade", suite: "CompareTests")
    }

    /// The fixture database made in a real SQLite and read back (its CHECK respelled from
    /// PostgreSQL's stored form, which SQLite would not take); the SQL compare writes for it
    /// runs there and leaves a database that matches the model.
    @Test func sqliteSQLRebuildsWhatAlterCannotDo() throws {
        var input = CompareFixtures.database
        for t in input.tables.indices {
            for c in input.tables[t].checks.indices where input.tables[t].checks[c].expression.contains("::") {
                input.tables[t].checks[c].expression = "balance >= 0"
            }
        }
        let connection = try SQLiteConnection(path: nil)
        for statement in SQLiteDialect.createStatements(for: input) { try connection.execute(statement) }
        let sqliteDB = try SQLiteCatalogReader(connection: connection).read()
        let r = Comparer.compare(model: CompareFixtures.model, database: sqliteDB, dialect: SQLiteDialect.self)
        let sql = try SQLiteDialect.statements(for: r.ops, current: sqliteDB)
        try connection.execute("PRAGMA foreign_keys = OFF")
        for statement in sql {
            if statement.expectsNoRows {
                #expect(try connection.query(statement.sql).isEmpty, "\(statement.sql)")
            } else {
                try connection.execute(statement.sql)
            }
        }
        let after = try SQLiteCatalogReader(connection: connection).read()
        let left = Comparer.compare(model: CompareFixtures.model, database: after, dialect: SQLiteDialect.self).ops
        #expect(left.isEmpty, "\(SwiftRenderer.render(left))")
        assertSnapshot(SwiftRenderer.render(r.ops), named: "sqlite-upgrade-swift", suite: "CompareTests")
        assertSnapshot(sql.map { $0.sql + ";" }.joined(separator: "\n"), named: "sqlite-upgrade", suite: "CompareTests")
        #expect(r.diagnostics.contains { $0.kind == .tableRebuild && $0.message.contains("account") })
        #expect(
            !r.ops.contains { if case .createEnum = $0 { return true } else { return false } },
            "SQLite has no enum types")
    }
}

@Suite struct CompareOptionTests {
    let db = Schema(tables: [
        Table(name: "a", columns: [Column("x", .varchar(10)), Column("d", .integer, default: .integer(1))]),
        Table(name: "skip_me", columns: [Column("x", .text)]),
        Table(name: "autogen_version", columns: [Column("version_num", .varchar(32))]),
    ])
    let model = Schema {
        Table("a") {
            Column("x", .text)
            Column("d", .integer).default(2)
        }
    }

    @Test func typeAndDefaultComparisonCanBeTurnedOff() {
        var options = CompareOptions()
        options.compareTypes = false
        options.compareServerDefaults = false
        options.excludeTables = ["skip_*", "autogen_version"]
        #expect(Comparer.compare(model: model, database: db, dialect: PostgresDialect.self, options: options).ops == [])
    }

    @Test func includePatternsAndObjectFilter() {
        var options = CompareOptions()
        options.includeTables = ["a"]
        let ops = Comparer.compare(model: model, database: db, dialect: PostgresDialect.self, options: options).ops
        #expect(ops.count == 2, "the type of a.x and the default of a.d; the other tables are left alone")
        #expect(ops.allSatisfy { $0.table == TableRef("a") })
        options.includeTables = []
        options.includeObject = { object in object.kind != .table || object.name == "a" }
        #expect(
            Comparer.compare(model: model, database: db, dialect: PostgresDialect.self, options: options).ops.count == 2
        )
    }

    @Test func globs() {
        #expect(globMatches("skip_*", "skip_me"))
        #expect(globMatches("t?", "t1"))
        #expect(!globMatches("t?", "t12"))
        #expect(globMatches("*", ""))
        #expect(!globMatches("a*b", "acbd"))
    }

    @Test func undecidedDefaultsAreAskedOnceAndAnswersUsed() {
        let database = Schema(tables: [Table(name: "t", columns: [Column("q", .bigint, default: .string("0"))])])
        let model = Schema { Table("t") { Column("q", .bigint).default(0) } }
        let questions = Comparer.undecidedDefaults(model: model, database: database, dialect: PostgresDialect.self)
        #expect(questions == [DefaultQuestion(model: "0", database: "'0'", type: "bigint")])
        var options = CompareOptions()
        options.serverDefaultAnswers = [questions[0]: true]
        #expect(
            Comparer.compare(model: model, database: database, dialect: PostgresDialect.self, options: options).ops
                == [])
        options.serverDefaultAnswers = [:]
        #expect(
            Comparer.compare(model: model, database: database, dialect: PostgresDialect.self, options: options).ops
                .count == 1)
    }

    @Test func aDropAndAnAddOfOneShapeIsReportedAsAPossibleRename() {
        let database = Schema(tables: [Table(name: "t", columns: [Column("mail", .text)])])
        let model = Schema { Table("t") { Column("email", .text) } }
        let r = Comparer.compare(model: model, database: database, dialect: PostgresDialect.self)
        #expect(
            r.diagnostics.contains {
                $0.kind == .possibleRename && $0.message.contains("looks like a rename of mail to email")
            })
    }

    @Test func foreignKeyCyclesAreAddedAfterBothTables() {
        let model = Schema {
            Table("a") {
                Column("id", .integer).primaryKey()
                Column("b_id", .integer).references("b", "id")
            }
            Table("b") {
                Column("id", .integer).primaryKey()
                Column("a_id", .integer).references("a", "id")
            }
        }
        let ops = Comparer.compare(model: model, database: Schema(tables: []), dialect: PostgresDialect.self).ops
        let lines = SwiftRenderer.render(ops).split(separator: "\n").filter { $0.hasPrefix("try") }
        #expect(lines.count == 3)
        #expect(lines.last?.hasPrefix("try op.createForeignKey(") == true)
    }
}
