import Foundation
import Introspect
import ModelDSL
import TestSupport
import Testing

@testable import Autogen

/// Issue #13 item 4: a generated column whose expression changes, or a plain column that
/// becomes generated, is dropped and added again (neither database alters a generation in
/// place), with the indexes and checks on it recreated and the table's rows kept; a generated
/// column that becomes plain is reported and left alone, as its values would be lost.
@Suite(.serialized) struct GeneratedColumnChangeTests {
    static func model(_ expression: String?, label: String? = nil) -> Schema {
        Schema {
            Table("item") {
                Column("id", .integer).primaryKey()
                Column("a", .integer)
                if let expression {
                    Column("derived", .integer).generated(expression)
                } else {
                    Column("derived", .integer)
                }
                if let label { Column("label", .text).generated(label) } else { Column("label", .text) }
                Index("item_derived_idx", "derived")
                Check("item_derived_check", "derived >= 0")
            }
        }
    }

    static func values(_ url: DatabaseURL) throws -> [[String?]] {
        try runtimeQuery(url, "SELECT id, derived, label FROM item ORDER BY id")
    }

    /// The change made by `migration`, checked to converge and to reverse; rows kept.
    static func changeConvergesAndReverses(_ url: DatabaseURL, label: String) async throws {
        let migration = try OneRevisionMigration(url)
        let before = Self.model("a * 2")
        let create = try migration.compare(before)
        try await migration.upgrade(create)
        _ = try runtimeQuery(url, "INSERT INTO item (id, a, label) VALUES (1, 21, 'kept'), (2, 5, NULL)")
        try await migration.runner.stamp(["base"])

        // Expression changed: dropped and added again with its index and check, values anew.
        let after = Self.model("a * 3")
        let result = try DatabaseComparison.compare(
            model: after, url: url, options: CompareOptions(), config: migration.config)
        #expect(result.diagnostics.map(\.kind).contains(.generatedColumnChange), "\(result.diagnostics)")
        #expect(!result.diagnostics.contains { $0.kind == .dropsData }, "\(result.diagnostics)")
        let kinds = result.ops.map { SwiftRenderer.lines($0)[0].split(separator: "(")[0] }
        #expect(
            kinds == [
                "try op.dropConstraint", "try op.dropIndex", "try op.dropColumn", "try op.addColumn",
                "try op.createCheckConstraint", "try op.createIndex",
            ], "\(kinds)")
        try await migration.upgrade(result.ops)
        #expect(try migration.compare(after).isEmpty)
        #expect(try Self.values(url) == [["1", "63", "kept"], ["2", "15", nil]])
        // The check came back: a row it refuses is refused.
        #expect(throws: (any Error).self) { try runtimeQuery(url, "INSERT INTO item (id, a) VALUES (3, -1)") }
        try await migration.downgrade(result.ops)
        #expect(try migration.compare(before).isEmpty)
        #expect(try Self.values(url) == [["1", "42", "kept"], ["2", "10", nil]])

        // A plain column made generated: its stored values go, and that is said.
        let generatedLabel = Self.model("a * 2", label: label)
        let labelled = try DatabaseComparison.compare(
            model: generatedLabel, url: url, options: CompareOptions(), config: migration.config)
        #expect(
            labelled.diagnostics.map(\.kind).filter { $0 != .tableRebuild } == [.dropsData], "\(labelled.diagnostics)")
        try await migration.upgrade(labelled.ops)
        #expect(try migration.compare(generatedLabel).isEmpty)
        #expect(try Self.values(url) == [["1", "42", "#21"], ["2", "10", "#5"]])

        // Generated made plain again: reported, nothing done (the values would be lost).
        let back = try DatabaseComparison.compare(
            model: Self.model("a * 2"), url: url, options: CompareOptions(), config: migration.config)
        #expect(back.ops.isEmpty && back.diagnostics.map(\.kind) == [.generatedColumnChange], "\(back)")
    }

    @Test(.enabled(if: TestPostgres.isConfigured)) func onPostgreSQL() async throws {
        try await withTemporaryPostgres { url in
            try await Self.changeConvergesAndReverses(.postgresql(url), label: "'#' || a::text")
        }
    }

    @Test func onSQLite() async throws {
        let (url, path) = temporarySQLiteURL()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await Self.changeConvergesAndReverses(url, label: "'#' || a")
    }

    /// A generated column in a key would take the key with it: reported, left alone.
    @Test func aGeneratedKeyColumnIsLeftAlone() {
        let table = Table("t") {
            Column("a", .integer)
            Column("k", .integer).generated("a * 2").primaryKey()
        }
        var changed = table
        changed.columns[1].generated = Generated("a * 3")
        let result = Comparer.compare(
            model: Schema(tables: [changed]), database: PostgresDialect.storedForm(of: Schema(tables: [table])),
            dialect: PostgresDialect.self)
        #expect(result.ops.isEmpty, "\(result.ops)")
        #expect(result.diagnostics.map(\.kind) == [.generatedColumnChange])
    }
}
