import Foundation
import ModelDSL
import TestSupport
import Testing

@testable import Autogen

/// Commands and flags through the `autogen` binary, as users type them (issue #11 item 16):
/// `list-templates`, `help COMMAND`, usage errors (exit 64), `-q`, `revision --depends-on`;
/// and `current --verbose` in the environment.
@Suite struct CLIFlagTests {
    /// `autogen` in `folder`, its output through pipes (tests of this suite run in parallel).
    static func autogen(_ arguments: [String], in folder: String) throws -> EndToEndTests.Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try BuiltProducts.executable("autogen"))
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outText = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errText = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return EndToEndTests.Run(status: process.terminationStatus, out: outText, err: errText)
    }

    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("autogen-cli-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(
            atPath: path + "/migrations/versions", withIntermediateDirectories: true)
        try "[autogen]\nscript_location = %(here)s/migrations\nurl = sqlite:///app.db\n".write(
            toFile: path + "/autogen.ini", atomically: true, encoding: .utf8)
        try (BuiltinTemplates.files["generic/script.swift.mako"] ?? "").write(
            toFile: path + "/migrations/script.swift.mako", atomically: true, encoding: .utf8)
        return path
    }

    @Test func listTemplatesNamesEveryTemplate() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try Self.autogen(["list-templates"], in: folder)
        #expect(run.status == 0)
        // Alembic's spelling too.
        #expect(try Self.autogen(["list_templates"], in: folder).out == run.out)
        let names = run.out.split(separator: "\n").compactMap { line -> String? in
            guard let dash = line.range(of: " - ") else { return nil }
            return String(line[..<dash.lowerBound])
        }
        #expect(names == ["async", "generic", "multidb", "package"], "\(run.out)")
        #expect(run.out.contains("autogen init --template generic ./migrations"))
    }

    @Test func helpCommandPrintsThatCommandsUsage() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for command in ["upgrade", "history", "check", "inspect"] {
            let run = try Self.autogen(["help", command], in: folder)
            #expect(run.status == 0, "\(command): \(run.err)")
            #expect(run.out.contains("USAGE: autogen \(command)"), "\(command): \(run.out)")
        }
    }

    @Test func usageErrorsExit64() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for arguments in [
            ["frobnicate"], ["history", "--bogus"], ["revision", "--rev-id"], ["upgrade", "head", "--nope"],
            ["-x", "baz", "current"], ["current", "-x", "=v"], ["heads", "-x", "baz"],
        ] {
            let run = try Self.autogen(arguments, in: folder)
            #expect(run.status == 64, "\(arguments): \(run.status) \(run.err)")
        }
    }

    @Test func quietSilencesWarnings() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ini = try String(contentsOfFile: folder + "/autogen.ini", encoding: .utf8)
        try (ini + "scrip_location = typo\n").write(toFile: folder + "/autogen.ini", atomically: true, encoding: .utf8)
        let loud = try Self.autogen(["heads"], in: folder)
        #expect(loud.status == 0 && loud.err.contains("warning: "), "\(loud.err)")
        for spelling in ["-q", "--quiet"] {
            let quiet = try Self.autogen([spelling, "heads"], in: folder)
            #expect(quiet.status == 0 && quiet.err == "", "\(spelling): \(quiet.err)")
        }
    }

    @Test func revisionDependsOn() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try Self.autogen(["revision", "-m", "first", "--rev-id", "a1"], in: folder).status == 0)
        #expect(
            try Self.autogen(["revision", "-m", "other", "--rev-id", "b1", "--head", "base", "--splice"], in: folder)
                .status == 0)
        let run = try Self.autogen(
            ["revision", "-m", "needs b1", "--rev-id", "c1", "--head", "a1", "--depends-on", "b1"], in: folder)
        #expect(run.status == 0, "\(run.err)")
        let header = try RevisionFileReader.read(path: folder + "/migrations/versions/c1_needs_b1.swift")
        #expect(header?.dependsOn == ["b1"] && header?.downRevisions == ["a1"], "\(String(describing: header))")
        let show = try Self.autogen(["show", "c1"], in: folder)
        #expect(show.out.contains("b1"), "\(show.out)")
    }

    @Test func hooksThatChangeOrDeleteTheFileAreReported() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ini = try String(contentsOfFile: folder + "/autogen.ini", encoding: .utf8)
        let hooks = """
            [post_write_hooks]
            hooks = keep, mark
            keep.type = exec
            keep.executable = /bin/sh
            keep.options = -c "cat \\"$0\\" > /dev/null" REVISION_SCRIPT_FILENAME
            mark.type = exec
            mark.executable = /bin/sh
            mark.options = -c "echo '// marked' >> \\"$0\\"" REVISION_SCRIPT_FILENAME

            """
        try (ini + hooks).write(toFile: folder + "/autogen.ini", atomically: true, encoding: .utf8)
        let marked = try Self.autogen(["revision", "-m", "first", "--rev-id", "a1"], in: folder)
        #expect(marked.status == 0, "\(marked.err)")
        #expect(marked.out.contains("Running post-write hook \"keep\" ... done\n"), "\(marked.out)")
        #expect(marked.out.contains("Running post-write hook \"mark\" ... done (it changed the file)\n"))

        let deleting = hooks.replacingOccurrences(of: "echo '// marked' >>", with: "rm").replacingOccurrences(
            of: " > /dev/null", with: "")
        try (ini + deleting).write(toFile: folder + "/autogen.ini", atomically: true, encoding: .utf8)
        let deleted = try Self.autogen(["revision", "-m", "second", "--rev-id", "b1"], in: folder)
        let path = folder + "/migrations/versions/b1_second.swift"
        #expect(deleted.status == 1)
        #expect(
            deleted.err == "error: post-write hook \"mark\" deleted the revision file \(path); no revision was added\n",
            "\(deleted.err)")
    }

    @Test func currentVerboseShowsTheHistory() async throws {
        let (folder, ini) = try EnvironmentCommandTests.makeProject()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try revisionFileText(id: "a1", message: "add account")
            .write(toFile: folder + "/migrations/versions/a1_add_account.swift", atomically: true, encoding: .utf8)
        _ = await EnvironmentCommandTests.run(["upgrade", "head"], ini: ini, revisions: [RevA1.self])
        let plain = await EnvironmentCommandTests.run(["current"], ini: ini, revisions: [RevA1.self])
        #expect(plain.out == "a1 (head)")
        let verbose = await EnvironmentCommandTests.run(["current", "--verbose"], ini: ini, revisions: [RevA1.self])
        let lines = verbose.out.split(separator: "\n").map(String.init)
        #expect(lines.first == "a1 (head), add account", "\(verbose.out)")
        #expect(lines.dropFirst().first == "History:", "\(verbose.out)")
        #expect(lines.count == 3 && lines[2].hasPrefix("  ") && lines[2].contains(" upgrade a1 ("), "\(verbose.out)")
    }
}
