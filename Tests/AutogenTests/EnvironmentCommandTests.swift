import Foundation
import Introspect
import ModelDSL
import TestSupport
import Testing

@testable import Autogen

/// The migration environment's commands, run in-process on SQLite with a compiled revision
/// from the runtime tests (`RevA1`, which creates `account(id, name)`) standing in for the
/// file that `revision --autogenerate` writes.
@Suite struct EnvironmentCommandTests {
    /// The model `RevA1` builds.
    static let model = Schema {
        Table("account") {
            Column("id", .integer).primaryKey()
            Column("name", .text)
        }
    }

    /// A project in a new folder whose database is `folder/app.db` (absolute, so tests may run
    /// in parallel); `url` replaces that URL.
    static func makeProject(url: String? = nil) throws -> (folder: String, ini: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("autogen-env-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(
            atPath: folder + "/migrations/versions", withIntermediateDirectories: true)
        let ini = folder + "/autogen.ini"
        try "[autogen]\nscript_location = %(here)s/migrations\nurl = \(url ?? "sqlite:///" + folder + "/app.db")\n"
            .write(toFile: ini, atomically: true, encoding: .utf8)
        try (BuiltinTemplates.files["generic/script.swift.mako"] ?? "")
            .write(toFile: folder + "/migrations/script.swift.mako", atomically: true, encoding: .utf8)
        return (folder, ini)
    }

    /// Runs one command line; returns the status, standard output and standard error.
    static func run(
        _ arguments: [String], ini: String, schema: Schema = model, revisions: [any Revision.Type]
    ) async -> (status: Int32, out: String, err: String) {
        let out = LogLines()
        let err = LogLines()
        let status = await AutogenEnvironment.run(
            arguments: arguments + ["-c", ini], schema: schema, revisions: revisions,
            output: EnvironmentOutput(out: { out.append($0) }, err: { err.append($0) }))
        return (status, out.all.joined(separator: "\n"), err.all.joined(separator: "\n"))
    }

    @Test func autogenerateUpgradeCheckAndDowngrade() async throws {
        let (folder, ini) = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let url = DatabaseURL.sqlite(path: folder + "/app.db")

        let generated = await Self.run(
            ["revision", "--autogenerate", "-m", "add account", "--rev-id", "a1"], ini: ini, revisions: [])
        #expect(generated.status == 0, "\(generated.err)")
        #expect(generated.out.contains("Detected 1 change(s):\n  createTable(\"account\")"), "\(generated.out)")
        let path = folder + "/migrations/versions/a1_add_account.swift"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("try op.createTable(\"account\") {"), "\(text)")
        #expect(text.contains("try op.dropTable(\"account\")"), "\(text)")
        #expect(try RevisionFileReader.read(path: path)?.downRevisions == [])

        // From here on, RevA1 is the compiled form of the file just written.
        let upgraded = await Self.run(["upgrade", "head"], ini: ini, revisions: [RevA1.self])
        #expect(upgraded.status == 0, "\(upgraded.err)")
        #expect(try runtimeTables(url) == ["account"])
        let current = await Self.run(["current"], ini: ini, revisions: [RevA1.self])
        #expect(current.status == 0 && current.out == "a1 (head)", "\(current)")

        let agrees = await Self.run(["check"], ini: ini, revisions: [RevA1.self])
        #expect(agrees.status == 0, "\(agrees)")
        #expect(agrees.out == "No changes: the database matches the model.")
        let nothing = await Self.run(["revision", "--autogenerate", "-m", "again"], ini: ini, revisions: [RevA1.self])
        #expect(nothing.status == 0 && nothing.out.contains("no revision written"), "\(nothing)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/migrations/versions").count == 1)

        // Behind the tool's back.
        try SQLiteConnection(path: folder + "/app.db").execute("ALTER TABLE account ADD COLUMN extra TEXT")
        let differs = await Self.run(["check"], ini: ini, revisions: [RevA1.self])
        #expect(differs.status == 1, "\(differs)")
        #expect(differs.out.contains("dropColumn(\"account\", \"extra\")"), "\(differs.out)")

        let downgraded = await Self.run(["downgrade", "base"], ini: ini, revisions: [RevA1.self])
        #expect(downgraded.status == 0, "\(downgraded.err)")
        #expect(try runtimeTables(url) == [])
        let atBase = await Self.run(["current"], ini: ini, revisions: [RevA1.self])
        #expect(atBase.status == 0 && atBase.out == "", "\(atBase)")
    }

    /// Issue #15, item 8: check refuses a database behind the heads with its own status (2), as
    /// Alembic's check says "Target database is not up to date"; at the heads it compares.
    @Test func checkRefusesADatabaseBehindItsHeads() async throws {
        let (folder, ini) = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try revisionFileText(id: "a1", message: "add account")
            .write(toFile: folder + "/migrations/versions/a1_add_account.swift", atomically: true, encoding: .utf8)
        let refused = await Self.run(["check"], ini: ini, revisions: [RevA1.self])
        #expect(refused.status == 2 && refused.out == "", "\(refused)")
        #expect(
            refused.err
                == "error: the database is not up to date (it is at base, the heads are a1); run `autogen upgrade heads` first"
        )
        let notAtHeads = await Self.run(["current", "--check-heads"], ini: ini, revisions: [RevA1.self])
        #expect(notAtHeads.status == 1 && notAtHeads.err.hasPrefix("error: the database is not up to date"))
        // Stamped, it says so, and check compares.
        let stamped = await Self.run(["stamp", "head"], ini: ini, revisions: [RevA1.self])
        #expect(stamped.status == 0 && stamped.err == "Running stamp base -> a1", "\(stamped)")
        let compared = await Self.run(["check"], ini: ini, revisions: [RevA1.self])
        #expect(compared.status == 1 && compared.out.contains("createTable(\"account\")"), "\(compared)")
        let atHeads = await Self.run(["current", "--check-heads"], ini: ini, revisions: [RevA1.self])
        #expect(atHeads.status == 0 && atHeads.out == "a1 (head)", "\(atHeads)")
    }

    /// Issue #15, item 9: `ensure-version` (Alembic's `ensure_version`, either spelling) creates
    /// the version table and nothing else; with `--sql` it prints the statement instead.
    @Test func ensureVersionCreatesTheVersionTableOnly() async throws {
        let (folder, ini) = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let url = DatabaseURL.sqlite(path: folder + "/app.db")
        let offline = await Self.run(["ensure_version", "--sql"], ini: ini, revisions: [])
        #expect(
            offline.status == 0 && offline.out.contains("CREATE TABLE IF NOT EXISTS \"autogen_version\""), "\(offline)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/app.db"))
        let created = await Self.run(["ensure-version"], ini: ini, revisions: [])
        #expect(created.status == 0, "\(created)")
        #expect(try runtimeTables(url) == [])
        #expect(try runtimeQuery(url, "SELECT count(*) FROM autogen_version") == [["0"]])
        let again = await Self.run(["ensure-version"], ini: ini, revisions: [])
        #expect(again.status == 0, "\(again)")
    }

    @Test func autogenerateRefusesADatabaseBehindItsHeads() async throws {
        let (folder, ini) = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try revisionFileText(id: "a1", message: "add account")
            .write(toFile: folder + "/migrations/versions/a1_add_account.swift", atomically: true, encoding: .utf8)
        let refused = await Self.run(["revision", "--autogenerate", "-m", "more"], ini: ini, revisions: [RevA1.self])
        #expect(refused.status == 1)
        #expect(
            refused.err
                == "error: the database is not up to date (it is at base, the heads are a1); run `autogen upgrade heads` first"
        )
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/migrations/versions").count == 1)
    }

    @Test func stampAndOfflineSQL() async throws {
        let (folder, ini) = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try revisionFileText(id: "a1", message: "add account")
            .write(toFile: folder + "/migrations/versions/a1_add_account.swift", atomically: true, encoding: .utf8)
        let sql = await Self.run(["upgrade", "head", "--sql"], ini: ini, revisions: [RevA1.self])
        #expect(sql.status == 0, "\(sql.err)")
        #expect(sql.out.contains("CREATE TABLE \"account\""), "\(sql.out)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/app.db"))
        let noRange = await Self.run(["downgrade", "base", "--sql"], ini: ini, revisions: [RevA1.self])
        #expect(noRange.status == 1 && noRange.err.hasPrefix("error: "), "\(noRange)")
        let down = await Self.run(["downgrade", "a1:base", "--sql"], ini: ini, revisions: [RevA1.self])
        #expect(down.status == 0 && down.out.contains("DROP TABLE \"account\""), "\(down)")
        // --sql-dir writes the one database's script to DIR/SECTION.sql; --database is for multidb.
        let files = await Self.run(
            ["upgrade", "head", "--sql", "--sql-dir", folder + "/out"], ini: ini, revisions: [RevA1.self])
        #expect(files.status == 0 && files.err == "Wrote \(folder)/out/autogen.sql", "\(files)")
        #expect(try String(contentsOfFile: folder + "/out/autogen.sql", encoding: .utf8) == sql.out)
        let named = await Self.run(
            ["upgrade", "head", "--sql", "--database", "main"], ini: ini, revisions: [RevA1.self])
        #expect(named.status == 1)
        #expect(
            named.err == "error: --database main: this environment has one database (\(ini) lists no \"databases\")",
            "\(named.err)")

        let stampSQL = await Self.run(["stamp", "head", "--sql", "--purge"], ini: ini, revisions: [RevA1.self])
        #expect(stampSQL.status == 0, "\(stampSQL)")
        #expect(
            stampSQL.out.hasSuffix(
                "BEGIN IMMEDIATE;\nDELETE FROM \"autogen_version\";\nINSERT INTO \"autogen_version\" (version_num) VALUES ('a1');\nCOMMIT;\n"
            ), "\(stampSQL.out)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/app.db"))

        let stamped = await Self.run(["stamp", "head"], ini: ini, revisions: [RevA1.self])
        #expect(stamped.status == 0, "\(stamped.err)")
        #expect(await Self.run(["current"], ini: ini, revisions: [RevA1.self]).out == "a1 (head)")
        #expect(try runtimeTables(DatabaseURL.sqlite(path: folder + "/app.db")) == [])
        let purged = await Self.run(["stamp", "base", "--purge"], ini: ini, revisions: [RevA1.self])
        #expect(purged.status == 0, "\(purged.err)")
        #expect(await Self.run(["current"], ini: ini, revisions: [RevA1.self]).out == "")
    }

    @Test func errorsAreOneLineWithoutThePassword() async throws {
        let (folder, ini) = try Self.makeProject(url: "postgresql://someone:s3cret-pw@127.0.0.1:1/nowhere")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let failed = await Self.run(["check"], ini: ini, revisions: [])
        #expect(failed.status == 1)
        #expect(failed.err.hasPrefix("error: ") && !failed.err.contains("\n"), "\(failed.err)")
        #expect(!failed.err.contains("s3cret-pw"), "\(failed.err)")

        let usage = await Self.run(["upgrade"], ini: ini, revisions: [])
        #expect(usage.status == 64 && usage.err.contains("Missing expected argument"), "\(usage)")
        let help = await Self.run(["check", "--help"], ini: ini, revisions: [])
        #expect(help.status == 0 && help.out.contains("exits 1 when there are any"), "\(help)")
    }

    /// On PostgreSQL, `check` finds no difference in a database made from the example model
    /// (defaults as the catalog spells them, enum, comments, partial and expression indexes),
    /// then names a column added behind its back.
    @Test(.enabled(if: TestPostgres.isConfigured)) func checkOnPostgreSQL() async throws {
        try await withTemporaryPostgres { url in
            let (folder, ini) = try Self.makeProject(url: "\(DatabaseURL.postgresql(url))")
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let connection = try PostgresConnection(url)
            defer { connection.close() }
            for statement in PostgresDialect.createStatements(for: exampleSchema) { try connection.execute(statement) }
            let agrees = await Self.run(["check"], ini: ini, schema: exampleSchema, revisions: [])
            #expect(agrees.status == 0, "\(agrees)")
            try connection.execute("ALTER TABLE organization ADD COLUMN website text")
            let differs = await Self.run(["check"], ini: ini, schema: exampleSchema, revisions: [])
            #expect(differs.status == 1, "\(differs)")
            #expect(differs.out.contains("dropColumn(\"organization\", \"website\")"), "\(differs)")
        }
    }
}

@Suite struct RelativeTargetArgumentTests {
    @Test func aRelativeTargetIsNotTakenForAnOption() {
        #expect(AutogenEnvironment.relativeTargetsLast(["downgrade", "-1"]) == ["downgrade", "--", "-1"])
        #expect(
            AutogenEnvironment.relativeTargetsLast(["downgrade", "-2", "--sql"]) == ["downgrade", "--sql", "--", "-2"])
        #expect(
            AutogenEnvironment.relativeTargetsLast(["downgrade", "-c", "a.ini", "-1"]) == [
                "downgrade", "-c", "a.ini", "--", "-1",
            ])
        #expect(AutogenEnvironment.relativeTargetsLast(["upgrade", "+1"]) == ["upgrade", "+1"])
        #expect(AutogenEnvironment.relativeTargetsLast(["current", "-v"]) == ["current", "-v"])
        #expect(AutogenEnvironment.relativeTargetsLast(["downgrade", "-q", "base"]) == ["downgrade", "-q", "base"])
    }
}
