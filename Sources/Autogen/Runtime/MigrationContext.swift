import Foundation
import Introspect
import ModelDSL

/// Runs revision steps: online through a driver, inside the transaction the runner opened,
/// or offline, appending the SQL a DBA would run.
///
/// For each step it runs the revision's body to record its ops, compiles them against the
/// schema as it stands (read once per run, then kept current by applying each op; read again
/// only after raw SQL), runs the statements (a non-transactional one — `CREATE INDEX
/// CONCURRENTLY`, `ALTER TYPE ... ADD VALUE` — after a `COMMIT`, followed by a new `BEGIN`,
/// and the revision is committed as soon as it ends, as Alembic's `autocommit_block`),
/// then the step's version-table changes and, online, a history row:
///
/// ```sql
/// BEGIN;
/// CREATE TABLE "account" (...);
/// INSERT INTO "autogen_version" (version_num) VALUES ('ab12');
/// INSERT INTO "autogen_history" (...) VALUES ('ab12', 'upgrade', ...);
/// COMMIT;
/// ```
final class MigrationContext {
    let driver: (any MigrationDriver)?
    let dialect: RuntimeDialect
    let versionTable: VersionTable
    let historyTable: HistoryTable
    let options: MigrationOptions
    let revisions: [String: any Revision.Type]
    let graph: RevisionGraph
    /// The schema before the next op; nil when it must be read again.
    var state: Schema?
    /// Offline: the SQL, one statement per element, each ending with `;`.
    private(set) var output: [String] = []
    /// Offline replay below a start revision: bound-parameter SQL (data only) is skipped
    /// instead of rejected.
    var skipsBoundSQL = false
    /// Whether the revision running now has committed and run a statement outside the
    /// transaction (`CREATE INDEX CONCURRENTLY`): the revisions before it are committed.
    private(set) var ranOutsideTransaction = false
    /// Whether this run has committed a transaction already (one per revision, or before a
    /// statement that runs outside one).
    private(set) var committedInRun = false
    private(set) var statementCount = 0
    private(set) var sqlDuration: Duration = .zero

    init(
        driver: (any MigrationDriver)?, dialect: RuntimeDialect, options: MigrationOptions,
        revisions: [String: any Revision.Type], graph: RevisionGraph, state: Schema? = nil
    ) {
        self.driver = driver
        self.dialect = dialect
        self.options = options
        self.revisions = revisions
        self.graph = graph
        self.state = state
        versionTable = VersionTable(dialect: dialect, name: options.versionTable, schema: options.versionTableSchema)
        historyTable = HistoryTable(dialect: dialect, name: options.historyTable, schema: options.versionTableSchema)
    }

    var isOffline: Bool { driver == nil }

    // MARK: Statements

    /// Runs (or, offline, prints) one statement; a failure inside a revision names it.
    func emit(_ sql: String, revision: String?) throws(MigrationError) {
        statementCount += 1
        guard let driver else {
            output.append(sql + ";")
            return
        }
        let start = ContinuousClock.now
        defer { sqlDuration += ContinuousClock.now - start }
        do { try driver.execute(sql) } catch { throw Self.failure(error, revision: revision) }
    }

    /// Runs a query online; offline it is an error.
    func rows(_ sql: String, _ parameters: [String?] = [], revision: String?) throws(MigrationError) -> [[String?]] {
        statementCount += 1
        guard let driver else { throw .offlineUnsupported(revision: revision ?? "-", what: "a query: \(sql)") }
        let start = ContinuousClock.now
        defer { sqlDuration += ContinuousClock.now - start }
        do { return try driver.query(sql, parameters) } catch { throw Self.failure(error, revision: revision) }
    }

    func begin() throws(MigrationError) {
        try emit(dialect.begin, revision: nil)
        // online = true: no statement of the transaction queues longer than this for a lock.
        if let timeout = options.ddlLockTimeout, let bound = dialect.lockTimeout {
            try emit(bound.local(Self.wholeMilliseconds(timeout)), revision: nil)
        }
    }
    func commit() throws(MigrationError) {
        try emit("COMMIT", revision: nil)
        committedInRun = true
    }

    static func failure(_ error: IntrospectError, revision: String?) -> MigrationError {
        if let revision, case .sql(let code, let message, let statement) = error {
            return .statementFailed(revision: revision, statement: statement, code: code, message: message)
        }
        return .database(error)
    }

    // MARK: Version table

    /// `CREATE TABLE IF NOT EXISTS` for the version and history tables.
    func ensureTables() throws(MigrationError) {
        try emit(versionTable.createSQL, revision: nil)
        try emit(historyTable.createSQL, revision: nil)
    }

    /// The version table's rows.
    func readHeads() throws(MigrationError) -> Set<String> {
        Set(try rows(versionTable.selectSQL, revision: nil).compactMap { $0.first ?? nil })
    }

    // MARK: Steps

    /// Runs `steps` in order, inside the open transaction; with `transactionPerMigration`,
    /// commits after each and begins the next.
    func run(_ steps: [RevisionStep]) async throws(MigrationError) {
        let tenth = max(1, steps.count / 10)
        for (position, step) in steps.enumerated() {
            ranOutsideTransaction = false
            try await run(step)
            // A revision that ran a statement outside the transaction is committed as soon as it
            // ends, so that the version table always says which revisions took effect.
            if options.transactionPerMigration || ranOutsideTransaction, position < steps.count - 1 {
                try commit()
                await options.betweenTransactions?()
                try begin()
            }
            if !isOffline, steps.count >= options.progressThreshold, (position + 1) % tenth == 0 {
                options.log("Progress: \(position + 1)/\(steps.count) revisions")
            }
        }
    }

    /// One revision: its body, its SQL, its version-table changes and its history row.
    func run(_ step: RevisionStep) async throws(MigrationError) {
        let start = ContinuousClock.now
        let message = graph.node(step.revision)?.message ?? ""
        let line =
            "Running \(step.direction.rawValue) \(step.from.joined(separator: ", ")) -> \(step.to.joined(separator: ", ")), \(message)"
        if isOffline { output.append("-- " + line) } else { options.log(line) }
        CrashReport.set(
            CrashReport.running(
                revision: step.revision, direction: step.direction.rawValue, offline: isOffline,
                committedBefore: committedInRun))
        defer { CrashReport.set(CrashReport.idle) }
        let recorded = try await record(step)
        try apply(recorded, revision: step.revision)
        for change in step.versionChanges { try emit(versionTable.sql(for: change), revision: step.revision) }
        guard !isOffline else { return }
        let entry = HistoryEntry(
            revision: step.revision, direction: step.direction.rawValue, appliedAt: HistoryEntry.timestamp(),
            durationMilliseconds: Self.milliseconds(ContinuousClock.now - start),
            checksum: FileChecksum.of(path: graph.node(step.revision)?.path ?? ""))
        try emit(historyTable.insertSQL(entry), revision: step.revision)
    }

    /// Runs the step's body on a recorder that knows the schema.
    func record(_ step: RevisionStep) async throws(MigrationError) -> Operations {
        guard let type = revisions[step.revision] else {
            throw .revisionsDisagree("no compiled revision \(step.revision)")
        }
        let operations = Operations(schema: try currentState(), database: options.database)
        do {
            let revision = type.init()
            switch step.direction {
            case .upgrade: try await revision.upgrade(operations)
            case .downgrade: try await revision.downgrade(operations)
            }
        } catch {
            throw .revisionFailed(revision: step.revision, message: "\(step.direction.rawValue) threw: \(error)")
        }
        return operations
    }

    /// The schema now, read from the database when stale (offline it is never stale).
    func currentState() throws(MigrationError) -> Schema {
        if let state { return state }
        guard let driver else { return Schema(tables: []) }
        let start = ContinuousClock.now
        defer { sqlDuration += ContinuousClock.now - start }
        do {
            let schema = try driver.readSchema()
            state = schema
            return schema
        } catch {
            throw .database(error)
        }
    }

    /// Compiles and runs what a body recorded, in order: runs of ops as one compilation (so
    /// SQLite merges a table's changes into one rebuild), raw SQL ending a run.
    func apply(_ recorded: Operations, revision: String) throws(MigrationError) {
        var pending: [MigrationOp] = []
        var sawRawSQL = false
        for step in recorded.steps {
            switch step {
            case .op(let op):
                pending.append(op)
                if case .execute = op {
                    try flush(&pending, revision: revision)
                    sawRawSQL = true
                    if !isOffline { state = nil }
                }
            case .boundSQL(let sql, let parameters):
                try flush(&pending, revision: revision)
                if skipsBoundSQL { continue }
                if isOffline { throw .offlineUnsupported(revision: revision, what: "op.execute with bound parameters") }
                _ = try rows(sql, parameters, revision: revision)
                sawRawSQL = true
                state = nil
            }
        }
        // Without raw SQL, the recorder's schema (the one it was given, with every op
        // applied) is the state after the revision.
        let after = sawRawSQL ? nil : recorded.schema
        try flush(&pending, revision: revision, applyToState: after == nil)
        if let after { state = after }
    }

    private func flush(_ pending: inout [MigrationOp], revision: String, applyToState: Bool = true)
        throws(MigrationError)
    {
        guard !pending.isEmpty else { return }
        let before = try currentState()
        let statements: [SQLStatement]
        do { statements = try dialect.compiler.statements(for: pending, current: before) } catch {
            throw .revisionFailed(revision: revision, message: error.message)
        }
        for statement in statements { try run(statement, revision: revision) }
        if applyToState {
            do { state = try before.applying(pending) } catch { state = isOffline ? before : nil }
        }
        pending.removeAll()
    }

    /// One compiled statement: outside the transaction when it must be, checked when it
    /// must return no rows.
    private func run(_ statement: SQLStatement, revision: String) throws(MigrationError) {
        if !statement.transactional {
            try commit()
            ranOutsideTransaction = true
            // From here a fatal error leaves this revision partly applied: say so.
            if !isOffline {
                CrashReport.set(
                    "error: revision \(revision) failed: a fatal error stopped the process after it ran a statement outside the transaction; what ran before that statement is committed, and the version table does not record revision \(revision) yet"
                )
            }
            if let leftover = statement.leftover, !isOffline,
                !(try rows(leftover.query, leftover.parameters, revision: revision)).isEmpty
            {
                options.log("Dropping what an earlier attempt left: \(leftover.what)")
                try emit(leftover.cleanup, revision: revision)
            }
            try emit(statement.sql, revision: revision)
            try begin()
        } else if statement.expectsNoRows, !isOffline {
            let found = try rows(statement.sql, revision: revision)
            if !found.isEmpty { throw .checkFailed(revision: revision, statement: statement.sql, rows: found.count) }
        } else {
            try emit(statement.sql, revision: revision)
        }
    }

    static func wholeMilliseconds(_ duration: Duration) -> Int { Int(milliseconds(duration).rounded()) }

    /// The statement as an error shows it (one line, passwords masked), cut at 60 characters,
    /// for a log line.
    static func shortened(_ sql: String) -> String { StatementText.forMessage(sql, limit: 60) }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
}
