import Foundation
import Introspect
import ModelDSL
import TestSupport
import Testing

@testable import Autogen

/// env.swift's hooks, run in-process on SQLite: the URL hook, the compare hook and the
/// rewriteOps hook, sync and async, as `check`, `revision --autogenerate` and the runner see them.
@Suite struct EnvironmentHooksTests {
    /// `account` (as `RevA1` creates it) and `audit_log`.
    static let modelWithAudit = Schema {
        Table("account") {
            Column("id", .integer).primaryKey()
            Column("name", .text)
        }
        Table("audit_log") {
            Column("id", .integer).primaryKey()
            Column("event", .text).notNull()
        }
    }

    /// Runs one command line with `hooks`; returns the status, standard output and standard error.
    static func run(
        _ arguments: [String], ini: String, schema: Schema = EnvironmentCommandTests.model,
        revisions: [any Revision.Type] = [RevA1.self], hooks: EnvironmentHooks
    ) async -> (status: Int32, out: String, err: String) {
        let out = LogLines()
        let err = LogLines()
        let status = await AutogenEnvironment.run(
            arguments: arguments + ["-c", ini], schema: schema, revisions: revisions,
            output: EnvironmentOutput(out: { out.append($0) }, err: { err.append($0) }), hooks: hooks)
        return (status, out.all.joined(separator: "\n"), err.all.joined(separator: "\n"))
    }

    /// A project (see `EnvironmentCommandTests.makeProject`) whose versions/ holds RevA1's file.
    static func makeProjectAtA1(url: String? = nil) throws -> (folder: String, ini: String) {
        let (folder, ini) = try EnvironmentCommandTests.makeProject(url: url)
        try revisionFileText(id: "a1", message: "add account")
            .write(toFile: folder + "/migrations/versions/a1_add_account.swift", atomically: true, encoding: .utf8)
        return (folder, ini)
    }

    /// What hooks were called with, across tasks.
    actor Recorder<Value: Sendable> {
        private(set) var values: [Value] = []
        func record(_ value: Value) { values.append(value) }
    }

    @Test func theCompareHookFiltersWhatCheckSees() async throws {
        let (folder, ini) = try Self.makeProjectAtA1()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(await Self.run(["upgrade", "head"], ini: ini, hooks: .none).status == 0)
        let database = try SQLiteConnection(path: folder + "/app.db")
        try database.execute("CREATE TABLE legacy_audit (id INTEGER PRIMARY KEY)")
        try database.execute("ALTER TABLE account ADD COLUMN extra TEXT")

        let unfiltered = await Self.run(["check"], ini: ini, hooks: .none)
        #expect(unfiltered.status == 1, "\(unfiltered)")
        #expect(unfiltered.out.contains("dropTable(\"legacy_audit\")"), "\(unfiltered.out)")
        #expect(unfiltered.out.contains("dropColumn(\"account\", \"extra\")"), "\(unfiltered.out)")

        let byObject = EnvironmentHooks(compare: { options in
            options.includeObject = { ref in
                !(ref.kind == .table && ref.name == "legacy_audit") && !(ref.kind == .column && ref.name == "extra")
            }
        })
        let filtered = await Self.run(["check"], ini: ini, hooks: byObject)
        #expect(filtered.status == 0, "\(filtered)")
        #expect(filtered.out == "No changes: the database matches the model.")

        // An async hook that replaces the exclusions: the version and history tables stay alone.
        let patterns = Recorder<String>()
        await patterns.record("legacy_*")
        let byPattern = EnvironmentHooks(compare: { options in options.excludeTables = await patterns.values })
        let excluded = await Self.run(["check"], ini: ini, hooks: byPattern)
        #expect(excluded.status == 1, "\(excluded)")
        #expect(
            excluded.out == """
                The database differs from the model (1 change(s)):
                  dropColumn("account", "extra")
                  warning: dropping column account.extra loses its data [drops-data]
                """, "\(excluded.out)")
    }

    @Test func rewriteOpsShapesTheRevisionAndItsDowngrade() async throws {
        let (folder, ini) = try EnvironmentCommandTests.makeProject()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let seen = Recorder<([MigrationOp], RewriteContext)>()
        let hooks = EnvironmentHooks(rewriteOps: { ops, context in
            await seen.record((ops, context))
            return ops.filter { $0.table?.name != "audit_log" } + [
                .execute(
                    sql: "INSERT INTO account (id, name) VALUES (1, 'root')",
                    reverse: "DELETE FROM account WHERE id = 1")
            ]
        })

        let generated = await Self.run(
            ["revision", "--autogenerate", "-m", "add account", "--rev-id", "b1", "-x", "tenant=acme"], ini: ini,
            schema: Self.modelWithAudit, revisions: [], hooks: hooks)
        #expect(generated.status == 0, "\(generated.err)")
        #expect(
            generated.out.hasPrefix(
                """
                Detected 2 change(s):
                  createTable("account")
                  execute("INSERT INTO account (id, name) VALUES (1, 'root')")
                """), "\(generated.out)")
        let text = try String(contentsOfFile: folder + "/migrations/versions/b1_add_account.swift", encoding: .utf8)
        #expect(!text.contains("audit_log"), "\(text)")
        let upgrade = try #require(text.range(of: "func upgrade"))
        let downgrade = try #require(text.range(of: "func downgrade"))
        let insert = try #require(
            text.range(of: "try op.execute(\"INSERT INTO account (id, name) VALUES (1, 'root')\")"))
        let delete = try #require(text.range(of: "try op.execute(\"DELETE FROM account WHERE id = 1\")"))
        let dropAccount = try #require(text.range(of: "try op.dropTable(\"account\")"))
        #expect(upgrade.upperBound < insert.lowerBound && insert.lowerBound < downgrade.lowerBound)
        #expect(downgrade.upperBound < delete.lowerBound && delete.lowerBound < dropAccount.lowerBound)

        let calls = await seen.values
        #expect(calls.count == 1)
        let (given, context) = try #require(calls.first)
        #expect(given.compactMap(\.table?.name).sorted() == ["account", "audit_log"])
        #expect(context.command == .autogenerate && context.revisionID == "b1" && context.message == "add account")
        #expect(context.url == .sqlite(path: folder + "/app.db"))
        #expect(context.xArguments == ["tenant": "acme"])

        // check reports what the hook leaves, as Alembic's check does (on a database at the
        // heads: the revision just written is set aside, as check refuses one behind them).
        try FileManager.default.removeItem(atPath: folder + "/migrations/versions/b1_add_account.swift")
        let check = await Self.run(["check"], ini: ini, schema: Self.modelWithAudit, revisions: [], hooks: hooks)
        #expect(check.status == 1, "\(check)")
        #expect(check.out.hasPrefix("The database differs from the model (2 change(s)):"), "\(check.out)")
        #expect(!check.out.contains("audit_log"), "\(check.out)")
        let checked = try #require(await seen.values.last?.1)
        #expect(checked.command == .check && checked.revisionID == nil && checked.message == nil)
    }

    @Test func rewriteOpsThatLeavesNothingMeansNoChanges() async throws {
        let (folder, ini) = try EnvironmentCommandTests.makeProject()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let hooks = EnvironmentHooks(rewriteOps: { _, _ in [] })
        let nothing = await Self.run(["revision", "--autogenerate", "-m", "x"], ini: ini, revisions: [], hooks: hooks)
        #expect(nothing.status == 0, "\(nothing)")
        #expect(nothing.out == "No changes between the model and the database; no revision written.")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/migrations/versions").isEmpty)
        let check = await Self.run(["check"], ini: ini, revisions: [], hooks: hooks)
        #expect(check.status == 0 && check.out == "No changes: the database matches the model.", "\(check)")

        let empty = await Self.run(
            ["revision", "--autogenerate", "-m", "x", "--rev-id", "c1", "--allow-empty"], ini: ini, revisions: [],
            hooks: hooks)
        #expect(empty.status == 0, "\(empty)")
        let text = try String(contentsOfFile: folder + "/migrations/versions/c1_x.swift", encoding: .utf8)
        #expect(!text.contains("try op."), "\(text)")
    }

    @Test func aRewriteThatCannotBeUndoneWritesNothing() async throws {
        let (folder, ini) = try EnvironmentCommandTests.makeProject()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let hooks = EnvironmentHooks(rewriteOps: { ops, _ in ops + [.execute(sql: "VACUUM", reverse: nil)] })
        let failed = await Self.run(["revision", "--autogenerate", "-m", "x"], ini: ini, revisions: [], hooks: hooks)
        #expect(failed.status == 1)
        #expect(failed.err == "error: the autogenerated changes cannot be reversed into a downgrade", "\(failed)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/migrations/versions").isEmpty)
        let thrown = await Self.run(
            ["check"], ini: ini, revisions: [],
            hooks: EnvironmentHooks(rewriteOps: { _, _ in throw HookFailure(message: "no ops today\nreally") }))
        #expect(thrown.status == 1 && thrown.err == "error: no ops today really", "\(thrown)")
    }

    @Test func theURLHookOverridesTheIniURL() async throws {
        let iniURL = "postgresql://someone:s3cret-pw@127.0.0.1:1/nowhere"
        let (folder, ini) = try Self.makeProjectAtA1(url: iniURL)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let actual = "sqlite:///" + folder + "/from-hook.db"
        let given = Recorder<String?>()
        let secrets = Recorder<String>()
        await secrets.record(actual)
        let hooks = EnvironmentHooks(url: { configured in
            await given.record(configured)
            return await secrets.values.first
        })

        let upgraded = await Self.run(["upgrade", "head"], ini: ini, hooks: hooks)
        #expect(upgraded.status == 0, "\(upgraded)")
        #expect(try runtimeTables(.sqlite(path: folder + "/from-hook.db")) == ["account"])
        #expect(await given.values == [iniURL])
        let current = await Self.run(["current"], ini: ini, hooks: hooks)
        #expect(current.status == 0 && current.out == "a1 (head)", "\(current)")
        let check = await Self.run(["check"], ini: ini, hooks: hooks)
        #expect(check.status == 0, "\(check)")
        let generated = await Self.run(["revision", "--autogenerate", "-m", "again"], ini: ini, hooks: hooks)
        #expect(generated.status == 0 && generated.out.contains("no revision written"), "\(generated)")
        // Once per command.
        #expect(await given.values.count == 4)

        let none = await Self.run(["current"], ini: ini, hooks: EnvironmentHooks(url: { _ in nil }))
        #expect(none.status == 1 && none.err == "error: the url hook in env.swift returned no database URL", "\(none)")
        let bad = await Self.run(
            ["check"], ini: ini, hooks: EnvironmentHooks(url: { _ in "postgresql://u:top-secret@host:port/db" }))
        #expect(bad.status == 1 && bad.err.hasPrefix("error: ") && !bad.err.contains("\n"), "\(bad)")
        #expect(!bad.err.contains("top-secret"), "\(bad.err)")
        // Without the hook, the ini's URL (which reaches no server) is used, its password hidden.
        let direct = await Self.run(["current"], ini: ini, hooks: .none)
        #expect(direct.status == 1 && !direct.err.contains("s3cret-pw"), "\(direct)")
    }
}

extension EnvironmentHooksTests {
    /// Issue #15, item 7: `-x key=value` reaches env.swift's url and compare hooks and the
    /// revision bodies (`AutogenEnvironment.xArguments`), not only rewriteOps; so does
    /// upgrade's `--tag` (`AutogenEnvironment.tag`).
    @Test func xArgumentsReachTheHooksAndTheRevisionBodies() async throws {
        let (folder, ini) = try Self.makeProjectAtA1(url: "sqlite:///unused.db")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let compared = Recorder<String>()
        let hooks = EnvironmentHooks(
            url: { _ in "sqlite:///" + folder + "/" + (AutogenEnvironment.xArguments["tenant"] ?? "none") + ".db" },
            compare: { options in
                await compared.record(AutogenEnvironment.xArguments["tenant"] ?? "none")
                options.excludeTables += ["tenant_note", "tenant_tag"]
            })
        let x = ["-x", "tenant=acme", "-x", "note=hello", "--tag", "release-7"]
        let upgraded = await Self.run(["upgrade", "head"] + x, ini: ini, revisions: [RevXNote.self], hooks: hooks)
        #expect(upgraded.status == 0, "\(upgraded)")
        #expect(try runtimeTables(.sqlite(path: folder + "/acme.db")) == ["account", "tenant_note", "tenant_tag"])
        #expect(try runtimeQuery(.sqlite(path: folder + "/acme.db"), "SELECT what FROM tenant_note") == [["hello"]])
        #expect(try runtimeQuery(.sqlite(path: folder + "/acme.db"), "SELECT tag FROM tenant_tag") == [["release-7"]])
        let check = await Self.run(["check", "-x", "tenant=acme"], ini: ini, revisions: [RevXNote.self], hooks: hooks)
        #expect(check.status == 0, "\(check)")
        #expect(await compared.values == ["acme"])
        // Without -x the hooks see none.
        let none = await Self.run(["current"], ini: ini, revisions: [RevXNote.self], hooks: hooks)
        #expect(none.status == 0 && none.out == "", "\(none)")
    }
}

/// Revision a1 of the hooks tests, reading `-x note=...` in its body.
private struct RevXNote: Revision {
    static let id = "a1"
    static let downRevisions: [String] = []
    static let branchLabels: [String] = []
    static let dependsOn: [String] = []
    static let message = "add account"
    static let createDate = "2026-01-01 00:00:00.000000"

    func upgrade(_ op: Operations) throws {
        try op.createTable("account") {
            Column("id", .integer).primaryKey()
            Column("name", .text)
        }
        try op.createTable("tenant_note") { Column("what", .text) }
        try op.bulkInsert(
            "tenant_note", columns: ["what"], rows: [[.string(AutogenEnvironment.xArguments["note"] ?? "")]])
        try op.createTable("tenant_tag") { Column("tag", .text) }
        try op.bulkInsert("tenant_tag", columns: ["tag"], rows: [[.string(AutogenEnvironment.tag ?? "none")]])
    }

    func downgrade(_ op: Operations) throws {
        try op.dropTable("tenant_tag")
        try op.dropTable("tenant_note")
        try op.dropTable("account")
    }
}

/// An error a hook throws, with a message of its own.
private struct HookFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
