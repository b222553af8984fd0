import Foundation
import Introspect
import ModelDSL
import TestSupport
import Testing

@testable import Autogen

/// `online = true` on PostgreSQL: a DDL statement waits at most `ddl_lock_timeout_ms` for its
/// table lock, then steps out of the queue (readers behind it go on) and tries again.
@Suite(.serialized) struct OnlineLockTests {
    struct AddNote: Revision {
        static let id = "ol1"
        static let downRevisions: [String] = []
        static let branchLabels: [String] = []
        static let dependsOn: [String] = []
        static let message = "add note"
        static let createDate = ""
        func upgrade(_ op: Operations) throws { try op.addColumn("account", Column("note", .text)) }
        func downgrade(_ op: Operations) throws { try op.dropColumn("account", "note") }
    }

    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func append(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }

    /// A runner of `AddNote` on `url`; `online` sets a 200 ms lock timeout and 50 ms retry steps.
    static func runner(_ url: DatabaseURL.PostgresURL, online: Bool, retries: Int = 5, log: Lines) throws
        -> MigrationRunner
    {
        var options = MigrationOptions(log: { log.append($0) })
        if online {
            options.ddlLockTimeout = .milliseconds(200)
            options.ddlLockRetries = retries
            options.ddlRetryDelay = .milliseconds(50)
        }
        return try MigrationRunner(
            url: .postgresql(url), revisions: [AddNote.self],
            graph: try RevisionGraph(headers: [RevisionHeader(id: "ol1", message: "add note")]), options: options)
    }

    /// A reader that gives up after `milliseconds`: whether it got its rows.
    static func reads(_ url: DatabaseURL.PostgresURL, within milliseconds: Int) throws -> Bool {
        let reader = try PostgresConnection(url)
        defer { reader.close() }
        try reader.execute("SET statement_timeout = '\(milliseconds)ms'")
        return (try? reader.query("SELECT count(*) FROM account")) != nil
    }

    /// A table `account` (made on the first connection) and a second connection that reads it
    /// in an open transaction, holding ACCESS SHARE on it until it commits.
    static func accountHeldByAReader(_ url: DatabaseURL.PostgresURL) throws -> (
        setup: PostgresConnection, holder: PostgresConnection
    ) {
        let setup = try PostgresConnection(url)
        try setup.execute("CREATE TABLE IF NOT EXISTS account (id integer PRIMARY KEY)")
        let holder = try PostgresConnection(url)
        try holder.execute("BEGIN")
        _ = try holder.query("SELECT * FROM account LIMIT 1")
        return (setup, holder)
    }

    static func columns(_ url: DatabaseURL.PostgresURL) throws -> [String] {
        try Introspector.read(url: .postgresql(url)).schema.tables.first { $0.name == "account" }?.columns.map(\.name)
            ?? []
    }

    @Test func theIniTurnsItOnAndOfflineSQLCarriesTheTimeout() async throws {
        let (folder, ini) = try EnvironmentCommandTests.makeProject(url: "postgresql://u@unreachable.invalid/db")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let options = ConfigOptions(file: ini, environment: [:], currentDirectory: folder)
        #expect(MigrationOptions(config: try AutogenConfig.load(options)).ddlLockTimeout == nil)
        let text = try String(contentsOfFile: ini, encoding: .utf8)
        try (text + "online = true\nddl_lock_timeout_ms = 750\nddl_lock_retries = 3\n")
            .write(toFile: ini, atomically: true, encoding: .utf8)
        let config = try AutogenConfig.load(options)
        #expect(config.warnings.isEmpty, "\(config.warnings)")
        let online = MigrationOptions(config: config)
        #expect(online.ddlLockTimeout == .milliseconds(750) && online.ddlLockRetries == 3)
        let runner = try MigrationRunner(
            url: try DatabaseURL("postgresql://u@unreachable.invalid/db"), revisions: [AddNote.self],
            graph: try RevisionGraph(headers: [RevisionHeader(id: "ol1", message: "add note")]), options: online)
        let sql = try await runner.offlineSQL(upgrade: RevisionRange(lower: nil, upper: "heads"))
        #expect(sql.contains("BEGIN;\nSET LOCAL lock_timeout = '750ms';\n"), "\(sql)")
    }

    /// With `online = true`, autogenerate builds the index of an existing table concurrently,
    /// and check then finds no scan under lock; a table made in the same revision keeps the
    /// plain form.
    @Test(.enabled(if: TestPostgres.isConfigured)) func autogenerateWritesTheOnlinePlan() async throws {
        try await withTemporaryPostgres { url in
            let setup = try PostgresConnection(url)
            defer { setup.close() }
            try setup.execute("CREATE TABLE account (id integer PRIMARY KEY, email text, n integer)")
            let (folder, ini) = try EnvironmentCommandTests.makeProject(url: TestPostgres.text(url))
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let model = Schema {
                Table("account") {
                    Column("id", .integer).primaryKey()
                    Column("email", .text).index(name: "ix_account_email")
                    Column("n", .bigint)
                }
                Table("audit") {
                    Column("id", .integer).primaryKey()
                    Column("at", .timestamp()).index(name: "ix_audit_at")
                }
            }
            let plain = await EnvironmentCommandTests.run(
                ["check", "--hazards"], ini: ini, schema: model, revisions: [])
            #expect(plain.out.contains("CREATE INDEX ix_account_email reads all of account"), "\(plain.out)")
            let text = try String(contentsOfFile: ini, encoding: .utf8)
            try (text + "online = true\n").write(toFile: ini, atomically: true, encoding: .utf8)
            let online = await EnvironmentCommandTests.run(
                ["check", "--hazards"], ini: ini, schema: model, revisions: [])
            #expect(!online.out.contains("[scan-under-lock]"), "\(online.out)")
            #expect(online.out.contains("TYPE bigint rewrites account"), "\(online.out)")
            let written = await EnvironmentCommandTests.run(
                ["revision", "--autogenerate", "-m", "indexes", "--rev-id", "on1"], ini: ini, schema: model,
                revisions: [])
            #expect(written.status == 0, "\(written)")
            let body = try String(contentsOfFile: folder + "/migrations/versions/on1_indexes.swift", encoding: .utf8)
            #expect(body.contains(#"on: "account", concurrently: true)"#), "\(body)")
            #expect(
                body.contains(
                    "// hazard: ALTER COLUMN account.n TYPE bigint rewrites account; it has no lock-safe form, so it runs as it is"
                ), "\(body)")
            #expect(
                body.contains(#"Index("ix_audit_at", "at")"#) && !body.contains(#"on: "audit", concurrently: true"#),
                "\(body)")
        }
    }

    /// `online_min_rows`: the online plan for the big tables only, by the catalog's estimate.
    @Test(.enabled(if: TestPostgres.isConfigured)) func aRowThresholdPicksTheTables() async throws {
        try await withTemporaryPostgres { url in
            let setup = try PostgresConnection(url)
            defer { setup.close() }
            try setup.execute(
                "CREATE TABLE big (id integer PRIMARY KEY, code text); CREATE TABLE small (id integer PRIMARY KEY, code text);"
                    + "INSERT INTO big SELECT g, g::text FROM generate_series(1, 1000) g; INSERT INTO small VALUES (1, 'a');"
                    + "ANALYZE big; ANALYZE small")
            let (folder, ini) = try EnvironmentCommandTests.makeProject(url: TestPostgres.text(url))
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try (try String(contentsOfFile: ini, encoding: .utf8) + "online_min_rows = 500\n")
                .write(toFile: ini, atomically: true, encoding: .utf8)
            let model = Schema {
                Table("big") {
                    Column("id", .integer).primaryKey()
                    Column("code", .text).index(name: "ix_big_code")
                }
                Table("small") {
                    Column("id", .integer).primaryKey()
                    Column("code", .text).index(name: "ix_small_code")
                }
            }
            let written = await EnvironmentCommandTests.run(
                ["revision", "--autogenerate", "-m", "indexes", "--rev-id", "th1"], ini: ini, schema: model,
                revisions: [])
            #expect(written.status == 0, "\(written)")
            let body = try String(contentsOfFile: folder + "/migrations/versions/th1_indexes.swift", encoding: .utf8)
            #expect(
                body.contains(#"try op.createIndex(Index("ix_big_code", "code"), on: "big", concurrently: true)"#),
                "\(body)")
            #expect(body.contains(#"try op.createIndex(Index("ix_small_code", "code"), on: "small")"#), "\(body)")
        }
    }

    /// The online plan of a check and a foreign key on existing tables: added NOT VALID, then
    /// validated each in a step of its own at the end; the database ends as the model says.
    @Test(.enabled(if: TestPostgres.isConfigured)) func checksAndForeignKeysAreValidatedApart() async throws {
        try await withTemporaryPostgres { url in
            let setup = try PostgresConnection(url)
            defer { setup.close() }
            try setup.execute(
                "CREATE TABLE org (id integer PRIMARY KEY); CREATE TABLE account (id integer PRIMARY KEY, org_id integer, email text);"
                    + "INSERT INTO org VALUES (1); INSERT INTO account VALUES (1, 1, 'a'), (2, NULL, 'b')")
            let model = Schema {
                Table("org") { Column("id", .integer).primaryKey() }
                Table("account") {
                    Column("id", .integer).primaryKey()
                    Column("org_id", .integer).references("org", "id", name: "fk_account_org")
                    Column("email", .text).notNull()
                    Check("ck_account_id", "id > 0")
                }
            }
            var options = CompareOptions()
            options.excludeTables = ["autogen_version", "autogen_history"]
            let database = try Introspector.read(url: .postgresql(url)).schema
            let ops = PostgresDialect.onlinePlan(
                Comparer.compare(model: model, database: database, dialect: PostgresDialect.self, options: options).ops,
                model: model)
            let rendered = SwiftRenderer.render(ops)
            #expect(rendered.contains(#"Check("ck_account_id", "id > 0").notValid(), on: "account")"#), "\(rendered)")
            #expect(
                rendered.contains(
                    #"try op.validateConstraint(Check("ck_account_id", "id > 0").notValid(), on: "account", separately: true)"#
                ), "\(rendered)")
            #expect(
                rendered.contains("separately: true)\ntry op.validateConstraint(")
                    || rendered.hasSuffix("separately: true)"), "\(rendered)")
            // The three validations come last but for the SET NOT NULL that waits for one of them.
            #expect(
                ops.dropLast(2).suffix(3).allSatisfy {
                    if case .setConstraintValidated(_, _, _, true) = $0 { true } else { false }
                }, "\(rendered)")
            // SET NOT NULL through a validated check: added NOT VALID, validated apart, then the
            // constraint set (no scan) and the check dropped.
            #expect(
                rendered.contains(
                    #"Check("account_email_not_null", "\"email\" IS NOT NULL").notValid(), on: "account")"#),
                "\(rendered)")
            #expect(
                rendered.hasSuffix(
                    """
                    try op.alterColumn("account", "email", nullable: false, existing: Column("email", .text))
                    try op.dropConstraint("account_email_not_null", on: "account", type: .check)
                    """), "\(rendered)")
            let hazards = HazardAnalysis.hazards(of: ops, dialect: PostgresDialect.self).map(\.description)
            #expect(!hazards.contains { $0.contains("[scan-under-lock]") }, "\(hazards)")

            let sql = try PostgresDialect.statements(for: ops, current: database)
            let validations = sql.filter { $0.sql.contains("VALIDATE CONSTRAINT") }
            #expect(validations.count == 3 && validations.allSatisfy { !$0.transactional }, "\(sql)")
            let runner = try MigrationRunner(
                url: .postgresql(url), revisions: [ConvergenceRevision.self],
                graph: try RevisionGraph(headers: [RevisionHeader(id: ConvergenceRevision.id)]))
            try await ConvergenceRevision.$upgradeOps.withValue(ops) { try await runner.upgrade(to: "heads") }
            let validated = try setup.query(
                "SELECT count(*) FROM pg_constraint WHERE conname IN ('ck_account_id', 'fk_account_org') AND convalidated"
            )
            #expect(validated[0, 0] == "2")
            let after = try Introspector.read(url: .postgresql(url)).schema
            #expect(
                Comparer.compare(model: model, database: after, dialect: PostgresDialect.self, options: options).ops
                    == [])
        }
    }

    @Test(.enabled(if: TestPostgres.isConfigured), .timeLimit(.minutes(2))) func waitsRetriesAndLetsReadersThrough()
        async throws
    {
        try await withTemporaryPostgres { url in
            let setup = try PostgresConnection(url)
            defer { setup.close() }
            try setup.execute(
                "CREATE TABLE account (id integer PRIMARY KEY); INSERT INTO account SELECT generate_series(1, 1000)")
            // Another session reads in a long transaction: it holds ACCESS SHARE on account.
            let holder = try PostgresConnection(url)
            defer { holder.close() }
            try holder.execute("BEGIN")
            _ = try holder.query("SELECT * FROM account LIMIT 1")

            let log = Lines()
            // Retries enough for a loaded machine: up to about 14 s before it would give up.
            let runner = try Self.runner(url, online: true, retries: 20, log: log)
            let migration = Task.detached { try await runner.upgrade(to: "heads") }
            try await Task.sleep(for: .milliseconds(400))
            // The migration waits for the holder, but never long: a reader gets through.
            #expect(try Self.reads(url, within: 1000), "a reader was blocked behind the online migration")
            try await Task.sleep(for: .milliseconds(300))
            try holder.execute("COMMIT")
            let report = try await migration.value
            #expect(report.steps.map(\.revision) == ["ol1"])
            #expect(try Self.columns(url) == ["id", "note"])
            let retries = log.all.filter { $0.hasPrefix("Lock not granted within 200 ms in revision ol1 (ALTER TABLE") }
            #expect(!retries.isEmpty, "\(log.all)")
            #expect(log.all.contains { $0.hasSuffix("(1 of 20)") }, "\(log.all)")
        }
    }

    @Test(.enabled(if: TestPostgres.isConfigured), .timeLimit(.minutes(2))) func givesUpCleanlyAfterItsRetries()
        async throws
    {
        try await withTemporaryPostgres { url in
            let (setup, holder) = try Self.accountHeldByAReader(url)
            defer {
                setup.close()
                holder.close()
            }
            let log = Lines()
            do {
                try await Self.runner(url, online: true, retries: 2, log: log).upgrade(to: "heads")
                Issue.record("the migration should give up")
            } catch {
                #expect(
                    "\(error)".contains("waited 200 ms for the lock 3 times; ddl_lock_retries is 2"), "\(error)")
                #expect("\(error)".contains("55P03"), "\(error)")
            }
            try holder.execute("COMMIT")
            // Nothing of the revision stayed: no column, no version row.
            #expect(try Self.columns(url) == ["id"])
            // (The run's one transaction rolled back whole, the version table's creation too.)
            let versions = try setup.query("SELECT to_regclass('autogen_version') IS NULL")
            #expect(versions[0, 0] == "t")
            #expect(log.all.filter { $0.hasPrefix("Lock not granted") }.count == 2, "\(log.all)")
        }
    }

    /// The plain plan, for contrast: the ALTER queues behind the holder, and a reader queues
    /// behind the ALTER until the holder is done.
    @Test(.enabled(if: TestPostgres.isConfigured), .timeLimit(.minutes(2))) func thePlainPlanBlocksReaders()
        async throws
    {
        try await withTemporaryPostgres { url in
            let (setup, holder) = try Self.accountHeldByAReader(url)
            defer {
                setup.close()
                holder.close()
            }
            let runner = try Self.runner(url, online: false, log: Lines())
            let migration = Task.detached { try await runner.upgrade(to: "heads") }
            try await Task.sleep(for: .milliseconds(400))
            #expect(try !Self.reads(url, within: 1000), "the reader should queue behind the waiting ALTER")
            try holder.execute("COMMIT")
            _ = try await migration.value
            #expect(try Self.columns(url) == ["id", "note"])
        }
    }
}

/// The retry log line shows the statement as errors do: one line, cut, passwords masked.
@Suite struct OnlineLockLogLineTests {
    @Test func theStatementInARetryLineHidesPasswords() {
        let line = MigrationContext.shortened("ALTER ROLE app\n  PASSWORD 'hunter2' VALID UNTIL 'infinity'")
        #expect(!line.contains("hunter2"), "\(line)")
        #expect(line.hasPrefix("ALTER ROLE app PASSWORD '***'"), "\(line)")
        #expect(!MigrationContext.shortened("ALTER ROLE app PASSWORD 'hunter2'").contains("hunter2"))
    }
}
