import Foundation
import Testing

@testable import Autogen

@Suite("HookRun")
struct HookRunTests {
    /// A scratch folder holding a revision file with `text`.
    private func revision(_ text: String = "hello\n", name: String = "3512b954651e_add.swift") throws -> (
        folder: String, path: String
    ) {
        let folder = try ConfigFixtures.scratchFolder("autogen-hooks")
        let path = "\(folder)/versions/\(name)"
        try ConfigFixtures.write(text, to: path)
        return (folder, path)
    }

    private func hooks(_ list: [PostWriteHook], environment: [String: String] = ConfigFixtures.processEnvironment)
        -> PostWriteHooks
    {
        PostWriteHooks(hooks: list, environment: environment, baseFolder: "/")
    }

    private func contents(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func successfulHookChangesTheFile() throws {
        let (_, path) = try revision("hello world\n")
        let hook = PostWriteHook(
            name: "sed", program: .executable("sed"), arguments: ["-i", "s/hello/goodbye/", "REVISION_SCRIPT_FILENAME"])
        let runs = try hooks([hook]).run(on: path)
        #expect(try contents(path) == "goodbye world\n")
        #expect(runs.count == 1)
        #expect(runs[0].name == "sed")
        #expect(runs[0].command.first?.hasSuffix("/sed") == true)
        #expect(Array(runs[0].command.dropFirst()) == ["-i", "s/hello/goodbye/", path])
        #expect(runs[0].exitStatus == 0)
        #expect(runs[0].seconds >= 0 && runs[0].seconds < 10)
    }

    @Test func hooksRunInOrderAndReportEachStart() throws {
        let (_, path) = try revision("")
        let first = PostWriteHook(
            name: "one", program: .executable("sh"),
            arguments: ["-c", "echo one >> \"$1\"", "sh", "REVISION_SCRIPT_FILENAME"])
        let second = PostWriteHook(
            name: "two", program: .executable("sh"),
            arguments: ["-c", "echo two >> \"$1\"", "sh", "REVISION_SCRIPT_FILENAME"])
        var started: [String] = []
        let runs = try hooks([first, second]).run(on: path) { started.append($0.name) }
        #expect(started == ["one", "two"])
        #expect(runs.map(\.name) == ["one", "two"])
        #expect(try contents(path) == "one\ntwo\n")
    }

    @Test func failingHookReportsItsStderrAndStopsLaterHooks() throws {
        let (folder, path) = try revision()
        let failing = PostWriteHook(
            name: "format", program: .executable("sh"),
            arguments: [
                "-c",
                "echo progress; echo warming up >&2; echo '  first problem' >&2; echo 'r.swift:3:1: error: bad' >&2; exit 3",
                "sh", "REVISION_SCRIPT_FILENAME",
            ])
        let later = PostWriteHook(name: "later", program: .executable("touch"), arguments: ["\(folder)/later-ran"])
        let error = try #require(throws: HookError.self) { try hooks([failing, later]).run(on: path) }
        #expect(error.reason == .exit(3))
        #expect(error.hook == "format")
        #expect(
            error.description
                == "post-write hook \"format\" failed (exit 3): warming up / first problem / r.swift:3:1: error: bad; the revision file was written and kept at \(path)"
        )
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/later-ran"))
    }

    @Test func standardOutputStandsInWhenStderrIsEmpty() throws {
        let (_, path) = try revision()
        let hook = PostWriteHook(
            name: "lint", program: .executable("sh"), arguments: ["-c", "echo '1 violation found'; exit 2"])
        let error = try #require(throws: HookError.self) { try hooks([hook]).run(on: path) }
        #expect(
            error.description
                == "post-write hook \"lint\" failed (exit 2): 1 violation found; the revision file was written and kept at \(path)"
        )
    }

    @Test func silentFailure() throws {
        let (_, path) = try revision()
        let hook = PostWriteHook(name: "check", program: .executable("false"), arguments: ["REVISION_SCRIPT_FILENAME"])
        let error = try #require(throws: HookError.self) { try hooks([hook]).run(on: path) }
        #expect(
            error.description
                == "post-write hook \"check\" failed (exit 1); the revision file was written and kept at \(path)")
    }

    @Test func timeoutKillsTheHook() throws {
        let (_, path) = try revision()
        let hook = PostWriteHook(
            name: "slow", program: .executable("sh"), arguments: ["-c", "echo starting >&2; sleep 5; echo never"],
            timeout: 0.5)
        let start = Date()
        let error = try #require(throws: HookError.self) { try hooks([hook]).run(on: path) }
        let elapsed = Date().timeIntervalSince(start)
        #expect(error.reason == .timedOut(seconds: 0.5))
        #expect(
            error.description
                == "post-write hook \"slow\" failed (timed out after 0.5 s): starting; the revision file was written and kept at \(path)"
        )
        // Stopped: the hook would have run for 5 s. (How quickly is for the benchmarks.)
        #expect(elapsed >= 0.5 && elapsed < 4.9, "took \(elapsed) s")
        #expect(try contents(path) == "hello\n")
    }

    @Test func missingProgram() throws {
        let (_, path) = try revision()
        let onPath = PostWriteHook(name: "fmt", program: .executable("no-such-formatter-7f3a"), arguments: [])
        let error = try #require(throws: HookError.self) { try hooks([onPath]).run(on: path) }
        #expect(
            error.description
                == "post-write hook \"fmt\" failed (program \"no-such-formatter-7f3a\" not found on PATH); the revision file was written and kept at \(path)"
        )
        let absolute = PostWriteHook(name: "fmt", program: .executable("/nonexistent/bin/tool"), arguments: [])
        let second = try #require(throws: HookError.self) { try hooks([absolute]).run(on: path) }
        #expect(
            second.description
                == "post-write hook \"fmt\" failed (program /nonexistent/bin/tool not found); the revision file was written and kept at \(path)"
        )
        #expect(second.reason == .programNotFound("/nonexistent/bin/tool"))
    }

    @Test func revisionPathIsSubstitutedIntoWordsAndStaysOneArgument() throws {
        let (_, path) = try revision(name: "3512b954651e_with space.swift")
        let hook = PostWriteHook(
            name: "show", program: .executable("/bin/sh"),
            arguments: [
                "-c", "printf '%s|' \"$@\"", "sh", "--file=REVISION_SCRIPT_FILENAME", "REVISION_SCRIPT_FILENAME",
                "plain",
            ])
        let runs = try hooks([hook]).run(on: path)
        #expect(runs[0].standardOutput == "--file=\(path)|\(path)|plain|")
        #expect(runs[0].command == ["/bin/sh", "-c", "printf '%s|' \"$@\"", "sh", "--file=\(path)", path, "plain"])
    }

    @Test func hookRunsInItsWorkingFolder() throws {
        let (folder, path) = try revision()
        let hook = PostWriteHook(
            name: "where", program: .executable("sh"), arguments: ["-c", "pwd"], cwd: folder + "/versions")
        let runs = try hooks([hook]).run(on: path)
        #expect(runs[0].standardOutput == folder + "/versions\n")
        #expect(runs[0].cwd == folder + "/versions")

        let missing = PostWriteHook(
            name: "where", program: .executable("sh"), arguments: ["-c", "pwd"], cwd: folder + "/gone")
        let error = try #require(throws: HookError.self) { try hooks([missing]).run(on: path) }
        #expect(
            error.description
                == "post-write hook \"where\" failed (could not start: working folder \(folder)/gone does not exist); the revision file was written and kept at \(path)"
        )
    }

    @Test func consoleHookIsFoundOnThePathOfTheGivenEnvironment() throws {
        let (folder, path) = try revision("body\n")
        let bin = folder + "/bin"
        try ConfigFixtures.write("#!/bin/sh\necho \"formatted by $0 ($GREETING)\" >> \"$1\"\n", to: bin + "/myfmt")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin + "/myfmt")
        let environment = ["PATH": bin + ":/usr/bin:/bin", "GREETING": "hi"]
        let hook = PostWriteHook(name: "myfmt", program: .console("myfmt"), arguments: ["REVISION_SCRIPT_FILENAME"])
        try hooks([hook], environment: environment).run(on: path)
        #expect(try contents(path) == "body\nformatted by \(bin)/myfmt (hi)\n")
        // The same hook is not found when the environment's PATH lacks the folder.
        let error = try #require(throws: HookError.self) {
            try hooks([hook], environment: ["PATH": "/usr/bin:/bin"]).run(on: path)
        }
        #expect(error.reason == .programNotFound("myfmt"))
    }

    @Test func configuredHooksRunFromTheIniFile() throws {
        let (folder, path) = try revision("x = 1\n")
        let ini = try IniFile(
            parsing: """
                [post_write_hooks]
                hooks = upper
                upper.type = exec
                upper.executable = sed
                upper.options = -i -e "s/x = 1/y = 2/" REVISION_SCRIPT_FILENAME
                upper.cwd = versions
                """, path: "autogen.ini", folder: folder)
        let parsed = try PostWriteHooks.parse(ini, environment: ConfigFixtures.processEnvironment)
        let runs = try parsed.hooks.run(on: path)
        #expect(runs[0].cwd == folder + "/versions")
        #expect(try contents(path) == "y = 2\n")
    }

    @Test func swiftFormatHookReformatsARevisionFile() throws {
        let (folder, path) = try revision(
            "import Autogen\nstruct  Revision_abc:Revision{\nstatic let id=\"abc\"\n    func upgrade(_ op:Operations) throws{\ntry op.dropTable(\"x\")\n}\n}\n"
        )
        try ConfigFixtures.write(
            #"{"version": 1, "lineLength": 100, "indentation": {"spaces": 4}}"#, to: folder + "/.swift-format")
        let ini = try IniFile(
            parsing: """
                [post_write_hooks]
                hooks = swift_format
                swift_format.type = exec
                swift_format.executable = swift-format
                swift_format.options = format --in-place REVISION_SCRIPT_FILENAME
                """, path: "autogen.ini", folder: folder)
        let runs = try PostWriteHooks.parse(ini, environment: ConfigFixtures.processEnvironment).hooks.run(on: path)
        #expect(runs.map(\.name) == ["swift_format"])
        #expect(
            try contents(path) == """
                import Autogen

                struct Revision_abc: Revision {
                    static let id = "abc"
                    func upgrade(_ op: Operations) throws {
                        try op.dropTable("x")
                    }
                }

                """)
    }

    private static let header = """
        import Autogen

        struct Revision_abc: Revision {
            static let id = "abc"
            static let downRevisions: [String] = ["def"]
        }

        """

    private func shellHook(_ name: String, _ script: String) -> PostWriteHook {
        PostWriteHook(
            name: name, program: .executable("sh"), arguments: ["-c", script, "sh", "REVISION_SCRIPT_FILENAME"])
    }

    @Test func hookThatDeletesTheFileIsAnErrorNamingIt() throws {
        let (folder, path) = try revision(Self.header)
        let later = PostWriteHook(name: "later", program: .executable("touch"), arguments: ["\(folder)/later-ran"])
        let error = try #require(throws: HookError.self) {
            try hooks([shellHook("tidy", "rm \"$1\""), later]).run(on: path)
        }
        #expect(error.reason == .deletedFile)
        #expect(
            error.description == "post-write hook \"tidy\" deleted the revision file \(path); no revision was added")
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/later-ran"))
    }

    @Test func hookThatRewritesTheHeaderIsAnErrorAndTheFileIsKept() throws {
        let (_, path) = try revision(Self.header)
        let renamed = try #require(throws: HookError.self) {
            try hooks([shellHook("ids", "sed -i 's/\"abc\"/\"xyz\"/' \"$1\"")]).run(on: path)
        }
        #expect(
            renamed.description
                == "post-write hook \"ids\" rewrote the revision file's header (id \"abc\" is now \"xyz\"); the file was kept at \(path), fix or delete it before upgrading"
        )
        #expect(FileManager.default.fileExists(atPath: path))

        try ConfigFixtures.write(Self.header, to: path)
        let parent = try #require(throws: HookError.self) {
            try hooks([shellHook("parent", "sed -i 's/\"def\"/\"ghi\", \"jkl\"/' \"$1\"")]).run(on: path)
        }
        #expect(parent.reason == .changedHeader("downRevisions [\"def\"] is now [\"ghi\", \"jkl\"]"))

        try ConfigFixtures.write(Self.header, to: path)
        let emptied = try #require(throws: HookError.self) {
            try hooks([shellHook("empty", ": > \"$1\"")]).run(on: path)
        }
        #expect(emptied.reason == .changedHeader("it no longer declares static let id"))
    }

    @Test func hookThatChangesOnlyTheBodyIsReportedAsAChange() throws {
        let (_, path) = try revision(Self.header)
        let runs = try hooks([
            shellHook("same", "cat \"$1\" > /dev/null"), shellHook("comment", "echo '// formatted' >> \"$1\""),
            shellHook("again", "touch \"$1\""),
        ]).run(on: path)
        #expect(runs.map(\.changedFile) == [false, true, false])
        #expect(try contents(path) == Self.header + "// formatted\n")
    }

    @Test func secondsFormatting() {
        #expect(HookError.format(seconds: 60) == "60")
        #expect(HookError.format(seconds: 0.5) == "0.5")
        #expect(HookError.tail(of: "\n a \n\n b\nc\nd  \n") == "b / c / d")
        #expect(HookError.tail(of: String(repeating: "y", count: 500)).count == 400)
    }
}
