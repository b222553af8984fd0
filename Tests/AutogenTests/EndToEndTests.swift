import Foundation
import Introspect
import TestSupport
import Testing

@testable import Autogen

/// The user's journey through the built `autogen` binary on SQLite: init, autogenerate from
/// the example model, upgrade, check; edit the model (add, drop, rename with a hint),
/// autogenerate and upgrade again; a change behind the tool's back; downgrade -1; two
/// branches merged; downgrade base; a failing hook, a broken template, a broken model.
///
/// The project lives in `.build-e2e/journey` (a fixed path, so the environment package's own
/// `.build` stays valid between runs): it is laid out afresh by `autogen init` each run, and
/// the environment's `.build` is kept aside in `.build-e2e/env-build` in between, so only the
/// first run builds this package again as the environment's dependency.
@Suite(.serialized) struct EndToEndTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let work = root.appendingPathComponent(".build-e2e").path
    static let journey = work + "/journey"
    static let keptBuild = work + "/env-build"
    /// The `autogen` of the build that made this test bundle.
    static let autogen = BuiltProducts.folder + "/autogen"

    /// One run of the binary in `folder`: its status and what it wrote.
    struct Run: CustomStringConvertible {
        var status: Int32
        var out: String
        var err: String
        var description: String { "exit \(status)\nstdout:\n\(out)\nstderr:\n\(err)" }
    }

    static func autogen(_ arguments: [String], in folder: String = journey, environment: [String: String] = [:]) throws
        -> Run
    {
        let outPath = work + "/stdout.txt"
        let errPath = work + "/stderr.txt"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: autogen)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        try process.run()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, out: try String(contentsOfFile: outPath, encoding: .utf8),
            err: try String(contentsOfFile: errPath, encoding: .utf8))
    }

    /// Moves `from` to `to` when `from` exists and `to` does not.
    static func move(_ from: String, _ to: String) throws {
        let manager = FileManager.default
        guard manager.fileExists(atPath: from), !manager.fileExists(atPath: to) else { return }
        try manager.moveItem(atPath: from, toPath: to)
    }

    static let environmentBuild = journey + "/migrations/.build"

    /// A fresh journey folder (the environment's kept `.build` set aside first).
    static func freshJourney() throws {
        let manager = FileManager.default
        try #require(manager.isExecutableFile(atPath: autogen), "build first: swift build --build-tests")
        try manager.createDirectory(atPath: work, withIntermediateDirectories: true)
        try move(environmentBuild, keptBuild)
        try? manager.removeItem(atPath: journey)
        try manager.createDirectory(atPath: journey, withIntermediateDirectories: true)
    }

    @Test(.timeLimit(.minutes(10))) func initAutogenerateUpgradeCheckDowngrade() throws {
        let manager = FileManager.default
        let environmentBuild = Self.environmentBuild
        try Self.freshJourney()
        defer { try? Self.move(environmentBuild, Self.keptBuild) }

        let initRun = try Self.autogen(["init", "migrations"])
        #expect(initRun.status == 0, "\(initRun)")
        for file in [
            "autogen.ini", "migrations/Package.swift", "migrations/env.swift", "migrations/model.swift",
            "migrations/script.swift.mako", "migrations/README", "migrations/.swift-format", "migrations/versions",
        ] {
            #expect(manager.fileExists(atPath: Self.journey + "/" + file), "\(file)")
        }
        let again = try Self.autogen(["init", "migrations"])
        #expect(again.status != 0 && again.err.contains("already exists"), "\(again)")
        try Self.move(Self.keptBuild, environmentBuild)

        let generated = try Self.autogen(["revision", "--autogenerate", "-m", "create tables"])
        try #require(generated.status == 0, "\(generated)")
        // A build says what it is doing and how long it took.
        #expect(generated.err.contains("Building migration environment: "), "\(generated)")
        #expect(generated.err.contains("\nMigration environment built in "), "\(generated)")
        #expect(generated.out.contains("  createTable(\"organization\")\n  createTable(\"account\")"), "\(generated)")
        #expect(generated.out.contains("Running post-write hook \"swift_format\" ... done"), "\(generated)")
        let versions = try manager.contentsOfDirectory(atPath: Self.journey + "/migrations/versions")
            .filter { $0.hasSuffix("_create_tables.swift") }
        try #require(versions.count == 1, "\(versions)")
        let revision = try String(contentsOfFile: Self.journey + "/migrations/versions/" + versions[0], encoding: .utf8)
        #expect(revision.contains("try op.createTable(\"account\") {"))
        #expect(revision.contains("try op.dropTable(\"organization\")"))

        let upgraded = try Self.autogen(["upgrade", "head"])
        try #require(upgraded.status == 0, "\(upgraded)")
        #expect(upgraded.err.contains("Running upgrade  -> "), "\(upgraded)")
        let database = DatabaseURL.sqlite(path: Self.journey + "/app.db")
        #expect(try runtimeTables(database) == ["account", "organization"])
        let current = try Self.autogen(["current"])
        #expect(current.status == 0 && current.out.hasSuffix(" (head)\n"), "\(current)")
        #expect(!current.err.contains("Building"), "nothing changed, so nothing is built: \(current)")

        let agrees = try Self.autogen(["check"])
        #expect(agrees.status == 0, "\(agrees)")
        let nothing = try Self.autogen(["revision", "--autogenerate", "-m", "nothing"])
        #expect(nothing.status == 0 && nothing.out.contains("no revision written"), "\(nothing)")

        let appDB = Self.journey + "/app.db"
        let first = try SQLiteCatalogReader(connection: SQLiteConnection(path: appDB)).read()
        try SQLiteConnection(path: appDB).execute("INSERT INTO organization (id, name) VALUES (1, 'acme')")

        // Edit the model: a column and an index added, a column dropped, one renamed with a hint.
        let modelPath = Self.journey + "/migrations/model.swift"
        let original = try String(contentsOfFile: modelPath, encoding: .utf8)
        let edited =
            original
            .replacingOccurrences(
                of:
                    "        Column(\"created_at\", .timestamp(withTimeZone: true)).notNull().default(.sql(\"CURRENT_TIMESTAMP\"))\n",
                with: "        Column(\"website\", .text)\n        Index(\"ix_organization_website\", \"website\")\n"
            )
            .replacingOccurrences(
                of: "Column(\"profile\", .json)", with: "Column(\"settings\", .json).renamed(from: \"profile\")")
        try #require(edited.contains("renamed(from:") && edited.contains("ix_organization_website"))
        try edited.write(toFile: modelPath, atomically: true, encoding: .utf8)
        let second = try Self.autogen(["revision", "--autogenerate", "-m", "website and settings"])
        try #require(second.status == 0, "\(second)")
        #expect(
            second.out.contains(
                """
                Detected 4 change(s):
                  alterColumn("account", "profile", newName: "settings", existing: Column("profile", .json))
                  addColumn("organization", Column("website", .text))
                  dropColumn("organization", "created_at")
                  createIndex(Index("ix_organization_website", "website"), on: "organization")
                  warning: dropping column organization.created_at loses its data [drops-data]

                """), "\(second)")
        let secondFile = try manager.contentsOfDirectory(atPath: Self.journey + "/migrations/versions")
            .filter { $0.hasSuffix("_website_and_settings.swift") }
        try #require(secondFile.count == 1, "\(secondFile)")
        let secondText = try String(
            contentsOfFile: Self.journey + "/migrations/versions/" + secondFile[0], encoding: .utf8)
        // swift-format wrapped the long line the template wrote on one.
        #expect(secondText.contains("        try op.addColumn(\n            \"organization\",\n"), "\(secondText)")
        #expect(secondText.contains("try op.alterColumn(\"account\", \"settings\", newName: \"profile\""))
        let secondID = String(secondFile[0].prefix { $0 != "_" })

        let upgradedAgain = try Self.autogen(["upgrade", "head"])
        try #require(upgradedAgain.status == 0, "\(upgradedAgain)")
        #expect(try Self.autogen(["check"]).status == 0)
        let settings = try SQLiteCatalogReader(connection: SQLiteConnection(path: appDB)).read()
        #expect(settings.table("account")?.column("settings") != nil)
        #expect(settings.table("organization")?.column("website") != nil)

        // A model edit whose file time is older than the last build (a `git checkout`, a
        // `cp -p`) is still built: staleness is the set of sources with their sizes and times.
        let modelNow = try String(contentsOfFile: modelPath, encoding: .utf8)
        let withFax = modelNow.replacingOccurrences(
            of: "        Column(\"website\", .text)\n",
            with: "        Column(\"website\", .text)\n        Column(\"fax\", .text)\n")
        try #require(withFax != modelNow)
        try withFax.write(toFile: modelPath, atomically: true, encoding: .utf8)
        try manager.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: 1_000_000_000)], ofItemAtPath: modelPath)
        let olderEdit = try Self.autogen(["check"])
        #expect(
            olderEdit.status == 1 && olderEdit.out.contains("addColumn(\"organization\", Column(\"fax\", .text))"),
            "\(olderEdit)")
        try modelNow.write(toFile: modelPath, atomically: true, encoding: .utf8)

        // A change behind the tool's back: check names it and fails.
        try SQLiteConnection(path: appDB).execute("ALTER TABLE organization ADD COLUMN fax TEXT")
        let differs = try Self.autogen(["check"])
        #expect(differs.status == 1, "\(differs)")
        #expect(differs.out.contains("dropColumn(\"organization\", \"fax\")"), "\(differs)")
        try SQLiteConnection(path: appDB).execute("ALTER TABLE organization DROP COLUMN fax")

        // downgrade -1 restores the first schema, and the row.
        let back = try Self.autogen(["downgrade", "-1"])
        try #require(back.status == 0, "\(back)")
        let restored = try SQLiteCatalogReader(connection: SQLiteConnection(path: appDB)).read()
        let leftover = Comparer.compare(model: first, database: restored, dialect: SQLiteDialect.self).ops
        #expect(leftover.isEmpty, "\(SwiftRenderer.render(leftover))")
        let rows = try SQLiteConnection(path: appDB).query("SELECT name FROM organization")
        #expect(rows == [[.text("acme")]], "\(rows)")

        // Two branches off the second revision, merged.
        #expect(try Self.autogen(["upgrade", "head"]).status == 0)
        #expect(try Self.autogen(["revision", "-m", "branch a"]).status == 0)
        #expect(try Self.autogen(["revision", "-m", "branch b", "--head", secondID, "--splice"]).status == 0)
        #expect(try Self.autogen(["heads"]).out.split(separator: "\n").count == 2)
        let merged = try Self.autogen(["merge", "-m", "merge branches", "heads"])
        #expect(merged.status == 0, "\(merged)")
        let heads = try Self.autogen(["heads"])
        #expect(heads.out.split(separator: "\n").count == 1 && heads.out.contains("(mergepoint)"), "\(heads)")
        let toMerge = try Self.autogen(["upgrade", "head"])
        #expect(toMerge.status == 0 && toMerge.err.contains(", merge branches"), "\(toMerge)")

        let downgraded = try Self.autogen(["downgrade", "base"])
        #expect(downgraded.status == 0, "\(downgraded)")
        #expect(try runtimeTables(database) == [])

        // A fatal error in a revision body: the runtime's line, then one line of ours naming the
        // revision; exit 1; the whole run rolled back.
        let crash = try Self.autogen(["revision", "-m", "crash"])
        try #require(crash.status == 0, "\(crash)")
        let crashFile = try #require(
            manager.contentsOfDirectory(atPath: Self.journey + "/migrations/versions").first {
                $0.hasSuffix("_crash.swift")
            })
        let crashPath = Self.journey + "/migrations/versions/" + crashFile
        let crashID = String(crashFile.prefix { $0 != "_" })
        let crashText = try String(contentsOfFile: crashPath, encoding: .utf8)
        try crashText.replacingOccurrences(
            of: "    func upgrade(_ op: Operations) throws {\n        // no changes",
            with:
                "    func upgrade(_ op: Operations) throws {\n        try op.execute(\"CREATE TABLE t (x)\")\n        fatalError(\"boom\")"
        ).write(toFile: crashPath, atomically: true, encoding: .utf8)
        let crashed = try Self.autogen(["upgrade", "head"])
        #expect(crashed.status == 1, "\(crashed)")
        #expect(crashed.err.contains("Fatal error: boom"), "\(crashed)")
        #expect(
            crashed.err.hasSuffix(
                "error: revision \(crashID) failed: a fatal error stopped the process during its upgrade; the run's transaction was not committed, so the database is as it was before this run\n"
            ), "\(crashed)")
        #expect(!crashed.err.contains("Current stack trace") && !crashed.err.contains("Backtrace"), "\(crashed)")
        #expect(try runtimeTables(database) == [])
        #expect(try Self.autogen(["current"]).out == "", "the version table is empty")
        try manager.removeItem(atPath: crashPath)

        // A script_location that does not exist: one line naming it, for the commands that
        // read revision files without building too.
        try "[autogen]\nscript_location = %(here)s/nowhere\n".write(
            toFile: Self.journey + "/missing.ini", atomically: true, encoding: .utf8)
        for command in ["history", "heads", "current"] {
            let missing = try Self.autogen(["-c", "missing.ini", command])
            #expect(missing.status == 1, "\(command): \(missing)")
            #expect(
                missing.err
                    == "error: missing.ini:2: script_location names \(Self.journey)/nowhere, which does not exist; run `autogen init` there, or fix the path\n",
                "\(command): \(missing)")
        }

        // A failing hook: one line, exit 1, the file kept.
        let ini = Self.journey + "/autogen.ini"
        let iniText = try String(contentsOfFile: ini, encoding: .utf8)
        try iniText.replacingOccurrences(
            of: "swift_format.executable = swift-format", with: "swift_format.executable = false"
        ).write(toFile: ini, atomically: true, encoding: .utf8)
        let hookFails = try Self.autogen(["revision", "-m", "hook fails"])
        #expect(hookFails.status == 1, "\(hookFails)")
        #expect(hookFails.err.split(separator: "\n").count == 1, "\(hookFails)")
        #expect(hookFails.err.hasPrefix("error: post-write hook \"swift_format\" failed (exit 1)"), "\(hookFails)")

        // A hook that says something (a linter's warnings): its output reaches the terminal,
        // standard output and error each to its own (issue #15, item 6).
        let speaker = Self.journey + "/speaker.sh"
        try "#!/bin/sh\necho 'speaker: looked at it'\necho 'speaker: warning: line too long' >&2\n".write(
            toFile: speaker, atomically: true, encoding: .utf8)
        try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: speaker)
        try iniText.replacingOccurrences(
            of: "swift_format.executable = swift-format", with: "swift_format.executable = " + speaker
        ).write(toFile: ini, atomically: true, encoding: .utf8)
        let spoken = try Self.autogen(["revision", "-m", "hook speaks"])
        #expect(spoken.status == 0, "\(spoken)")
        #expect(spoken.out.contains("... done\nspeaker: looked at it\n"), "\(spoken)")
        #expect(spoken.err.contains("speaker: warning: line too long"), "\(spoken)")
        for line in spoken.out.split(separator: "\n") where line.hasPrefix("Generating ") {
            try manager.removeItem(atPath: String(line.dropFirst("Generating ".count).dropLast(" ... done".count)))
        }
        try manager.removeItem(atPath: speaker)
        try iniText.write(toFile: ini, atomically: true, encoding: .utf8)

        // A broken revision template: file, line and column; no file written.
        let mako = Self.journey + "/migrations/script.swift.mako"
        let makoText = try String(contentsOfFile: mako, encoding: .utf8)
        try makoText.replacingOccurrences(of: "${repr(up_revision)}", with: "${repr(up_revision}")
            .write(toFile: mako, atomically: true, encoding: .utf8)
        let before = try manager.contentsOfDirectory(atPath: Self.journey + "/migrations/versions").count
        let badTemplate = try Self.autogen(["revision", "-m", "broken template"])
        #expect(badTemplate.status == 1, "\(badTemplate)")
        #expect(badTemplate.err.split(separator: "\n").count == 1, "\(badTemplate)")
        #expect(badTemplate.err.hasPrefix("error: script.swift.mako:"), "\(badTemplate)")
        #expect(try manager.contentsOfDirectory(atPath: Self.journey + "/migrations/versions").count == before)
        try makoText.write(toFile: mako, atomically: true, encoding: .utf8)

        // A model that does not compile: the compiler's error line, then one line of ours.
        let model = Self.journey + "/migrations/model.swift"
        let text = try String(contentsOfFile: model, encoding: .utf8)
        try (text + "let broken: Int = \"x\"\n").write(toFile: model, atomically: true, encoding: .utf8)
        let broken = try Self.autogen(["check"])
        #expect(broken.status == 1, "\(broken)")
        let line = text.filter { $0 == "\n" }.count + 1
        #expect(
            broken.err.contains("model.swift:\(line):19: error: cannot convert value of type 'String'"), "\(broken)")
        #expect(broken.err.hasSuffix("\nerror: the migration environment does not compile\n"), "\(broken)")
    }

    /// The same journey on PostgreSQL (enum types, comments, the server's own spellings):
    /// autogenerate, upgrade, check, a change behind the tool's back, a model edit with a
    /// rename hint, downgrade -1 and base; and a wrong password: one line, no password,
    /// non-zero exit.
    @Test(.enabled(if: TestPostgres.isConfigured), .timeLimit(.minutes(10)))
    func postgresJourney() throws {
        try Self.freshJourney()
        defer { try? Self.move(Self.environmentBuild, Self.keptBuild) }
        #expect(try Self.autogen(["init", "migrations"]).status == 0)
        try Self.move(Self.keptBuild, Self.environmentBuild)
        try TestPostgres.withTemporaryDatabase { url, connection in
            let ini = Self.journey + "/autogen.ini"
            let text = try String(contentsOfFile: ini, encoding: .utf8)
                .replacingOccurrences(of: "url = sqlite:///app.db", with: "url = ${AUTOGEN_E2E_URL}")
            try text.write(toFile: ini, atomically: true, encoding: .utf8)
            let environment = ["AUTOGEN_E2E_URL": DatabaseURL.postgresql(url).description]

            let generated = try Self.autogen(
                ["revision", "--autogenerate", "-m", "create tables"], environment: environment)
            try #require(generated.status == 0, "\(generated)")
            #expect(generated.out.contains("createEnum(Enum(\"account_status\""), "\(generated)")
            let upgraded = try Self.autogen(["upgrade", "head"], environment: environment)
            try #require(upgraded.status == 0, "\(upgraded)")
            #expect(try runtimeTables(.postgresql(url)) == ["account", "organization"])
            let agrees = try Self.autogen(["check"], environment: environment)
            #expect(agrees.status == 0, "\(agrees)")

            try connection.execute("ALTER TABLE organization ADD COLUMN website text")
            let differs = try Self.autogen(["check"], environment: environment)
            #expect(
                differs.status == 1 && differs.out.contains("dropColumn(\"organization\", \"website\")"), "\(differs)")
            try connection.execute("ALTER TABLE organization DROP COLUMN website")

            // Edit the model (a column added, one renamed with a hint), autogenerate, upgrade,
            // and downgrade -1 back to the first schema.
            let first = try PostgresCatalogReader(connection: connection).read()
            let modelPath = Self.journey + "/migrations/model.swift"
            let original = try String(contentsOfFile: modelPath, encoding: .utf8)
            try original.replacingOccurrences(
                of: "Column(\"profile\", .json)",
                with: "Column(\"settings\", .json).renamed(from: \"profile\")\n        Column(\"nickname\", .text)"
            ).write(toFile: modelPath, atomically: true, encoding: .utf8)
            let second = try Self.autogen(["revision", "--autogenerate", "-m", "settings"], environment: environment)
            try #require(second.status == 0, "\(second)")
            #expect(
                second.out.contains(
                    """
                    Detected 2 change(s):
                      addColumn("account", Column("nickname", .text))
                      alterColumn("account", "profile", newName: "settings", existing: Column("profile", .json))

                    """), "\(second)")
            #expect(try Self.autogen(["upgrade", "head"], environment: environment).status == 0)
            #expect(try Self.autogen(["check"], environment: environment).status == 0)
            let back = try Self.autogen(["downgrade", "-1"], environment: environment)
            try #require(back.status == 0, "\(back)")
            let restored = try PostgresCatalogReader(connection: connection).read()
            let leftover = Comparer.compare(model: first, database: restored, dialect: PostgresDialect.self).ops
            #expect(leftover.isEmpty, "\(SwiftRenderer.render(leftover))")

            let downgraded = try Self.autogen(["downgrade", "base"], environment: environment)
            #expect(downgraded.status == 0, "\(downgraded)")
            #expect(try runtimeTables(.postgresql(url)) == [])

            try TestPostgres.ensurePasswordRole(connection)
            let wrong =
                "postgresql://autogen_password_test:wrong-secret@\(url.host ?? "127.0.0.1"):\(url.port ?? 5432)/\(url.database ?? "postgres")"
            let refused = try Self.autogen(["current"], environment: ["AUTOGEN_E2E_URL": wrong])
            #expect(refused.status != 0, "\(refused)")
            #expect(refused.err.contains("password authentication failed"), "\(refused)")
            #expect(!refused.err.contains("wrong-secret") && !refused.out.contains("wrong-secret"), "\(refused)")
            #expect(refused.err.split(separator: "\n").count == 1, "\(refused)")
        }
    }
}
