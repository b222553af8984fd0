import Foundation
import Introspect
import ModelDSL
import Testing

@testable import Autogen

@Suite struct RuntimeSQLiteTests {
    @Test func linearGraph() async throws { try await RuntimeScenarios.linear(temporarySQLiteURL().url) }
    @Test func branchedAndMergedGraph() async throws { try await RuntimeScenarios.branched(temporarySQLiteURL().url) }
    @Test func failureRollsBackTheRun() async throws {
        try await RuntimeScenarios.failurePerRun(temporarySQLiteURL().url)
    }
    @Test func failureRollsBackTheRevision() async throws {
        try await RuntimeScenarios.failurePerMigration(temporarySQLiteURL().url)
    }
    @Test func stamp() async throws { try await RuntimeScenarios.stamp(temporarySQLiteURL().url) }

    @Test func foreignKeysAreBackOnAfterARun() async throws {
        let (url, path) = temporarySQLiteURL()
        try await runtimeRunner(url, linearRevisions).upgrade()
        let connection = try SQLiteConnection(path: path)
        #expect(try connection.query("PRAGMA foreign_keys") == [[.integer(1)]])
    }

    @Test func editedRevisionIsReported() async throws {
        let (url, path) = temporarySQLiteURL()
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        var paths: [String: String] = [:]
        for revision in linearRevisions {
            let file = folder.appendingPathComponent("\(revision.id).swift")
            try Data("// revision \(revision.id)\n".utf8).write(to: file)
            paths[revision.id] = file.path
        }
        let runner = try runtimeRunner(url, linearRevisions, paths: paths)
        try await runner.upgrade()
        #expect(try runner.current(verbose: true).edited == [])
        try Data("// revision b2, edited\n".utf8).write(to: URL(fileURLWithPath: paths["b2"] ?? ""))
        let edited = try runner.current(verbose: true).edited
        #expect(edited.map(\.revision) == ["b2"])
        #expect(edited.first?.description.contains("was edited after it was applied") == true)
    }

    @Test func batchIsOneRebuild() async throws {
        let (url, _) = temporarySQLiteURL()
        let log = LogLines()
        let runner = try runtimeRunner(url, branchedRevisions, log: log.append)
        try await runner.upgrade(to: "d4")
        try await runner.upgrade(to: "e5")
        let state = try Introspector.read(url: url).schema
        let op = Operations(schema: state)
        try RevF6().upgrade(op)
        let statements = try SQLiteDialect.statements(for: op.ops, current: state)
        #expect(statements.filter { $0.sql.hasPrefix("CREATE TABLE") }.count == 1)
        try await runner.upgrade()
        #expect(try runner.current().heads == ["f6"])
    }

    @Test func boundParametersRunOnline() async throws {
        let (url, _) = temporarySQLiteURL()
        struct Bound: Revision {
            static let id = "p1"
            static let downRevisions = ["a1"]
            static let branchLabels: [String] = []
            static let dependsOn: [String] = []
            static let message = "bound"
            static let createDate = ""
            func upgrade(_ op: Operations) throws {
                try op.execute("UPDATE account SET name = ? WHERE id = ?", ["it's", "1"])
                try op.addColumn("account", Column("later", .text))
            }
            func downgrade(_ op: Operations) throws {}
        }
        let runner = try runtimeRunner(url, [RevA1.self, Bound.self])
        try await runner.upgrade()
        #expect(try runtimeQuery(url, "SELECT name FROM account ORDER BY id") == [["it's"], ["bob"]])
        #expect(try Introspector.read(url: url).schema.table("account")?.column("later") != nil)
        await #expect(throws: MigrationError.self) {
            _ = try await runner.offlineSQL(upgrade: RevisionRange(parsing: ":"))
        }
        // Below the start of an offline range, bound SQL (data only) is replayed without a database.
        #expect(
            try await runner.offlineSQL(upgrade: RevisionRange(parsing: "p1:")).contains("BEGIN IMMEDIATE;\nCOMMIT;"))
    }

    @Test func compiledRevisionsMustMatchTheFiles() throws {
        let graph = try runtimeGraph(linearRevisions)
        #expect(throws: MigrationError.self) {
            try MigrationRunner(url: .sqlite(path: nil), revisions: [RevA1.self, RevB2.self], graph: graph)
        }
        let other = try RevisionGraph(headers: [
            RevisionHeader(id: "a1"), RevisionHeader(id: "b2", downRevisions: ["a1"]),
            RevisionHeader(id: "c3", downRevisions: ["a1"]),
        ])
        do {
            _ = try MigrationRunner(url: .sqlite(path: nil), revisions: linearRevisions, graph: other)
            Issue.record("expected a mismatch")
        } catch {
            #expect(
                error.description.contains("revision c3: compiled downRevisions [\"b2\"] but the file says [\"a1\"]"))
        }
    }

    @Test func progressIsLoggedOnLongRuns() async throws {
        let (url, _) = temporarySQLiteURL()
        let log = LogLines()
        let graph = try runtimeGraph(linearRevisions)
        let runner = try MigrationRunner(
            url: url, revisions: linearRevisions, graph: graph,
            options: MigrationOptions(log: log.append, progressThreshold: 3))
        try await runner.upgrade()
        #expect(
            log.all.filter { $0.hasPrefix("Progress:") } == [
                "Progress: 1/3 revisions", "Progress: 2/3 revisions", "Progress: 3/3 revisions",
            ])
    }

    /// Foreign keys are off during a run; a rebuild checks them and fails the revision when
    /// rows break them, rolling everything back.
    @Test func rebuildFailsOnBrokenForeignKeys() async throws {
        struct Orphan: Revision {
            static let id = "o1"
            static let downRevisions = ["c3"]
            static let branchLabels: [String] = []
            static let dependsOn: [String] = []
            static let message = "orphan"
            static let createDate = ""
            func upgrade(_ op: Operations) throws {
                try op.execute("INSERT INTO note (id, account_id, body) VALUES (1, 999, 'x')")
                try op.alterColumn("note", "body", nullable: false)
            }
            func downgrade(_ op: Operations) throws {}
        }
        let (url, _) = temporarySQLiteURL()
        let runner = try runtimeRunner(url, linearRevisions + [Orphan.self])
        try await runner.upgrade(to: "c3")
        await #expect {
            try await runner.upgrade()
        } throws: { error in
            guard case .checkFailed(let revision, let statement, let rows) = error as? MigrationError else {
                return false
            }
            return revision == "o1" && statement == "PRAGMA foreign_key_check(\"note\")" && rows == 1
        }
        #expect(try runner.current().heads == ["c3"])
        #expect(try runtimeQuery(url, "SELECT count(*) FROM note") == [["0"]])
    }
}

@Suite struct RuntimeHistoryTests {
    @Test func timestampIsUTCWithMilliseconds() {
        #expect(HistoryEntry.timestamp(Date(timeIntervalSince1970: 1_795_725_600.123)) == "2026-11-26T20:40:00.123Z")
        #expect(HistoryEntry.timestamp(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
    }
}
