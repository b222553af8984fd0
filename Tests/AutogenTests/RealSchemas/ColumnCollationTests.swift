import Foundation
import Introspect
import ModelDSL
import TestSupport
import Testing

@testable import Autogen

/// Issue #13 item 6 (part): column collations are read, compared, created and changed with
/// rows kept, on both databases; an index key's collation is relative to its column's.
@Suite(.serialized) struct ColumnCollationTests {
    static func model(_ collation: String?) -> Schema {
        Schema {
            Table("word") {
                Column("id", .integer).primaryKey()
                Column("text", .text).collation(collation)
                Index("word_text_idx", "text")
            }
        }
    }

    /// Adds, changes and drops the collation, each converging and reversing, rows kept.
    static func converges(_ url: DatabaseURL, collations: [String]) async throws {
        let migration = try OneRevisionMigration(url)
        let create = try migration.compare(model(collations[0]))
        try await migration.upgrade(create)
        #expect(try migration.compare(model(collations[0])).isEmpty)
        _ = try runtimeQuery(url, "INSERT INTO word VALUES (1, 'b'), (2, 'B'), (3, 'a')")
        for (from, to) in [(collations[0], collations[1]), (collations[0], nil)] {
            try await migration.runner.stamp(["base"])
            let change = try migration.compare(model(to))
            #expect(change.count == 1, "\(change)")
            try await migration.upgrade(change)
            let left = try migration.compare(model(to))
            #expect(left.isEmpty, "\(left)")
            try await migration.downgrade(change)
            #expect(try migration.compare(model(from)).isEmpty)
        }
        #expect(try runtimeQuery(url, "SELECT count(*) FROM word") == [["3"]])
    }

    @Test(.enabled(if: TestPostgres.isConfigured)) func onPostgreSQL() async throws {
        try await withTemporaryPostgres { url in
            try await Self.converges(.postgresql(url), collations: ["C", "C.utf8"])
            // The column's collation is the index key's default: the index reads with none.
            let read = try PostgresCatalogReader(connection: try PostgresConnection(url)).read()
            #expect(read.table("word")?.column("text")?.collation == "C")
            #expect(read.table("word")?.indexes.first?.keyOptions == [])
        }
    }

    /// A model spelling the default collation (PostgreSQL's "default", SQLite's BINARY) or a
    /// built-in SQLite one in lower case converges: the catalog reads them as none, NOCASE.
    @Test func defaultAndLowerCaseSpellingsConverge() async throws {
        let (url, path) = temporarySQLiteURL()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let migration = try OneRevisionMigration(url)
        try await migration.upgrade(try migration.compare(Self.model("nocase")))
        #expect(try migration.compare(Self.model("nocase")).isEmpty)
        #expect(try migration.compare(Self.model("NOCASE")).isEmpty)
        #expect(try Introspector.read(url: url).schema.table("word")?.column("text")?.collation == "NOCASE")
        let (plainURL, plainPath) = temporarySQLiteURL()
        defer { try? FileManager.default.removeItem(atPath: plainPath) }
        let plain = try OneRevisionMigration(plainURL)
        try await plain.upgrade(try plain.compare(Self.model("binary")))
        #expect(try plain.compare(Self.model("binary")).isEmpty)
        #expect(try plain.compare(Self.model(nil)).isEmpty)
        #expect(
            PostgresDialect.storedForm(of: Self.model("default")) == PostgresDialect.storedForm(of: Self.model(nil)))
        // An index key's collation likewise.
        let (keyURL, keyPath) = temporarySQLiteURL()
        defer { try? FileManager.default.removeItem(atPath: keyPath) }
        let keyed = try OneRevisionMigration(keyURL)
        let lowerKey = Schema {
            Table("word") {
                Column("text", .text)
                Index("word_text_idx", "text").key("text", collation: "nocase")
            }
        }
        try await keyed.upgrade(try keyed.compare(lowerKey))
        #expect(try keyed.compare(lowerKey).isEmpty)
    }

    @Test func onSQLite() async throws {
        let (url, path) = temporarySQLiteURL()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await Self.converges(url, collations: ["NOCASE", "RTRIM"])
        #expect(try Introspector.read(url: url).schema.table("word")?.column("text")?.collation == "NOCASE")
    }
}
