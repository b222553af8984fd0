import Introspect
import ModelDSL

/// The library entry point the CLI calls: upgrade, downgrade, stamp, current and offline SQL
/// for one database, with the compiled revisions and the graph read from their files.
///
/// An online run opens its own connection, takes the migration lock (PostgreSQL: an advisory
/// lock on a second connection; SQLite: `BEGIN IMMEDIATE`), reads the version table once
/// the lock is held, and runs every step in one transaction (or one per revision with
/// `transactionPerMigration`). A failure rolls the open transaction back, so the version
/// table and the schema are as they were before the run (or before the failing revision).
public struct MigrationRunner: Sendable {
    public let url: DatabaseURL
    public let graph: RevisionGraph
    public let options: MigrationOptions
    let revisions: [String: any Revision.Type]

    /// Checks that `revisions` (the compiled types) and `graph` (read from the files) hold
    /// the same ids with the same down revisions.
    public init(
        url: DatabaseURL, revisions: [any Revision.Type], graph: RevisionGraph,
        options: MigrationOptions = MigrationOptions()
    ) throws(MigrationError) {
        var byID: [String: any Revision.Type] = [:]
        for revision in revisions {
            if byID.updateValue(revision, forKey: revision.id) != nil {
                throw .revisionsDisagree("revision \(revision.id) is compiled twice")
            }
        }
        for header in graph.revisions {
            guard let compiled = byID[header.id] else {
                let file = header.path.isEmpty ? "" : " (\(header.path))"
                throw .revisionsDisagree(
                    "revision \(header.id)\(file) has a file but no compiled type; rebuild the environment")
            }
            if compiled.downRevisions != header.downRevisions {
                throw .revisionsDisagree(
                    "revision \(header.id): compiled downRevisions \(compiled.downRevisions) but the file says \(header.downRevisions); rebuild the environment"
                )
            }
        }
        if let extra = byID.keys.filter({ graph.node($0) == nil }).sorted().first {
            throw .revisionsDisagree("compiled revision \(extra) has no revision file")
        }
        self.url = url
        self.graph = graph
        self.options = options
        self.revisions = byID
    }

    var dialect: RuntimeDialect { RuntimeDialect(url) }

    /// Upgrades to `target` (`head`, `heads`, `+2`, `label@head`, an id ...).
    @discardableResult
    public func upgrade(to target: String = "heads") async throws(MigrationError) -> MigrationReport {
        try await migrate { heads throws(MigrationError) in
            do { return try graph.upgradePath(from: heads, to: target) } catch { throw .target("\(error)") }
        }
    }

    /// Downgrades to `target` (`base`, `-1`, an id, `label@base` ...).
    @discardableResult
    public func downgrade(to target: String) async throws(MigrationError) -> MigrationReport {
        try await migrate { heads throws(MigrationError) in
            do { return try graph.downgradePath(from: heads, to: target) } catch { throw .target("\(error)") }
        }
    }

    /// Runs the steps `plan` makes of the version table's rows, read under the lock.
    ///
    /// With `online = true` (`ddlLockTimeout`), a statement not granted its lock in time fails
    /// the run, which rolls back and so lets go of every lock it held (the queue behind it
    /// moves on); the run is then tried again from the version table's rows after a growing
    /// pause, up to `ddlLockRetries` times, each logged.
    func migrate(_ plan: (Set<String>) throws(MigrationError) -> [RevisionStep]) async throws(MigrationError)
        -> MigrationReport
    {
        guard let timeout = options.ddlLockTimeout, let bound = dialect.lockTimeout else {
            return try await migrateOnce(plan)
        }
        var attempt = 0
        while true {
            do {
                return try await migrateOnce(plan)
            } catch .statementFailed(let revision, let statement, let code, let message) where code == bound.code {
                let milliseconds = MigrationContext.wholeMilliseconds(timeout)
                guard attempt < options.ddlLockRetries else {
                    throw .statementFailed(
                        revision: revision, statement: statement, code: code,
                        message:
                            "\(message) (online = true: waited \(milliseconds) ms for the lock \(attempt + 1) times; ddl_lock_retries is \(options.ddlLockRetries))"
                    )
                }
                attempt += 1
                let delay = options.ddlRetryDelay * attempt
                options.log(
                    "Lock not granted within \(milliseconds) ms in revision \(revision) (\(MigrationContext.shortened(statement))); rolled back, trying again in \(MigrationContext.wholeMilliseconds(delay)) ms (\(attempt) of \(options.ddlLockRetries))"
                )
                try? await Task.sleep(for: delay)
            }
        }
    }

    private func migrateOnce(_ plan: (Set<String>) throws(MigrationError) -> [RevisionStep])
        async throws(MigrationError)
        -> MigrationReport
    {
        let start = ContinuousClock.now
        var steps: [RevisionStep] = []
        let context = try await withLockedTransaction { context throws(MigrationError) in
            steps = try plan(try context.readHeads())
            try await context.run(steps)
        }
        return MigrationReport(
            steps: steps, statementCount: context.statementCount, sqlDuration: context.sqlDuration,
            totalDuration: ContinuousClock.now - start)
    }

    /// Opens a driver, takes the lock, begins, makes sure the version and history tables
    /// exist, runs `body`, commits; rolls back when anything throws.
    func withLockedTransaction(
        _ body: (MigrationContext) async throws(MigrationError) -> Void
    ) async throws(MigrationError) -> MigrationContext {
        let driver = try openDriver()
        defer { driver.close() }
        try await driver.acquireLock(key: options.lockKey, options: options)
        do { try driver.startRun() } catch { throw .database(error) }
        defer { driver.endRun() }
        let context = MigrationContext(
            driver: driver, dialect: dialect, options: options, revisions: revisions, graph: graph)
        try context.begin()
        do {
            try context.ensureTables()
            try await body(context)
            try context.commit()
        } catch {
            driver.rollback()
            throw error
        }
        return context
    }

    func openDriver() throws(MigrationError) -> any MigrationDriver { try Self.openDriver(url, options: options) }

    /// A driver connected to `url` (a SQLite file is created when missing).
    static func openDriver(_ url: DatabaseURL, options: MigrationOptions) throws(MigrationError)
        -> any MigrationDriver
    {
        do {
            return try DatabaseBackends.backend(for: url).openDriver(url, options: options)
        } catch {
            throw .database(error)
        }
    }
}
