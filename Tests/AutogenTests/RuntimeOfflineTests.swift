import Introspect
import Testing

@testable import Autogen

/// Offline (`--sql`) output, against golden files in `Snapshots/RuntimeOfflineTests/`.
@Suite struct RuntimeOfflineTests {
    /// Nothing connects: the host does not exist.
    static var postgres: DatabaseURL {
        get throws { try DatabaseURL("postgresql://nobody:secret@unreachable.invalid/x") }
    }

    func sql(_ url: DatabaseURL, _ range: String, perMigration: Bool = false, downgrade: Bool = false) async throws
        -> String
    {
        let runner = try runtimeRunner(url, branchedRevisions, perMigration: perMigration)
        let range = try RevisionRange(parsing: range)
        return downgrade ? try await runner.offlineSQL(downgrade: range) : try await runner.offlineSQL(upgrade: range)
    }

    @Test func sqliteFromBase() async throws {
        assertSnapshot(
            try await sql(.sqlite(path: nil), ":heads"), named: "sqlite_base_heads", suite: "RuntimeOfflineTests")
    }

    /// Starting at b2, c3's rebuild of `account` needs the table as a1 and b2 left it: the
    /// runtime replays them without printing them.
    @Test func sqliteFromARevisionReplaysTheSchema() async throws {
        let text = try await sql(.sqlite(path: nil), "b2:c3")
        #expect(!text.contains("autogen_version\" (\n"))
        assertSnapshot(text, named: "sqlite_b2_c3", suite: "RuntimeOfflineTests")
    }

    @Test func postgresFromBase() async throws {
        assertSnapshot(
            try await sql(try Self.postgres, ":"), named: "postgres_base_heads", suite: "RuntimeOfflineTests")
    }

    @Test func postgresTransactionPerMigration() async throws {
        assertSnapshot(
            try await sql(try Self.postgres, "c3:f6", perMigration: true), named: "postgres_c3_f6_per_migration",
            suite: "RuntimeOfflineTests")
    }

    @Test func postgresDowngrade() async throws {
        assertSnapshot(
            try await sql(try Self.postgres, "f6:b2", downgrade: true), named: "postgres_f6_b2_down",
            suite: "RuntimeOfflineTests")
    }

    /// A non-transactional statement ends the transaction, runs alone, and a new one begins.
    @Test func postgresConcurrentIndexOutsideTheTransaction() async throws {
        let runner = try runtimeRunner(try Self.postgres, [RevA1.self, RevConcurrent.self])
        let text = try await runner.offlineSQL(upgrade: RevisionRange(parsing: "a1:"))
        assertSnapshot(text, named: "postgres_concurrent_index", suite: "RuntimeOfflineTests")
    }
}
