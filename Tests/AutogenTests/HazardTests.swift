import Foundation
import Introspect
import ModelDSL
import TestSupport
import Testing

@testable import Autogen

/// Typed hazards: each dialect's rules, the table sizes the catalog gives, and the commands
/// that print them (`check --hazards`, `revision --autogenerate`) or fail on them (`--fail-on`).
@Suite struct HazardTests {
    static let account = TableRef("account")

    static func kinds(_ ops: [MigrationOp], _ dialect: any SchemaDialect.Type) -> [HazardKind] {
        HazardAnalysis.hazards(of: ops, dialect: dialect).map(\.kind)
    }

    @Test func postgresRules() {
        let amount = Column("amount", .integer).notNull()
        var widen = ColumnAlteration(table: Self.account, existing: amount)
        widen.type = Change(from: .integer, to: .bigint)
        #expect(Self.kinds([.alterColumn(widen)], PostgresDialect.self) == [.rewritesTable])
        // varchar(20) to varchar(40) and to text keep the bytes: no rewrite.
        var longer = ColumnAlteration(table: Self.account, existing: Column("email", .varchar(20)))
        longer.type = Change(from: .varchar(20), to: .varchar(40))
        #expect(Self.kinds([.alterColumn(longer)], PostgresDialect.self) == [])
        longer.type = Change(from: .varchar(20), to: .text)
        #expect(Self.kinds([.alterColumn(longer)], PostgresDialect.self) == [])
        // text to integer: rewritten, refused on values that do not parse, and back is fine.
        var parse = ColumnAlteration(table: Self.account, existing: Column("code", .text))
        parse.type = Change(from: .text, to: .integer)
        #expect(Self.kinds([.alterColumn(parse)], PostgresDialect.self) == [.rewritesTable, .failsOnRows])
        var round = ColumnAlteration(table: Self.account, existing: Column("price", .numeric(10, 4)))
        round.type = Change(from: .numeric(10, 4), to: .numeric(10, 2))
        #expect(Self.kinds([.alterColumn(round)], PostgresDialect.self) == [.rewritesTable, .dropsData])

        var notNull = ColumnAlteration(table: Self.account, existing: Column("email", .text))
        notNull.nullable = Change(from: true, to: false)
        #expect(Self.kinds([.alterColumn(notNull)], PostgresDialect.self) == [.failsOnRows, .scanUnderLock])

        #expect(
            Self.kinds([.createIndex(Self.account, Index("ix", "email"))], PostgresDialect.self) == [.scanUnderLock])
        #expect(
            Self.kinds([.createIndex(Self.account, Index("ix", "email"), concurrently: true)], PostgresDialect.self)
                == [])
        var check = Check("ck", "amount > 0")
        #expect(Self.kinds([.addCheck(Self.account, check)], PostgresDialect.self) == [.failsOnRows, .scanUnderLock])
        check.notValid = true
        #expect(Self.kinds([.addCheck(Self.account, check)], PostgresDialect.self) == [])

        // Dropping a NOT NULL column without a default: its data goes, and its downgrade (the
        // column added back NOT NULL) fails once the table has rows.
        #expect(
            Self.kinds([.dropColumn(Self.account, amount)], PostgresDialect.self) == [
                .dropsData, .irreversibleWithRows,
            ])
        #expect(
            Self.kinds([.addColumn(Self.account, Column("plan", .text).notNull())], PostgresDialect.self) == [
                .failsOnRows
            ])
        #expect(
            Self.kinds(
                [.addColumn(Self.account, Column("plan", .text).notNull().default("free"))], PostgresDialect.self)
                == [])
        #expect(
            Self.kinds(
                [.addColumn(Self.account, Column("token", .uuid).default(.sql("gen_random_uuid()")))],
                PostgresDialect.self)
                == [.rewritesTable])
    }

    @Test func sqliteRebuildsRewrite() {
        var widen = ColumnAlteration(table: Self.account, existing: Column("amount", .integer))
        widen.type = Change(from: .integer, to: .text)
        #expect(Self.kinds([.alterColumn(widen)], SQLiteDialect.self).contains(.rewritesTable))
        #expect(Self.kinds([.addColumn(Self.account, Column("note", .text))], SQLiteDialect.self) == [])
        #expect(Self.kinds([.createIndex(Self.account, Index("ix", "note"))], SQLiteDialect.self) == [])
    }

    @Test func aHazardCommentIsOneLine() {
        let ops: [MigrationOp] = [.dropTable(Table("t") { Column("id", .integer) })]
        #expect(
            SwiftRenderer.render(ops, comments: [0: ["hazard: DEFAULT now()\n  + interval '1 day' rewrites t"]])
                == "// hazard: DEFAULT now()   + interval '1 day' rewrites t\ntry op.dropTable(\"t\")")
    }

    @Test func sizesRead() {
        #expect(TableSize(rows: 12_400_000, bytes: 3_328_599_654).description == "about 12.4M rows, 3.1 GB")
        #expect(TableSize(rows: 10_000, bytes: 729_088).description == "about 10,000 rows, 712 kB")
        #expect(TableSize(rows: 1).description == "about 1 row")
        #expect(TableSize(rows: nil, bytes: 8192).description == "rows not counted yet, 8 kB")
    }
}

/// The commands on a real PostgreSQL table of 10,000 rows.
@Suite struct HazardCommandTests {
    struct H1: Revision {
        static let id = "h1"
        static let downRevisions: [String] = []
        static let branchLabels: [String] = []
        static let dependsOn: [String] = []
        static let message = "account"
        static let createDate = ""
        func upgrade(_ op: Operations) throws {
            try op.createTable("account") {
                Column("id", .integer).primaryKey()
                Column("amount", .integer).notNull()
            }
        }
        func downgrade(_ op: Operations) throws { try op.dropTable("account") }
    }

    static let widened = Schema {
        Table("account") {
            Column("id", .integer).primaryKey()
            Column("amount", .bigint).notNull()
        }
    }

    @Test(.enabled(if: TestPostgres.isConfigured)) func sizedByTheCatalogAndFailedOn() async throws {
        try await withTemporaryPostgres { parts in
            let (folder, ini) = try EnvironmentCommandTests.makeProject(url: TestPostgres.text(parts))
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try revisionFileText(id: "h1", message: "account")
                .write(toFile: folder + "/migrations/versions/h1.swift", atomically: true, encoding: .utf8)
            let up = await EnvironmentCommandTests.run(["upgrade", "head"], ini: ini, revisions: [H1.self])
            try #require(up.status == 0, "\(up)")
            let connection = try PostgresConnection(parts)
            defer { connection.close() }
            try connection.execute("INSERT INTO account SELECT g, g FROM generate_series(1, 10000) g")
            try connection.execute("ANALYZE account")
            let bytes = try #require(
                connection.query("SELECT pg_total_relation_size('account')")[0, 0].flatMap { Int64($0) })

            let check = await EnvironmentCommandTests.run(
                ["check", "--hazards"], ini: ini, schema: Self.widened, revisions: [H1.self])
            #expect(check.status == 1, "\(check)")
            #expect(
                check.out.contains(
                    "  hazard: ALTER COLUMN account.amount TYPE bigint rewrites account (about 10,000 rows, \(TableSize.size(bytes))) [rewrites-table]"
                ), "\(check.out)")

            let failing = await EnvironmentCommandTests.run(
                ["check", "--fail-on", "rewrites-table"], ini: ini, schema: Self.widened, revisions: [H1.self])
            #expect(failing.status == 3, "\(failing)")
            #expect(failing.err == "error: 1 change(s) have hazards --fail-on names: rewrites-table", "\(failing.err)")
            let other = await EnvironmentCommandTests.run(
                ["check", "--fail-on", "drops-data"], ini: ini, schema: Self.widened, revisions: [H1.self])
            #expect(other.status == 1, "\(other)")

            let refused = await EnvironmentCommandTests.run(
                ["revision", "--autogenerate", "-m", "widen", "--fail-on", "rewrites-table"], ini: ini,
                schema: Self.widened, revisions: [H1.self])
            #expect(refused.status == 3, "\(refused)")
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: folder + "/migrations/versions") == ["h1.swift"])

            let written = await EnvironmentCommandTests.run(
                ["revision", "--autogenerate", "-m", "widen", "--rev-id", "h2"], ini: ini, schema: Self.widened,
                revisions: [H1.self])
            #expect(written.status == 0, "\(written)")
            let text = try String(contentsOfFile: folder + "/migrations/versions/h2_widen.swift", encoding: .utf8)
            #expect(
                text.contains(
                    """
                            // hazard: ALTER COLUMN account.amount TYPE bigint rewrites account (about 10,000 rows, \(TableSize.size(bytes))) [rewrites-table]
                            try op.alterColumn("account", "amount", type: .bigint
                    """), "\(text)")
        }
    }
}
