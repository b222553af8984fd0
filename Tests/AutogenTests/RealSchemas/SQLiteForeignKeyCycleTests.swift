import Foundation
import Introspect
import ModelDSL
import Testing

@testable import Autogen

/// Issue #13 item 11: SQLite accepts a foreign key to a table created later, so tables in a
/// foreign-key cycle are created (and dropped) with their keys: no key added apart, which on
/// SQLite is a table rebuild each.
@Suite struct SQLiteForeignKeyCycleTests {
    static let model = Schema {
        Table("author") {
            Column("id", .integer).primaryKey()
            Column("favourite_book_id", .integer).references("book", "id")
        }
        Table("book") {
            Column("id", .integer).primaryKey()
            Column("author_id", .integer).notNull().references("author", "id")
        }
        Table("review") {
            Column("id", .integer).primaryKey()
            Column("book_id", .integer).references("book", "id")
        }
    }

    @Test func aCycleOnAnEmptyDatabaseIsCreatedWithItsKeys() throws {
        let result = Comparer.compare(model: Self.model, database: Schema(tables: []), dialect: SQLiteDialect.self)
        #expect(result.ops.count == 3, "\(result.ops)")
        #expect(result.ops.allSatisfy { if case .createTable = $0 { return true } else { return false } })
        #expect(!result.diagnostics.contains { $0.kind == .tableRebuild }, "\(result.diagnostics)")
        // Every key is in its table.
        let keys = result.ops.flatMap { op -> [ForeignKey] in
            if case .createTable(let t) = op { return t.foreignKeys } else { return [] }
        }
        #expect(keys.count == 3)
        // PostgreSQL still closes the cycle with a key added after both tables.
        let postgres = Comparer.compare(model: Self.model, database: Schema(tables: []), dialect: PostgresDialect.self)
        #expect(postgres.ops.contains { if case .addForeignKey = $0 { return true } else { return false } })
    }

    @Test func theCycleIsCreatedKeptAndDroppedThroughTheRunner() async throws {
        let (url, path) = temporarySQLiteURL()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let migration = try OneRevisionMigration(url)
        let up = try migration.compare(Self.model)
        try await migration.upgrade(up)
        let connection = try SQLiteConnection(path: path)
        let left = try migration.compare(Self.model)
        #expect(left.isEmpty, "\(left)")
        // The keys hold: a book of an author that does not exist is refused.
        try connection.execute("PRAGMA foreign_keys = ON")
        try connection.execute("INSERT INTO author VALUES (1, NULL); INSERT INTO book VALUES (10, 1)")
        try connection.execute("UPDATE author SET favourite_book_id = 10 WHERE id = 1")
        #expect(throws: (any Error).self) { try connection.execute("INSERT INTO book VALUES (11, 99)") }
        // Dropped the same way: no key dropped apart (a rebuild each), the run's keys off.
        let down = try migration.compare(Schema(tables: []))
        #expect(!down.contains { if case .dropForeignKey = $0 { return true } else { return false } }, "\(down)")
        try await migration.downgrade(up)
        let tables = try connection.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('author', 'book', 'review')")
        #expect(tables.isEmpty)
    }
}
