import Foundation
import Introspect
import ModelDSL
import TestSupport
import Testing

@testable import Autogen

/// What autogen.ini's keys do, not just how they parse (issue #11 item 12): each key is set in
/// a project's ini and the command's behaviour is checked against the same project without it.
@Suite struct ConfigBehaviourTests {
    /// A project (see `EnvironmentCommandTests.makeProject`) with `keys` added to [autogen].
    static func project(_ keys: String, url: String? = nil) throws -> (folder: String, ini: String) {
        let (folder, ini) = try EnvironmentCommandTests.makeProject(url: url)
        let text = try String(contentsOfFile: ini, encoding: .utf8)
        try (text + keys).write(toFile: ini, atomically: true, encoding: .utf8)
        return (folder, ini)
    }

    /// The database `RevA1` makes (account(id, name text)) against a model that differs from
    /// it only in `name`.
    static func checkStatus(keys: String, name: Column) async throws -> (status: Int32, out: String) {
        let (folder, ini) = try project(keys)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try revisionFileText(id: "a1", message: "add account")
            .write(toFile: folder + "/migrations/versions/a1_add_account.swift", atomically: true, encoding: .utf8)
        let up = await EnvironmentCommandTests.run(["upgrade", "head"], ini: ini, revisions: [RevA1.self])
        try #require(up.status == 0, "\(up.err)")
        let model = Schema {
            Table("account") {
                Column("id", .integer).primaryKey()
                name
            }
        }
        let check = await EnvironmentCommandTests.run(["check"], ini: ini, schema: model, revisions: [RevA1.self])
        return (check.status, check.out)
    }

    @Test func compareTypeOffLeavesTypesAlone() async throws {
        let on = try await Self.checkStatus(keys: "", name: Column("name", .varchar(10)))
        #expect(on.status == 1 && on.out.contains("alterColumn(\"account\", \"name\", type: .varchar(10)"), "\(on.out)")
        let off = try await Self.checkStatus(keys: "compare_type = false\n", name: Column("name", .varchar(10)))
        #expect(off.status == 0, "\(off.out)")
    }

    @Test func compareServerDefaultOffLeavesDefaultsAlone() async throws {
        let on = try await Self.checkStatus(keys: "", name: Column("name", .text).default("x"))
        #expect(on.status == 1 && on.out.contains("default: .set(\"x\")"), "\(on.out)")
        let off = try await Self.checkStatus(
            keys: "compare_server_default = false\n", name: Column("name", .text).default("x"))
        #expect(off.status == 0, "\(off.out)")
    }

    @Test func transactionPerMigrationKeepsTheRevisionsBeforeAFailure() async throws {
        for (keys, heads) in [("", ""), ("transaction_per_migration = true\n", "c3")] {
            let (folder, ini) = try Self.project(keys)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            for (id, down, message) in [("a1", [], "a"), ("b2", ["a1"], "b"), ("c3", ["b2"], "c"), ("x9", ["c3"], "x")]
            {
                try revisionFileText(id: id, downRevisions: down, message: message)
                    .write(
                        toFile: folder + "/migrations/versions/\(id)_\(message).swift", atomically: true,
                        encoding: .utf8)
            }
            let up = await EnvironmentCommandTests.run(["upgrade", "head"], ini: ini, revisions: failingRevisions)
            #expect(up.status == 1 && up.err.contains("revision x9 failed"), "\(up.err)")
            let current = await EnvironmentCommandTests.run(["current"], ini: ini, revisions: failingRevisions)
            #expect(current.out == heads, "\(keys): \(current)")
        }
    }

    @Test(.enabled(if: TestPostgres.isConfigured)) func versionTableSchemaPutsTheTablesThere() async throws {
        try await withTemporaryPostgres { parts in
            _ = try runtimeQuery(.postgresql(parts), "CREATE SCHEMA meta")
            let text =
                TestPostgres.text(parts)
            let (folder, ini) = try Self.project("version_table_schema = meta\n", url: text)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try revisionFileText(id: "a1", message: "add account")
                .write(toFile: folder + "/migrations/versions/a1_add_account.swift", atomically: true, encoding: .utf8)
            let up = await EnvironmentCommandTests.run(["upgrade", "head"], ini: ini, revisions: [RevA1.self])
            #expect(up.status == 0, "\(up.err)")
            let tables = try runtimeQuery(
                .postgresql(parts),
                "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_name LIKE 'autogen_%' ORDER BY 1"
            )
            #expect(tables == [["meta.autogen_history"], ["meta.autogen_version"]])
            #expect(try runtimeQuery(.postgresql(parts), "SELECT version_num FROM meta.autogen_version") == [["a1"]])
            let current = await EnvironmentCommandTests.run(["current"], ini: ini, revisions: [RevA1.self])
            #expect(current.out == "a1 (head)", "\(current)")
        }
    }

    /// `environment_build = debug` builds and runs the debug product: through the binary, with
    /// a stand-in `swift` first on PATH that records its arguments and writes the product.
    @Test func environmentBuildDebugBuildsAndRunsTheDebugProduct() throws {
        for (keys, configuration) in [("", "release"), ("environment_build = debug\n", "debug")] {
            let (folder, ini) = try Self.project(keys)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try "// swift-tools-version: 6.1\n".write(
                toFile: folder + "/migrations/Package.swift", atomically: true, encoding: .utf8)
            let bin = folder + "/bin"
            try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
            let stub = """
                #!/bin/sh
                echo "$@" > "\(folder)/swift-args.txt"
                while [ $# -gt 0 ]; do
                    case "$1" in -c) c="$2"; shift;; --package-path) p="$2"; shift;; --product) n="$2"; shift;; esac
                    shift
                done
                mkdir -p "$p/.build/$c"
                printf '#!/bin/sh\\necho "%s product ran: $*"\\n' "$c" > "$p/.build/$c/$n"
                chmod +x "$p/.build/$c/$n"
                """
            try stub.write(toFile: bin + "/swift", atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin + "/swift")
            let path = bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try BuiltProducts.executable("autogen"))
            process.arguments = ["-c", ini, "current"]
            process.environment = ProcessInfo.processInfo.environment.merging(["PATH": path]) { $1 }
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(text == "\(configuration) product ran: current -c \(ini)\n", "\(text)")
            let arguments = try String(contentsOfFile: folder + "/swift-args.txt", encoding: .utf8)
            #expect(arguments.hasPrefix("build -c \(configuration) --package-path \(folder)/migrations --product env"))
        }
    }
}
