import Foundation
import Introspect
import ModelDSL
import TestSupport
import Testing

@testable import Autogen

/// Issue #13 item 9 (part): a column's statistics target (`ALTER COLUMN ... SET STATISTICS`)
/// is read, compared, created with its table or column, changed and reset with rows kept;
/// `inspect` writes it; SQLite, which has none, refuses it before compare.
@Suite(.serialized) struct ColumnStatisticsTests {
    static func model(_ target: Int?, withNote: Bool = false) -> Schema {
        Schema {
            Table("event") {
                Column("id", .integer).primaryKey()
                Column("kind", .text).statistics(target)
                if withNote { Column("note", .text).statistics(50) }
            }
        }
    }

    @Test(.enabled(if: TestPostgres.isConfigured)) func onPostgreSQLItConvergesAndReverses() async throws {
        try await withTemporaryPostgres { url in
            let migration = try OneRevisionMigration(.postgresql(url))
            let create = try migration.compare(Self.model(1000))
            try await migration.upgrade(create)
            #expect(try migration.compare(Self.model(1000)).isEmpty)
            let read = try OneRevisionMigration.catalog(url)
            #expect(read.table("event")?.column("kind")?.statistics == 1000)
            #expect(read.table("event")?.column("id")?.statistics == nil)
            #expect(try OneRevisionMigration.inspectedModel(read) == Self.model(1000))
            _ = try runtimeQuery(.postgresql(url), "INSERT INTO event VALUES (1, 'a'), (2, 'b')")
            // Changed, reset to the default, and a column added with one.
            for (from, to, note) in [(1000, 200, false), (1000, nil, false), (1000, 1000, true)] {
                try await migration.runner.stamp(["base"])
                let change = try migration.compare(Self.model(to, withNote: note))
                #expect(change.count == 1, "\(change)")
                try await migration.upgrade(change)
                let left = try migration.compare(Self.model(to, withNote: note))
                #expect(left.isEmpty, "\(left)")
                try await migration.downgrade(change)
                #expect(try migration.compare(Self.model(from)).isEmpty)
            }
            #expect(try runtimeQuery(.postgresql(url), "SELECT count(*) FROM event") == [["2"]])
        }
    }

    /// A target the server would not keep as written is a model problem.
    @Test func targetsOutsideWhatTheServerKeepsAreRefused() {
        for target in [-1, 10_001] {
            let problems = Schema { Table("t") { Column("a", .text).statistics(target) } }.problems()
            #expect(
                problems.contains { $0.contains("statistics target \(target) is outside 0...10000") }, "\(problems)")
        }
        #expect(Schema { Table("t") { Column("a", .text).statistics(10_000) } }.problems().isEmpty)
    }

    @Test func onSQLiteItIsRefused() throws {
        let (url, path) = temporarySQLiteURL()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let migration = try OneRevisionMigration(url)
        #expect {
            _ = try migration.compare(Self.model(100))
        } throws: { "\($0)".contains("column \"kind\" has a statistics target; SQLite has none") }
        // A hand-written op says so too, instead of doing nothing.
        let alter = ColumnAlteration(
            table: TableRef("event"), existing: Column("kind", .text), statistics: Change(from: nil, to: 100))
        #expect(throws: SQLRenderError.self) {
            _ = try SQLiteDialect.statements(for: [.alterColumn(alter)], current: Self.model(nil))
        }
        #expect(throws: SQLRenderError.self) {
            _ = try SQLiteDialect.statements(
                for: [.addColumn(TableRef("event"), Column("note", .text).statistics(5))], current: Self.model(nil))
        }
        // Nor are a new table's statistics targets or storage parameters dropped in silence.
        #expect(throws: SQLRenderError.self) {
            _ = try SQLiteDialect.statements(
                for: [.createTable(Table("t") { Column("n", .text).statistics(5) })], current: Schema(tables: []))
        }
        #expect(throws: SQLRenderError.self) {
            _ = try SQLiteDialect.statements(
                for: [.createTable(Table("t") { Column("n", .text) }.with("fillfactor", "70"))],
                current: Schema(tables: []))
        }
    }
}
