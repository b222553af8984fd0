import Foundation
import Introspect
import ModelDSL
import TestSupport
import Testing

@testable import Autogen

/// What `RevM1`'s bodies build: `account` in the database `main`, `event` in `audit`.
private let mainModel = Schema {
    Table("account") {
        Column("id", .integer).primaryKey()
        Column("name", .text)
    }
}

private let auditModel = Schema {
    Table("event") {
        Column("id", .integer).primaryKey()
        Column("action", .text).notNull()
    }
}

/// The compiled form of the multidb revision `revision --autogenerate` writes for the two models.
struct RevM1: Revision {
    static let id = "m1"
    static let downRevisions: [String] = []
    static let branchLabels: [String] = []
    static let dependsOn: [String] = []
    static let message = "first"
    static let createDate = "2026-01-01 00:00:00.000000"

    func upgrade(_ op: Operations) throws {
        switch op.database {
        case "main":
            try op.createTable("account") {
                Column("id", .integer).primaryKey()
                Column("name", .text)
            }
        case "audit":
            try op.createTable("event") {
                Column("id", .integer).primaryKey()
                Column("action", .text).notNull()
            }
        default: break
        }
    }

    func downgrade(_ op: Operations) throws {
        switch op.database {
        case "main": try op.dropTable("account")
        case "audit": try op.dropTable("event")
        default: break
        }
    }
}

/// A multi-database environment (the `multidb` template) run in-process on two SQLite files:
/// every command runs once per database, with that database's model, URL and version table.
@Suite struct MultidbEnvironmentTests {
    /// A project in a new folder with the databases `main` (folder/main.db) and `audit`
    /// (folder/audit.db, version table `audit_version`); `ini` replaces the databases' part.
    static func makeProject(ini databasesPart: String? = nil) throws -> (folder: String, ini: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "autogen-multidb-\(UUID().uuidString)"
        )
        .path
        try FileManager.default.createDirectory(
            atPath: folder + "/migrations/versions", withIntermediateDirectories: true)
        let ini = folder + "/autogen.ini"
        let databases =
            databasesPart
                ?? """
                databases = main, audit

                [main]
                url = sqlite:///\(folder)/main.db

                [audit]
                url = sqlite:///\(folder)/audit.db
                version_table = audit_version
                """
        try "[autogen]\nscript_location = %(here)s/migrations\n\(databases)\n"
            .write(toFile: ini, atomically: true, encoding: .utf8)
        try (BuiltinTemplates.files["multidb/script.swift.mako"] ?? "")
            .write(toFile: folder + "/migrations/script.swift.mako", atomically: true, encoding: .utf8)
        return (folder, ini)
    }

    /// Runs one command line with the two models; returns the status, standard output and standard error.
    static func run(
        _ arguments: [String], ini: String, databases: [String: Schema] = ["main": mainModel, "audit": auditModel],
        revisions: [any Revision.Type] = [RevM1.self]
    ) async -> (status: Int32, out: String, err: String) {
        let out = LogLines()
        let err = LogLines()
        let status = await AutogenEnvironment.run(
            arguments: arguments + ["-c", ini], databases: databases, revisions: revisions,
            output: EnvironmentOutput(out: { out.append($0) }, err: { err.append($0) }))
        return (status, out.all.joined(separator: "\n"), err.all.joined(separator: "\n"))
    }

    /// The revision file `RevM1` is the compiled form of, so that the graph has it.
    static func writeRevisionFile(_ folder: String) throws {
        try revisionFileText(id: "m1", message: "first")
            .write(toFile: folder + "/migrations/versions/m1_first.swift", atomically: true, encoding: .utf8)
    }

    /// All tables of the SQLite file, the version tables included.
    static func tables(_ path: String) throws -> [String] {
        try Introspector.read(url: .sqlite(path: path)).schema.tables.map(\.name).sorted()
    }

    @Test func autogenerateWritesABodyPerDatabase() async throws {
        let (folder, ini) = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let generated = await Self.run(
            ["revision", "--autogenerate", "-m", "first", "--rev-id", "m1"], ini: ini, revisions: [])
        #expect(generated.status == 0, "\(generated.err)")
        #expect(generated.out.contains("Detected 1 change(s) in database main:\n  createTable(\"account\")"))
        #expect(generated.out.contains("Detected 1 change(s) in database audit:\n  createTable(\"event\")"))
        let text = try String(contentsOfFile: folder + "/migrations/versions/m1_first.swift", encoding: .utf8)
        let stable = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.contains("Create Date") || $0.contains("createDate") ? "<create date>" : String($0)
        }
        assertSnapshot(
            stable.joined(separator: "\n"), named: "multidb_revision.swift", suite: "MultidbEnvironmentTests")

        // Nothing changed in either database: no file.
        _ = await Self.run(["upgrade", "head"], ini: ini)
        let nothing = await Self.run(["revision", "--autogenerate", "-m", "again"], ini: ini)
        #expect(nothing.status == 0, "\(nothing)")
        #expect(nothing.out == "No changes between the models and the databases; no revision written.")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/migrations/versions").count == 1)
    }

    @Test func upgradeCurrentCheckAndDowngradeRunOncePerDatabase() async throws {
        let (folder, ini) = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.writeRevisionFile(folder)

        let upgraded = await Self.run(["upgrade", "head"], ini: ini)
        #expect(upgraded.status == 0, "\(upgraded.err)")
        #expect(upgraded.err.contains("Database main"), "\(upgraded.err)")
        #expect(upgraded.err.contains("Database audit"), "\(upgraded.err)")
        #expect(try Self.tables(folder + "/main.db") == ["account", "autogen_history", "autogen_version"])
        #expect(try Self.tables(folder + "/audit.db") == ["audit_version", "autogen_history", "event"])

        let current = await Self.run(["current"], ini: ini)
        #expect(current.status == 0 && current.out == "main: m1 (head)\naudit: m1 (head)", "\(current)")

        let agrees = await Self.run(["check"], ini: ini)
        #expect(agrees.status == 0, "\(agrees)")
        #expect(
            agrees.out == "No changes: database main matches its model.\nNo changes: database audit matches its model.")

        try SQLiteConnection(path: folder + "/audit.db").execute("ALTER TABLE event ADD COLUMN extra TEXT")
        let differs = await Self.run(["check"], ini: ini)
        #expect(differs.status == 1, "\(differs)")
        #expect(
            differs.out == """
                No changes: database main matches its model.
                Database audit differs from its model (1 change(s)):
                  dropColumn("event", "extra")
                  warning: dropping column event.extra loses its data [drops-data]
                """)

        let downgraded = await Self.run(["downgrade", "base"], ini: ini)
        #expect(downgraded.status == 0, "\(downgraded.err)")
        #expect(try Self.tables(folder + "/main.db") == ["autogen_history", "autogen_version"])
        #expect(try Self.tables(folder + "/audit.db") == ["audit_version", "autogen_history"])
        let atBase = await Self.run(["current"], ini: ini)
        #expect(atBase.out == "main: base\naudit: base", "\(atBase)")
    }

    @Test func offlineSQLIsOneDatabasePerStream() async throws {
        let (folder, ini) = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.writeRevisionFile(folder)

        // Both databases to standard output would mix their scripts: refused, nothing printed.
        for command in [["upgrade", "head"], ["downgrade", "m1:base"], ["stamp", "head"], ["ensure-version"]] {
            let mixed = await Self.run(command + ["--sql"], ini: ini)
            #expect(mixed.status == 1, "\(command): \(mixed)")
            #expect(mixed.out == "", "\(command)")
            #expect(
                mixed.err
                    == "error: --sql on 2 databases (main, audit) would mix their SQL in one stream: add --database NAME for one of them, or --sql-dir DIR for a file per database",
                "\(command): \(mixed.err)")
        }

        // One database by name.
        let audit = await Self.run(["upgrade", "head", "--sql", "--database", "audit"], ini: ini)
        #expect(audit.status == 0, "\(audit.err)")
        #expect(audit.out.hasPrefix("-- Database audit\n"), "\(audit.out)")
        #expect(audit.out.contains("CREATE TABLE IF NOT EXISTS \"audit_version\""), "\(audit.out)")
        #expect(audit.out.contains("CREATE TABLE \"event\""), "\(audit.out)")
        #expect(!audit.out.contains("main") && !audit.out.contains("account"), "\(audit.out)")

        // One file per database; the same text each alone prints.
        let dir = folder + "/sql"
        let files = await Self.run(["upgrade", "head", "--sql", "--sql-dir", dir], ini: ini)
        #expect(files.status == 0, "\(files.err)")
        #expect(files.out == "")
        #expect(files.err == "Wrote \(dir)/main.sql\nWrote \(dir)/audit.sql", "\(files.err)")
        #expect(try String(contentsOfFile: dir + "/audit.sql", encoding: .utf8) == audit.out)
        let main = await Self.run(["upgrade", "head", "--sql", "--database", "main"], ini: ini)
        #expect(try String(contentsOfFile: dir + "/main.sql", encoding: .utf8) == main.out)
        #expect(main.out.contains("CREATE TABLE \"account\"") && !main.out.contains("event"), "\(main.out)")
        // Nothing ran on either database.
        #expect(!FileManager.default.fileExists(atPath: folder + "/main.db"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/audit.db"))

        // --database online: only that database is upgraded, and current asks only it.
        let online = await Self.run(["upgrade", "head", "--database", "main"], ini: ini)
        #expect(online.status == 0, "\(online.err)")
        #expect(try Self.tables(folder + "/main.db") == ["account", "autogen_history", "autogen_version"])
        #expect(!FileManager.default.fileExists(atPath: folder + "/audit.db"))
        let current = await Self.run(["current", "--database", "main"], ini: ini)
        #expect(current.out == "main: m1 (head)", "\(current)")

        let unknown = await Self.run(["current", "--database", "logs"], ini: ini)
        #expect(unknown.status == 1)
        #expect(unknown.err == "error: --database logs: no such database; \(ini) lists main, audit", "\(unknown.err)")
        let noSQL = await Self.run(["upgrade", "head", "--sql-dir", dir], ini: ini)
        #expect(noSQL.status == 64, "\(noSQL)")
        #expect(noSQL.err.contains("--sql-dir is for offline mode: add --sql"), "\(noSQL.err)")
    }

    @Test func autogenerateRefusesADatabaseBehindTheHeads() async throws {
        let (folder, ini) = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.writeRevisionFile(folder)
        let stamped = await Self.run(["stamp", "head"], ini: ini)
        #expect(stamped.status == 0, "\(stamped.err)")
        try SQLiteConnection(path: folder + "/audit.db").execute("DELETE FROM audit_version")
        let refused = await Self.run(["revision", "--autogenerate", "-m", "next"], ini: ini)
        #expect(refused.status == 1)
        #expect(
            refused.err
                == "error: database audit is not up to date (it is at base, the heads are m1); run `autogen upgrade heads` first"
        )
    }

    @Test func aDatabaseWithoutSectionURLOrModelIsOneLine() async throws {
        let (folder, ini) = try Self.makeProject(ini: "databases = main, audit\n\n[main]\nurl = sqlite:///m.db")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let noSection = await Self.run(["current"], ini: ini)
        #expect(noSection.status == 1)
        #expect(
            noSection.err
                == "error: \(ini):3: database \"audit\" is listed in \"databases\" but there is no [audit] section")

        try
            "[autogen]\nscript_location = %(here)s/migrations\ndatabases = main, audit\n[main]\nurl = sqlite:///m.db\n[audit]\n"
            .write(toFile: ini, atomically: true, encoding: .utf8)
        let noURL = await Self.run(["current"], ini: ini)
        #expect(noURL.err == "error: \(ini):6: [audit] has no \"url\", which database \"audit\" needs", "\(noURL)")

        try
            "[autogen]\nscript_location = %(here)s/migrations\ndatabases = main, audit\n[main]\nurl = sqlite:///m.db\n[audit]\nurl = sqlite:///a.db\n"
            .write(toFile: ini, atomically: true, encoding: .utf8)
        let noModel = await Self.run(["current"], ini: ini, databases: ["main": mainModel])
        #expect(noModel.err == "error: \(ini):3: database \"audit\" has no model in env.swift (it declares main)")
        let unlisted = await Self.run(
            ["current"], ini: ini, databases: ["main": mainModel, "audit": auditModel, "logs": auditModel])
        #expect(
            unlisted.err == "error: env.swift declares database \"logs\", which \"databases\" in \(ini):3 does not list"
        )

        try "[autogen]\nscript_location = %(here)s/migrations\nurl = sqlite:///m.db\n"
            .write(toFile: ini, atomically: true, encoding: .utf8)
        let notMulti = await Self.run(["current"], ini: ini)
        #expect(
            notMulti.err
                == "error: \(ini): [autogen] has no \"databases\"; env.swift declares the databases audit, main")
    }

    @Test func hooksAreToldTheDatabase() async throws {
        let (folder, ini) = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let seen = LogLines()
        let hooks = EnvironmentHooks(
            url: { configured in
                seen.append("url \(AutogenEnvironment.database ?? "-")")
                return configured
            },
            compare: { _ in seen.append("compare \(AutogenEnvironment.database ?? "-")") },
            rewriteOps: { ops, context in
                seen.append("rewrite \(context.database ?? "-")")
                return context.database == "audit" ? [] : ops
            })
        let out = LogLines()
        let status = await AutogenEnvironment.run(
            arguments: ["check", "-c", ini], databases: ["main": mainModel, "audit": auditModel], revisions: [],
            output: EnvironmentOutput(out: { out.append($0) }, err: { _ in }), hooks: hooks)
        #expect(status == 1)
        #expect(
            seen.all == ["url main", "url audit", "compare main", "rewrite main", "compare audit", "rewrite audit"])
        #expect(out.all.last == "No changes: database audit matches its model.")
    }
}
