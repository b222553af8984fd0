import Foundation
import Introspect
import ModelDSL
import TestSupport
import Testing

@testable import Autogen

/// The second run of `aRunStartedBetweenTwoTransactionsWaitsForTheWholeRun`, started once.
actor SecondRun {
    private var task: Task<Int, any Error>?
    func startOnce(_ body: @escaping @Sendable () async throws -> Int) {
        if task == nil { task = Task { try await body() } }
    }
    func result() async throws -> Int { try await task?.value ?? -1 }
}

/// Items 3 and 4 of the data-safety issue: concurrent upgraders on one SQLite file apply each
/// revision exactly once, in both transaction modes, and a waiter waits for the run holding
/// the lock (saying so) up to the lock timeout.
@Suite struct SQLiteConcurrencyTests {
    /// With one transaction per revision, a second run started between two of the first's
    /// transactions waits for the first run to end, then finds nothing to do: each revision
    /// is applied once. (Without a lock held across the run, the second run applies the
    /// remaining revisions there, and the first applies them again.)
    @Test func aRunStartedBetweenTwoTransactionsWaitsForTheWholeRun() async throws {
        let (url, _) = temporarySQLiteURL()
        let graph = try runtimeGraph(branchedRevisions)
        let log = LogLines()
        let second = SecondRun()
        var options = MigrationOptions(
            transactionPerMigration: true, log: log.append, lockPollInterval: .milliseconds(5),
            // Generous: on a loaded 2-core machine the first run may wait minutes for a thread.
            lockTimeout: .seconds(900))
        let plain = options
        options.betweenTransactions = {
            await second.startOnce {
                let runner = try MigrationRunner(url: url, revisions: branchedRevisions, graph: graph, options: plain)
                return try await runner.upgrade().steps.count
            }
            try? await Task.sleep(for: .milliseconds(300))
        }
        let first = try MigrationRunner(url: url, revisions: branchedRevisions, graph: graph, options: options)
        let firstSteps = try await first.upgrade().steps.count
        let secondSteps = try await second.result()
        #expect(firstSteps == 6 && secondSteps == 0)
        #expect(log.all.contains { $0.hasPrefix("Waiting for the migration lock on sqlite:///") })
        let applied = try runtimeQuery(
            url, "SELECT revision FROM autogen_history WHERE direction = 'upgrade' ORDER BY revision")
        #expect(applied.map { $0[0] ?? "" } == ["a1", "b2", "c3", "d4", "e5", "f6"])
        #expect(try runtimeQuery(url, "SELECT version_num FROM autogen_version") == [["f6"]])
    }

    /// A second run waits while another holds the lock, logs the same line as on PostgreSQL,
    /// and gives up after the timeout with one line; once the lock is free it runs.
    @Test func aWaiterWaitsThenGivesUpAfterTheTimeout() async throws {
        let (url, path) = temporarySQLiteURL()
        let log = LogLines()
        let options = MigrationOptions(
            log: log.append, lockPollInterval: .milliseconds(10), lockTimeout: .milliseconds(300))
        let runner = try MigrationRunner(
            url: url, revisions: linearRevisions, graph: runtimeGraph(linearRevisions), options: options)
        let holder = try #require(FileLock(path: SQLiteMigrationDriver.lockPath(for: path)))
        #expect(try holder.tryLock())
        let start = ContinuousClock.now
        await #expect {
            try await runner.upgrade()
        } throws: { error in
            guard case .lockTimeout = error as? MigrationError else { return false }
            return "\(error)".hasPrefix("another migration held the lock on sqlite:///")
        }
        #expect(ContinuousClock.now - start >= .milliseconds(300))
        #expect(log.all.first?.hasPrefix("Waiting for the migration lock on sqlite:///") == true)
        holder.unlock()
        try await runner.upgrade()
        #expect(try runner.current().heads == ["c3"])
    }

    /// A run outlasts SQLite's own 5 s busy timeout: while another writer holds the database's
    /// write lock for 6 s, it waits (up to the lock timeout) instead of failing with SQLITE_BUSY.
    @Test func aRunOutlastsTheBusyTimeout() async throws {
        let (url, path) = temporarySQLiteURL()
        let options = MigrationOptions(lockPollInterval: .milliseconds(20), lockTimeout: .seconds(60))
        let runner = try MigrationRunner(
            url: url, revisions: linearRevisions, graph: runtimeGraph(linearRevisions), options: options)
        let writer = try SQLiteConnection(path: path)
        try writer.execute("CREATE TABLE app (x)")
        try writer.execute("BEGIN IMMEDIATE")
        // The writer lets go from a thread of its own: the run blocks a thread of the
        // cooperative pool while SQLite waits, and the pool may have no other to spare.
        let released = LogLines()
        nonisolated(unsafe) let held = writer  // used by that thread alone from here on
        let release = Thread {
            Thread.sleep(forTimeInterval: 6)
            do { try held.execute("COMMIT") } catch { released.append("\(error)") }
            released.append("released")
        }
        release.start()
        try await runner.upgrade()
        #expect(released.all == ["released"])
        #expect(try runner.current().heads == ["c3"])
    }
}
