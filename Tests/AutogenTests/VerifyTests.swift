import Foundation
import Introspect
import ModelDSL
import TestSupport
import Testing

@testable import Autogen

/// `v1` creates `item` with an index; `v2` drops the index; `v3` widens `qty`. The `Broken`
/// variants forget part of their downgrade, as a hand-edited revision might.
enum VerifyChain {
    struct V1: Revision {
        static let id = "v1"
        static let downRevisions: [String] = []
        static let branchLabels: [String] = []
        static let dependsOn: [String] = []
        static let message = "add item"
        static let createDate = "2026-01-01 00:00:00.000000"
        func upgrade(_ op: Operations) throws {
            try op.createTable("item") {
                Column("id", .integer).primaryKey()
                Column("qty", .integer)
                Column("name", .text)
            }
            try op.createIndex(Index("ix_item_name", "name"), on: "item")
        }
        func downgrade(_ op: Operations) throws { try op.dropTable("item") }
    }

    struct V2: Revision {
        static let id = "v2"
        static let downRevisions = ["v1"]
        static let branchLabels: [String] = []
        static let dependsOn: [String] = []
        static let message = "drop index"
        static let createDate = "2026-01-01 00:00:00.000000"
        func upgrade(_ op: Operations) throws { try op.dropIndex("ix_item_name", on: "item") }
        func downgrade(_ op: Operations) throws { try op.createIndex(Index("ix_item_name", "name"), on: "item") }
    }

    struct V2Broken: Revision {
        static let id = "v2"
        static let downRevisions = ["v1"]
        static let branchLabels: [String] = []
        static let dependsOn: [String] = []
        static let message = "drop index"
        static let createDate = "2026-01-01 00:00:00.000000"
        func upgrade(_ op: Operations) throws { try op.dropIndex("ix_item_name", on: "item") }
        func downgrade(_ op: Operations) throws {}
    }

    struct V3: Revision {
        static let id = "v3"
        static let downRevisions = ["v2"]
        static let branchLabels: [String] = []
        static let dependsOn: [String] = []
        static let message = "widen qty"
        static let createDate = "2026-01-01 00:00:00.000000"
        func upgrade(_ op: Operations) throws {
            try op.alterColumn("item", "qty", type: .bigint, existing: Column("qty", .integer))
        }
        func downgrade(_ op: Operations) throws {
            try op.alterColumn("item", "qty", type: .integer, existing: Column("qty", .bigint))
        }
    }

    struct V3Broken: Revision {
        static let id = "v3"
        static let downRevisions = ["v2"]
        static let branchLabels: [String] = []
        static let dependsOn: [String] = []
        static let message = "widen qty"
        static let createDate = "2026-01-01 00:00:00.000000"
        func upgrade(_ op: Operations) throws {
            try op.alterColumn("item", "qty", type: .bigint, existing: Column("qty", .integer))
        }
        func downgrade(_ op: Operations) throws {}
    }

    /// What the three revisions build.
    static let model = Schema {
        Table("item") {
            Column("id", .integer).primaryKey()
            Column("qty", .bigint)
            Column("name", .text)
        }
    }

    /// A project whose url is `url`, with the three revision files.
    static func project(url: String?) throws -> (folder: String, ini: String) {
        let (folder, ini) = try EnvironmentCommandTests.makeProject(url: url)
        for (id, down, message) in [
            ("v1", [String](), "add item"), ("v2", ["v1"], "drop index"), ("v3", ["v2"], "widen qty"),
        ] {
            try revisionFileText(id: id, downRevisions: down, message: message)
                .write(toFile: "\(folder)/migrations/versions/\(id).swift", atomically: true, encoding: .utf8)
        }
        return (folder, ini)
    }

    static func verify(
        _ ini: String, revisions: [any Revision.Type], arguments: [String] = []
    ) async -> (status: Int32, out: String, err: String) {
        await EnvironmentCommandTests.run(["verify"] + arguments, ini: ini, schema: model, revisions: revisions)
    }

    /// The databases named autogen_verify_* on the test server.
    static func scratchDatabases() throws -> [String] {
        let connection = try PostgresConnection(try TestPostgres.serverURL())
        defer { connection.close() }
        let result = try connection.query("SELECT datname FROM pg_database WHERE datname LIKE 'autogen_verify_%'")
        return (0..<result.rowCount).compactMap { result[$0, 0] }
    }
}

/// A branch point and a merge: `g1` creates `base`; `g2a` and `g2b`, both on `g1`, create `left`
/// and `right`; `gm` merges them and adds a column to `base`.
enum VerifyBranches {
    struct G1: Revision {
        static let id = "g1"
        static let downRevisions: [String] = []
        static let branchLabels: [String] = []
        static let dependsOn: [String] = []
        static let message = "base"
        static let createDate = ""
        func upgrade(_ op: Operations) throws { try op.createTable("base") { Column("id", .integer).primaryKey() } }
        func downgrade(_ op: Operations) throws { try op.dropTable("base") }
    }
    struct G2a: Revision {
        static let id = "g2a"
        static let downRevisions = ["g1"]
        static let branchLabels: [String] = []
        static let dependsOn: [String] = []
        static let message = "left"
        static let createDate = ""
        func upgrade(_ op: Operations) throws { try op.createTable("left") { Column("id", .integer).primaryKey() } }
        func downgrade(_ op: Operations) throws { try op.dropTable("left") }
    }
    struct G2b: Revision {
        static let id = "g2b"
        static let downRevisions = ["g1"]
        static let branchLabels: [String] = []
        static let dependsOn: [String] = []
        static let message = "right"
        static let createDate = ""
        func upgrade(_ op: Operations) throws { try op.createTable("right") { Column("id", .integer).primaryKey() } }
        func downgrade(_ op: Operations) throws { try op.dropTable("right") }
    }
    struct GM: Revision {
        static let id = "gm"
        static let downRevisions = ["g2a", "g2b"]
        static let branchLabels: [String] = []
        static let dependsOn: [String] = []
        static let message = "merge"
        static let createDate = ""
        func upgrade(_ op: Operations) throws { try op.addColumn("base", Column("note", .text)) }
        func downgrade(_ op: Operations) throws { try op.dropColumn("base", "note") }
    }

    static let model = Schema {
        Table("base") {
            Column("id", .integer).primaryKey()
            Column("note", .text)
        }
        Table("left") { Column("id", .integer).primaryKey() }
        Table("right") { Column("id", .integer).primaryKey() }
    }
}

@Suite(.serialized) struct VerifyTests {
    @Test(.enabled(if: TestPostgres.isConfigured)) func postgresCatchesBrokenDowngradesAndCleansUp() async throws {
        try await withTemporaryPostgres { parts in
            let (folder, ini) = try VerifyChain.project(url: TestPostgres.text(parts))
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let before = try VerifyChain.scratchDatabases()

            let good = await VerifyChain.verify(
                ini, revisions: [VerifyChain.V1.self, VerifyChain.V2.self, VerifyChain.V3.self])
            #expect(good.status == 0, "\(good)")
            #expect(good.out.hasPrefix("Verified 3 revision(s) in "), "\(good.out)")
            #expect(
                good.out.hasSuffix(
                    "every downgrade restores the schema, and at the heads the database matches the model."))
            #expect(good.err.contains("Verified v2 (drop index): upgrade, downgrade restores the schema, upgrade"))

            let index = await VerifyChain.verify(
                ini, revisions: [VerifyChain.V1.self, VerifyChain.V2Broken.self, VerifyChain.V3.self])
            #expect(index.status == 1, "\(index)")
            #expect(
                index.err.contains(
                    """
                    error: the downgrade of v2 (drop index) does not restore the schema (1 change(s) from before its upgrade):
                      createIndex(Index("ix_item_name", "name"), on: "item")
                    """), "\(index.err)")
            #expect(!index.err.contains("v3"), "verify stops at the first broken revision: \(index.err)")

            let type = await VerifyChain.verify(
                ini, revisions: [VerifyChain.V1.self, VerifyChain.V2.self, VerifyChain.V3Broken.self])
            #expect(type.status == 1, "\(type)")
            #expect(
                type.err.contains("error: the downgrade of v3 (widen qty) does not restore the schema (1 change(s)"),
                "\(type.err)")
            #expect(type.err.contains(#"  alterColumn("item", "qty", type: .integer"#), "\(type.err)")

            // The configured database was never touched, and every scratch database is gone.
            let configured = try PostgresCatalogReader(connection: try PostgresConnection(parts)).read()
            #expect(configured.tables.isEmpty)
            #expect(try VerifyChain.scratchDatabases() == before)
        }
    }

    @Test func branchesAndAMergeAreVerifiedEachRevisionOnce() async throws {
        let (folder, ini) = try EnvironmentCommandTests.makeProject()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (id, down) in [("g1", [String]()), ("g2a", ["g1"]), ("g2b", ["g1"]), ("gm", ["g2a", "g2b"])] {
            try revisionFileText(id: id, downRevisions: down, message: id)
                .write(toFile: "\(folder)/migrations/versions/\(id).swift", atomically: true, encoding: .utf8)
        }
        let revisions: [any Revision.Type] = [
            VerifyBranches.G1.self, VerifyBranches.G2a.self, VerifyBranches.G2b.self, VerifyBranches.GM.self,
        ]
        let run = await EnvironmentCommandTests.run(
            ["verify"], ini: ini, schema: VerifyBranches.model, revisions: revisions)
        #expect(run.status == 0, "\(run)")
        #expect(run.out.hasPrefix("Verified 4 revision(s)"), "\(run.out)")
        let order = run.err.split(separator: "\n").filter { $0.hasPrefix("Verified ") }.map {
            String($0.dropFirst("Verified ".count).prefix { $0 != " " })
        }
        #expect(order == ["g1", "g2a", "g2b", "gm"], "\(run.err)")
    }

    @Test func sqliteCatchesABrokenDowngradeAndStartsFromARevision() async throws {
        let (folder, ini) = try VerifyChain.project(url: nil)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let scratchFiles = {
            try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter {
                $0.hasPrefix("autogen-verify-")
            }
        }
        let before = try scratchFiles()
        let good = await VerifyChain.verify(
            ini, revisions: [VerifyChain.V1.self, VerifyChain.V2.self, VerifyChain.V3.self])
        #expect(good.status == 0 && good.out.hasPrefix("Verified 3 revision(s)"), "\(good)")

        let broken = await VerifyChain.verify(
            ini, revisions: [VerifyChain.V1.self, VerifyChain.V2Broken.self, VerifyChain.V3.self])
        #expect(
            broken.status == 1 && broken.err.contains(#"  createIndex(Index("ix_item_name", "name"), on: "item")"#),
            "\(broken)")
        // From v2 on, v2 is applied unverified: only v3 is verified.
        let from = await VerifyChain.verify(
            ini, revisions: [VerifyChain.V1.self, VerifyChain.V2Broken.self, VerifyChain.V3.self],
            arguments: ["--from", "v2"])
        #expect(from.status == 0 && from.out.hasPrefix("Verified 1 revision(s)"), "\(from)")
        #expect(try scratchFiles() == before)
        #expect(!FileManager.default.fileExists(atPath: folder + "/app.db"))

        // --url: an empty database of the user's, kept; one with tables is refused.
        let mine = folder + "/mine.db"
        let kept = await VerifyChain.verify(
            ini, revisions: [VerifyChain.V1.self, VerifyChain.V2.self, VerifyChain.V3.self],
            arguments: ["--url", "sqlite:///" + mine])
        #expect(kept.status == 0, "\(kept)")
        #expect(FileManager.default.fileExists(atPath: mine))
        try SQLiteConnection(path: folder + "/full.db").execute("CREATE TABLE t (x)")
        let full = await VerifyChain.verify(
            ini, revisions: [VerifyChain.V1.self], arguments: ["--url", "sqlite:///" + folder + "/full.db"])
        #expect(full.status == 1)
        #expect(
            full.err
                == "error: verify needs an empty database, and sqlite:///\(folder)/full.db has table \"t\"; leave out --url for a scratch database",
            "\(full.err)")
    }
}

/// `verify` through the binary, killed while a revision runs: the watchdog removes the
/// scratch database all the same.
@Suite struct VerifyKillTests {
    @Test(.enabled(if: TestPostgres.isConfigured), .timeLimit(.minutes(5))) func aKilledVerifyLeavesNoScratchDatabase()
        async throws
    {
        try await withTemporaryPostgres { parts in
            let folder = EndToEndTests.work + "/verify-kill-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            #expect(try CLIFlagTests.autogen(["init", "migrations"], in: folder).status == 0)
            let ini = folder + "/autogen.ini"
            try String(contentsOfFile: ini, encoding: .utf8)
                .replacingOccurrences(of: "url = sqlite:///app.db", with: "url = " + TestPostgres.text(parts))
                .write(toFile: ini, atomically: true, encoding: .utf8)
            try """
            import Autogen

            let schema = Schema {
                Table("slow") { Column("id", .integer).primaryKey() }
            }
            """.write(toFile: folder + "/migrations/model.swift", atomically: true, encoding: .utf8)
            let revision = revisionFileText(id: "s1", message: "slow")
                .replacingOccurrences(
                    of:
                        "try op.createTable(\"account\") {\n            Column(\"id\", .integer).primaryKey()\n        }",
                    with:
                        "try op.createTable(\"slow\") { Column(\"id\", .integer).primaryKey() }\n        try op.execute(\"SELECT pg_sleep(120)\", reverse: \"SELECT 1\")"
                )
                .replacingOccurrences(of: "try op.dropTable(\"account\")", with: "try op.dropTable(\"slow\")")
            #expect(revision.contains("pg_sleep") && revision.contains("dropTable(\"slow\")"), "\(revision)")
            try revision.write(toFile: folder + "/migrations/versions/s1_slow.swift", atomically: true, encoding: .utf8)

            let before = Set(try VerifyChain.scratchDatabases())
            let process = Process()
            process.executableURL = URL(fileURLWithPath: EndToEndTests.autogen)
            process.arguments = ["verify"]
            process.currentDirectoryURL = URL(fileURLWithPath: folder)
            process.standardInput = FileHandle.nullDevice
            let log = folder + "/verify.log"
            _ = FileManager.default.createFile(atPath: log, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
            process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
            try process.run()

            // Wait for the scratch database (after the environment's build), then for the sleep.
            var scratch: Set<String> = []
            for _ in 0..<600 where scratch.isEmpty && process.isRunning {
                try await Task.sleep(for: .milliseconds(200))
                scratch = Set(try VerifyChain.scratchDatabases()).subtracting(before)
            }
            let started = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            try #require(!scratch.isEmpty, "no scratch database appeared: \(started)")
            try await Task.sleep(for: .seconds(1))
            #expect(process.isRunning, "\(started)")
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            var left = scratch
            for _ in 0..<100 where !left.isEmpty {
                try await Task.sleep(for: .milliseconds(200))
                left = Set(try VerifyChain.scratchDatabases()).intersection(scratch)
            }
            #expect(left.isEmpty, "the scratch database outlived a killed verify: \(left)")
        }
    }
}
