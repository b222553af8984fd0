import Introspect
import ModelDSL
import TestSupport
import Testing

@testable import Autogen

/// Fails until the table `gate` exists: the cause a user fixes before running again.
struct RevAfterConcurrent: Revision {
    static let id = "gx"
    static let downRevisions = ["ci"]
    static let branchLabels: [String] = []
    static let dependsOn: [String] = []
    static let message = "needs gate"
    static let createDate = ""
    func upgrade(_ op: Operations) throws {
        try op.addColumn("account", Column("late", .text))
        try op.execute("INSERT INTO gate VALUES (1)")
    }
    func downgrade(_ op: Operations) throws { try op.dropColumn("account", "late") }
}

/// Item 5 of the data-safety issue: whatever runs outside the transaction, the version table
/// says which revisions took effect, and a rerun after the cause is fixed reaches head.
@Suite(.enabled(if: TestPostgres.isConfigured)) struct NonTransactionalStepTests {
    @Test func aFailureAfterAConcurrentIndexLeavesTheVersionTableTrue() async throws {
        try await withTemporaryPostgres { parts in
            let url = DatabaseURL.postgresql(parts)
            let runner = try runtimeRunner(url, [RevA1.self, RevConcurrent.self, RevAfterConcurrent.self])
            await #expect {
                try await runner.upgrade()
            } throws: { error in
                "\(error)".contains("revision gx failed: 42P01")
            }
            // The index revision took effect and says so; the failing one left nothing.
            #expect(try runner.current().heads == ["ci"])
            #expect(
                try runtimeQuery(url, "SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_account_name'") == [["1"]])
            let columns = try Introspector.read(url: url).schema.table("account")?.columns.map(\.name)
            #expect(columns == ["id", "name", "after_index"])
            // Fix the cause and run again: it reaches head.
            _ = try runtimeQuery(url, "CREATE TABLE gate (x integer)")
            try await runner.upgrade()
            #expect(try runner.current().heads == ["gx"])
            let history = try runtimeQuery(
                url, "SELECT revision FROM autogen_history WHERE direction = 'upgrade' ORDER BY applied_at, revision")
            #expect(history.map { $0[0] ?? "" } == ["a1", "ci", "gx"])
        }
    }
}

/// The offline plan of the same runs: no server needed.
@Suite struct NonTransactionalOfflineTests {
    /// Offline, the same plan: the revision with the concurrent index is committed on its own.
    @Test func offlineSQLCommitsAfterTheRevision() async throws {
        let runner = try runtimeRunner(
            try DatabaseURL("postgresql://localhost/x"),
            [RevA1.self, RevConcurrent.self, RevAfterConcurrent.self])
        let sql = try await runner.offlineSQL(upgrade: RevisionRange(lower: nil, upper: nil))
        let versionUpdate = try #require(sql.range(of: "UPDATE \"autogen_version\" SET version_num = 'ci'"))
        let next = try #require(sql.range(of: "-- Running upgrade ci -> gx"))
        #expect(sql[versionUpdate.upperBound..<next.lowerBound].contains("COMMIT;\nBEGIN;"), "\(sql)")
    }
}
