import Foundation
import Introspect
import ModelDSL
import TestSupport
import Testing

@testable import Autogen

@Suite(.enabled(if: TestPostgres.isConfigured)) struct RuntimePostgresTests {
    @Test func linearGraph() async throws {
        try await withTemporaryPostgres { try await RuntimeScenarios.linear(.postgresql($0)) }
    }

    @Test func branchedAndMergedGraph() async throws {
        try await withTemporaryPostgres { try await RuntimeScenarios.branched(.postgresql($0)) }
    }

    @Test func failureRollsBackTheRun() async throws {
        try await withTemporaryPostgres { try await RuntimeScenarios.failurePerRun(.postgresql($0)) }
    }

    @Test func failureRollsBackTheRevision() async throws {
        try await withTemporaryPostgres { try await RuntimeScenarios.failurePerMigration(.postgresql($0)) }
    }

    @Test func stamp() async throws {
        try await withTemporaryPostgres { try await RuntimeScenarios.stamp(.postgresql($0)) }
    }

    /// `CREATE INDEX CONCURRENTLY` fails inside a transaction block, so this run passing means
    /// it ran outside one; the revisions before it are committed, the one after it too.
    @Test func concurrentIndexRunsOutsideTheTransaction() async throws {
        try await withTemporaryPostgres { parts in
            let url = DatabaseURL.postgresql(parts)
            let runner = try runtimeRunner(url, [RevA1.self, RevConcurrent.self])
            try await runner.upgrade()
            #expect(try runner.current().heads == ["ci"])
            let valid = try runtimeQuery(
                url,
                "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'ix_account_name'"
            )
            #expect(valid == [["t"]])
            try await runner.downgrade(to: "a1")
            #expect(try runner.current().heads == ["a1"])
            #expect(try Introspector.read(url: url).schema.table("account")?.indexes.isEmpty == true)
        }
    }

    /// Eight runners with their own connections start `upgrade heads` at once: the advisory
    /// lock lets one apply each revision, the others find the version table at head.
    @Test func eightConcurrentUpgradersApplyEachRevisionOnce() async throws {
        try await withTemporaryPostgres { parts in
            let url = DatabaseURL.postgresql(parts)
            let log = LogLines()
            let graph = try runtimeGraph(branchedRevisions)
            let options = MigrationOptions(log: log.append, lockPollInterval: .milliseconds(5))
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        let runner = try MigrationRunner(
                            url: url, revisions: branchedRevisions, graph: graph, options: options)
                        return try await runner.upgrade().steps.count
                    }
                }
                var counts: [Int] = []
                for try await count in group { counts.append(count) }
                #expect(counts.sorted() == [0, 0, 0, 0, 0, 0, 0, 6])
            }
            let applied = try runtimeQuery(
                url, "SELECT revision FROM autogen_history WHERE direction = 'upgrade' ORDER BY revision")
            #expect(applied.map { $0[0] ?? "" } == ["a1", "b2", "c3", "d4", "e5", "f6"])
            #expect(try runtimeQuery(url, "SELECT version_num FROM autogen_version") == [["f6"]])
            #expect(log.all.filter { $0.hasPrefix("Running upgrade") }.count == 6)
        }
    }

    @Test func failingStatementNamesRevisionStatementAndMessage() async throws {
        try await withTemporaryPostgres { parts in
            let runner = try runtimeRunner(.postgresql(parts), failingRevisions)
            do {
                try await runner.upgrade()
                Issue.record("expected a failure")
            } catch {
                #expect("\(error)".contains("revision x9 failed: 42P01"))
                #expect("\(error)".contains("missing_table"))
                #expect("\(error)".contains("INSERT INTO missing_table VALUES (1)"))
            }
        }
    }

    /// A run waits for the advisory lock, saying so, and gives up after the timeout.
    @Test func waitsForTheLockWithAMessage() async throws {
        try await withTemporaryPostgres { database in
            // Connect as a role that logs in with a password, so that "no password in the
            // message" can fail.
            let admin = try PostgresConnection(database)
            try TestPostgres.ensurePasswordRole(admin)
            try admin.execute(
                "ALTER DATABASE \(PostgresDialect.quoteIdentifier(database.database ?? "")) OWNER TO autogen_password_test"
            )
            admin.close()
            var parts = database
            parts.user = "autogen_password_test"
            parts.password = "right-secret"
            let url = DatabaseURL.postgresql(parts)
            let log = LogLines()
            let options = MigrationOptions(
                log: log.append, lockPollInterval: .milliseconds(10), lockTimeout: .milliseconds(200))
            let runner = try MigrationRunner(
                url: url, revisions: linearRevisions, graph: runtimeGraph(linearRevisions), options: options)
            let holder = try PostgresConnection(parts)
            defer { holder.close() }
            _ = try holder.query("SELECT pg_advisory_lock($1)", [String(options.lockKey)])
            await #expect {
                try await runner.upgrade()
            } throws: { error in
                guard case .lockTimeout = error as? MigrationError else { return false }
                return !"\(error)".contains("right-secret") && "\(error)".contains("autogen_password_test:***@")
            }
            #expect(log.all.first?.hasPrefix("Waiting for the migration lock on postgresql://") == true)
            #expect(!log.all.joined().contains("right-secret"), "\(log.all)")
            #expect(try runner.current().heads == [])
            _ = try holder.query("SELECT pg_advisory_unlock($1)", [String(options.lockKey)])
            try await runner.upgrade()
            #expect(try runner.current().heads == ["c3"])
        }
    }
}
