import Foundation
import Introspect
import Testing

@testable import Autogen

/// `autogen edit REV`: the revision file REV resolves to opens in `$EDITOR` (here small shell
/// scripts that append a line to the file they are given).
@Suite struct EditCommandTests {
    /// The graph project of `GraphCommandTests` (two heads: ffff00000006 and 9999000000a7,
    /// "reports"), with its url pointing at a SQLite file in its folder, and a folder of editors.
    struct Fixture {
        let folder: String
        let project: Project
        let database: String

        init() throws {
            let (folder, options) = try GraphCommandTests.makeProject()
            self.folder = folder
            database = folder + "/app.db"
            try """
            [autogen]
            script_location = %(here)s/migrations
            url = sqlite:///\(database)
            """.write(toFile: folder + "/autogen.ini", atomically: true, encoding: .utf8)
            project = try Project(options)
        }

        /// Writes an executable script `name` whose body is `body` and returns its path.
        func editor(_ name: String, _ body: String) throws -> String {
            let path = folder + "/" + name
            try ("#!/bin/sh\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
            return path
        }

        /// An editor that appends `// edited <its arguments>` to its last argument.
        func appendingEditor() throws -> String {
            try editor("append.sh", "for last; do :; done\necho \"// edited $*\" >> \"$last\"")
        }

        func path(_ id: String) throws -> String {
            try #require(project.graph.node(id)).path
        }

        func text(_ id: String) throws -> String {
            try String(contentsOfFile: path(id), encoding: .utf8)
        }

        func edit(_ revision: String, _ environment: [String: String]) throws {
            try EditCommand.parse([revision]).edit(
                project, environment: environment.merging(["PATH": "/usr/bin:/bin"]) { a, _ in a },
                currentDirectory: folder)
        }

        /// A version table holding `rows`, as the runtime creates it.
        func stampDatabase(_ rows: [String]) throws {
            let connection = try SQLiteConnection(path: database)
            try connection.execute(
                "CREATE TABLE autogen_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT autogen_version_pkc PRIMARY KEY (version_num))"
            )
            for row in rows { _ = try connection.query("INSERT INTO autogen_version VALUES (?)", [.text(row)]) }
        }

        func remove() { try? FileManager.default.removeItem(atPath: folder) }
    }

    @Test func theResolvedRevisionsFileIsEdited() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let before = try fixture.text("eeee00000005")
        try fixture.edit("eeee", ["EDITOR": try fixture.appendingEditor()])
        #expect(try fixture.text("eeee00000005") == before + "// edited \(try fixture.path("eeee00000005"))\n")
        #expect(try fixture.text("ffff00000006").contains("// edited") == false)
        // A branch label and a relative step resolve as everywhere else.
        try fixture.edit("reports", ["EDITOR": try fixture.appendingEditor()])
        #expect(try fixture.text("9999000000a7").hasSuffix("// edited \(try fixture.path("9999000000a7"))\n"))
        try fixture.edit("ffff-1", ["EDITOR": try fixture.appendingEditor()])
        #expect(try fixture.text("eeee00000005").components(separatedBy: "// edited").count == 3)
    }

    /// `code --wait`: the variable is split into a program and its arguments, the file comes last.
    @Test func editorWithArgumentsAndVisualFallback() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let editor = try fixture.appendingEditor()
        try fixture.edit("aaaa", ["EDITOR": "'\(editor)' --wait"])
        #expect(try fixture.text("aaaa00000001").hasSuffix("// edited --wait \(try fixture.path("aaaa00000001"))\n"))
        try fixture.edit("bbbb", ["VISUAL": editor, "EDITOR": "  "])
        #expect(try fixture.text("bbbb00000002").hasSuffix("// edited \(try fixture.path("bbbb00000002"))\n"))
        // A bare name is looked up on PATH.
        try fixture.edit("cccc", ["EDITOR": "append.sh", "PATH": fixture.folder])
        #expect(try fixture.text("cccc00000003").hasSuffix("// edited \(try fixture.path("cccc00000003"))\n"))
    }

    /// `heads` names two revisions: both files open, one after the other.
    @Test func headsOpensEveryHead() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.edit("heads", ["EDITOR": try fixture.appendingEditor()])
        #expect(try fixture.text("ffff00000006").hasSuffix("// edited \(try fixture.path("ffff00000006"))\n"))
        #expect(try fixture.text("9999000000a7").hasSuffix("// edited \(try fixture.path("9999000000a7"))\n"))
    }

    @Test func failingEditorIsOneLineError() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let failing = try fixture.editor("fail.sh", "echo 'cannot edit' >&2\nexit 3")
        do {
            try fixture.edit("ffff", ["EDITOR": failing])
            Issue.record("a failing editor must throw")
        } catch let error as EditError {
            #expect(
                error.description
                    == "editor \(failing) exited with status 3 while editing \(try fixture.path("ffff00000006"))")
        }
        let killed = try fixture.editor("killed.sh", "kill -9 $$")
        #expect(throws: EditError.self) { try fixture.edit("ffff", ["EDITOR": killed]) }
    }

    /// Unknown and ambiguous identifiers give the graph's own errors, before any editor runs.
    @Test func revisionErrorsAreTheGraphs() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let editor = try fixture.appendingEditor()
        let cases: [(String, RevisionLookupError)] = [
            ("zzzz", .unknown(name: "zzzz")),
            ("head", .multipleHeads(identifier: "head", heads: ["9999000000a7", "ffff00000006"])),
        ]
        for (identifier, expected) in cases {
            #expect(throws: expected) { try fixture.edit(identifier, ["EDITOR": editor]) }
        }
        #expect(throws: EditError.noRevisionFiles(identifier: "base")) { try fixture.edit("base", ["EDITOR": editor]) }
        #expect(throws: EditError.noRevisionFiles(identifier: "base")) { try fixture.edit("base", [:]) }
        for id in ["9999000000a7", "ffff00000006"] { #expect(try !fixture.text(id).contains("// edited")) }
    }

    @Test func editorErrors() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        #expect(throws: EditError.noEditor) { try fixture.edit("ffff", [:]) }
        #expect(throws: EditError.noEditor) { try fixture.edit("ffff", ["EDITOR": "", "VISUAL": " "]) }
        #expect(throws: EditError.editorNotFound(variable: "EDITOR", program: "no-such-editor-zz")) {
            try fixture.edit("ffff", ["EDITOR": "no-such-editor-zz --wait"])
        }
        #expect(throws: EditError.editorNotFound(variable: "VISUAL", program: "./missing")) {
            try fixture.edit("ffff", ["VISUAL": "./missing"])
        }
        #expect(throws: EditError.badEditor(variable: "EDITOR", value: "vim 'x", problem: "unterminated ' quote")) {
            try fixture.edit("ffff", ["EDITOR": "vim 'x"])
        }
        #expect(EditError.noEditor.description.hasPrefix("no editor: set $EDITOR"))
    }

    /// `current` reads the version table (autogen.ini's url); at base it is an error.
    @Test func currentIsTheDatabasesRevision() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let editor = try fixture.appendingEditor()
        #expect(throws: EditError.noCurrentRevisions(url: "sqlite:///\(fixture.database)")) {
            try fixture.edit("current", ["EDITOR": editor])
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.database), "no database file is created")
        try fixture.stampDatabase(["cccc00000003", "9999000000a7"])
        try fixture.edit("current", ["EDITOR": editor])
        #expect(try fixture.text("cccc00000003").hasSuffix("// edited \(try fixture.path("cccc00000003"))\n"))
        #expect(try fixture.text("9999000000a7").hasSuffix("// edited \(try fixture.path("9999000000a7"))\n"))
        #expect(try !fixture.text("ffff00000006").contains("// edited"))
    }

    /// Through the built binary: the editor shares autogen's standard input, output and error
    /// (nothing is captured), and a failing editor ends autogen with status 1 and one line.
    @Test func theBinaryRunsTheEditorOnItsTerminal() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let editor = try fixture.editor(
            "interactive.sh", "read line\necho \"// $line\" >> \"$1\"\necho 'editor says hi'\necho 'editor warns' >&2")
        let typed = try run(["edit", "ffff"], editor: editor, input: "typed by the user\n", in: fixture.folder)
        #expect(typed.status == 0, "\(typed)")
        #expect(typed.out == "editor says hi\n")
        #expect(typed.err == "editor warns\n")
        #expect(try fixture.text("ffff00000006").hasSuffix("\n// typed by the user\n"))

        let failed = try run(["edit", "ffff"], editor: try fixture.editor("fail.sh", "exit 3"), in: fixture.folder)
        #expect(failed.status == 1)
        #expect(failed.err.split(separator: "\n").count == 1, "\(failed)")
        #expect(failed.err.contains("exited with status 3 while editing \(try fixture.path("ffff00000006"))"))

        let unknown = try run(["edit", "zzzz"], editor: editor, in: fixture.folder)
        #expect(unknown.status == 1)
        #expect(unknown.err.split(separator: "\n").count == 1, "\(unknown)")
        #expect(unknown.err.contains(RevisionLookupError.unknown(name: "zzzz").description))
    }

    /// Runs this build's `autogen` in `folder` with `EDITOR` set and `input` as its standard input.
    private func run(_ arguments: [String], editor: String, input: String = "", in folder: String) throws
        -> EndToEndTests.Run
    {
        let files = ["in", "out", "err"].map { folder + "/binary-std" + $0 }
        try input.write(toFile: files[0], atomically: true, encoding: .utf8)
        for file in files.dropFirst() { _ = FileManager.default.createFile(atPath: file, contents: nil) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: EndToEndTests.autogen)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.environment = ProcessInfo.processInfo.environment.merging(["EDITOR": editor]) { $1 }
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: files[0]))
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: files[1]))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: files[2]))
        try process.run()
        process.waitUntilExit()
        return EndToEndTests.Run(
            status: process.terminationStatus, out: try String(contentsOfFile: files[1], encoding: .utf8),
            err: try String(contentsOfFile: files[2], encoding: .utf8))
    }
}
