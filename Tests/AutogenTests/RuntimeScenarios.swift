import Introspect
import ModelDSL
import Testing

@testable import Autogen

/// Scenarios that run the same way on both databases; the suites call them with a fresh URL.
enum RuntimeScenarios {
    /// Linear graph: upgrade, relative steps, downgrade to base, with data kept.
    static func linear(_ url: DatabaseURL) async throws {
        let log = LogLines()
        let runner = try runtimeRunner(url, linearRevisions, log: log.append)
        #expect(try runner.current().heads == [])
        let report = try await runner.upgrade(to: "head")
        #expect(report.steps.map(\.revision) == ["a1", "b2", "c3"])
        #expect(
            log.all == [
                "Running upgrade  -> a1, add account", "Running upgrade a1 -> b2, add email",
                "Running upgrade b2 -> c3, add note, name required",
            ])
        #expect(try runner.current().heads == ["c3"])
        #expect(try runtimeTables(url) == ["account", "note"])
        #expect(try runtimeQuery(url, "SELECT name FROM account ORDER BY id") == [["ada"], ["bob"]])

        try await runner.downgrade(to: "-1")
        #expect(try runner.current().heads == ["b2"])
        #expect(try runtimeTables(url) == ["account"])
        try await runner.downgrade(to: "base")
        #expect(try runner.current().heads == [])
        #expect(try runtimeTables(url) == [])
        try await runner.upgrade(to: "+2")
        #expect(try runner.current().heads == ["b2"])
        try await runner.upgrade(to: "+1")
        #expect(try runner.current().heads == ["c3"])
        // Already there: nothing runs.
        #expect(try await runner.upgrade().steps.isEmpty)
        let status = try runner.current(verbose: true)
        #expect(
            status.history.map { "\($0.direction) \($0.revision)" } == [
                "upgrade a1", "upgrade b2", "upgrade c3", "downgrade c3", "downgrade b2", "downgrade a1",
                "upgrade a1", "upgrade b2", "upgrade c3",
            ])
    }

    /// Branches and a merge: one row per head, merged back into one.
    static func branched(_ url: DatabaseURL) async throws {
        let runner = try runtimeRunner(url, branchedRevisions)
        try await runner.upgrade(to: "d4")
        #expect(try runner.current().heads == ["d4"])
        try await runner.upgrade(to: "e5")
        #expect(try runner.current().heads == ["d4", "e5"])
        try await runner.upgrade(to: "heads")
        #expect(try runner.current().heads == ["f6"])
        #expect(try runtimeTables(url) == ["account", "left_t", "note", "right_t"])
        let account = try Introspector.read(url: url).schema.table("account")
        #expect(account?.column("merged") != nil)
        #expect(account?.column("email")?.type == .varchar(200))
        #expect(try runtimeQuery(url, "SELECT name FROM account ORDER BY id") == [["ada"], ["bob"]])

        // Only what is above e5 goes: the merge; d4 stays on its own branch.
        try await runner.downgrade(to: "e5")
        #expect(try runner.current().heads == ["d4", "e5"])
        #expect(try runtimeTables(url) == ["account", "left_t", "note", "right_t"])
        #expect(try Introspector.read(url: url).schema.table("account")?.column("merged") == nil)
        try await runner.downgrade(to: "c3")
        #expect(try runner.current().heads == ["c3"])
        try await runner.upgrade(to: "left@head")
        #expect(try runner.current().heads == ["f6"])
        try await runner.downgrade(to: "base")
        #expect(try runtimeTables(url) == [])
    }

    /// A failure in the middle of a run with one transaction: everything as before the run.
    static func failurePerRun(_ url: DatabaseURL) async throws {
        let runner = try runtimeRunner(url, failingRevisions)
        try await runner.upgrade(to: "b2")
        await #expect {
            try await runner.upgrade(to: "heads")
        } throws: { error in
            guard let error = error as? MigrationError,
                case .statementFailed(let revision, let statement, _, let message) = error
            else { return false }
            return revision == "x9" && statement.contains("missing_table") && message.contains("missing_table")
                && error.description.contains("revision x9 failed")
        }
        #expect(try runner.current().heads == ["b2"])
        #expect(try runtimeTables(url) == ["account"])
        #expect(try runtimeQuery(url, "SELECT name FROM account ORDER BY id") == [["ada"], ["bob"]])
        #expect(try runner.current(verbose: true).history.map(\.revision) == ["a1", "b2"])
    }

    /// The same with a transaction per revision: c3 stays applied and recorded.
    static func failurePerMigration(_ url: DatabaseURL) async throws {
        let runner = try runtimeRunner(url, failingRevisions, perMigration: true)
        try await runner.upgrade(to: "b2")
        await #expect(throws: MigrationError.self) { try await runner.upgrade(to: "heads") }
        #expect(try runner.current().heads == ["c3"])
        #expect(try runtimeTables(url) == ["account", "note"])
        #expect(try runtimeQuery(url, "SELECT name FROM account ORDER BY id") == [["ada"], ["bob"]])
        #expect(try runner.current(verbose: true).history.map(\.revision) == ["a1", "b2", "c3"])
    }

    /// Stamp moves the version table only; purge empties it first.
    static func stamp(_ url: DatabaseURL) async throws {
        let runner = try runtimeRunner(url, branchedRevisions)
        try await runner.stamp(["c3"])
        #expect(try runner.current().heads == ["c3"])
        #expect(try runtimeTables(url) == [])
        try await runner.stamp(["d4", "e5"])
        #expect(try runner.current().heads == ["d4", "e5"])
        try await runner.stamp(["b2"])
        #expect(try runner.current().heads == ["b2"])
        try await runner.stamp(["base"])
        #expect(try runner.current().heads == [])
        try await runner.stamp(["d4"])
        try await runner.stamp(["a1"], purge: true)
        #expect(try runner.current().heads == ["a1"])
        #expect(try runner.current(verbose: true).history.allSatisfy { $0.direction == "stamp" })
    }
}
