import Foundation
import Testing

@testable import Autogen

/// `revision` and `merge` write files that the graph reads back, refuse what Alembic refuses,
/// and report a failing hook or a broken template in one line.
@Suite struct RevisionCommandTests {
    /// An empty project with the shipped generic template and, optionally, extra ini text.
    static func makeProject(extraIni: String = "", template: String? = nil) throws -> (
        folder: String, options: ConfigOptions
    ) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("autogen-rev-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(
            atPath: folder + "/migrations/versions", withIntermediateDirectories: true)
        try ("[autogen]\nscript_location = %(here)s/migrations\nurl = sqlite:///app.db\n" + extraIni)
            .write(toFile: folder + "/autogen.ini", atomically: true, encoding: .utf8)
        try (template ?? BuiltinTemplates.files["generic/script.swift.mako"] ?? "")
            .write(toFile: folder + "/migrations/script.swift.mako", atomically: true, encoding: .utf8)
        return (folder, ConfigOptions(file: folder + "/autogen.ini", environment: [:], currentDirectory: folder))
    }

    @Test func revisionsBranchAndMerge() throws {
        let (folder, options) = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = try RevisionCommand.parse(["-m", "create account", "--rev-id", "aaaa00000001"]).write(
            Project(options))
        #expect(first.hasSuffix("/migrations/versions/aaaa00000001_create_account.swift"))
        let header = try #require(try RevisionFileReader.read(path: first))
        #expect(header.id == "aaaa00000001" && header.downRevisions == [] && header.message == "create account")

        let second = try RevisionCommand.parse(["-m", "add email"]).write(Project(options))
        let secondHeader = try #require(try RevisionFileReader.read(path: second))
        #expect(secondHeader.downRevisions == ["aaaa00000001"])
        #expect(secondHeader.id.count == 12 && secondHeader.id.allSatisfy(\.isHexDigit))

        #expect(throws: RevisionWriteError.notAHead("aaaa00000001")) {
            _ = try RevisionCommand.parse(["-m", "side", "--head", "aaaa"]).write(Project(options))
        }
        _ = try RevisionCommand.parse([
            "-m", "side", "--head", "aaaa", "--splice", "--branch-label", "side", "--rev-id", "bbbb00000002",
        ])
        .write(Project(options))
        #expect(try Project(options).graph.heads.count == 2)
        do {
            _ = try RevisionCommand.parse(["-m", "ambiguous"]).write(Project(options))
            Issue.record("two heads should be refused")
        } catch {
            #expect("\(error)".hasPrefix("'head' is ambiguous: there are 2 heads ("), "\(error)")
        }
        let merge = try MergeCommand.parse(["-m", "merge heads", "heads"]).write(Project(options))
        let mergeHeader = try #require(try RevisionFileReader.read(path: merge))
        #expect(Set(mergeHeader.downRevisions) == Set(["bbbb00000002", secondHeader.id]))
        let project = try Project(options)
        #expect(project.graph.heads == [mergeHeader.id])
        #expect(throws: RevisionWriteError.self) {
            _ = try MergeCommand.parse(["-m", "one", "head"]).write(Project(options))
        }
    }

    @Test func aFailingHookIsOneLineAndKeepsTheFile() throws {
        let hook =
            "[post_write_hooks]\nhooks = check\ncheck.type = exec\ncheck.executable = /bin/sh\ncheck.options = -c \"echo 'bad style' >&2; exit 3\" REVISION_SCRIPT_FILENAME\n"
        let (folder, options) = try Self.makeProject(extraIni: hook)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let project = try Project(options)
        let path = try RevisionCommand.parse(["-m", "x"]).write(project)
        do {
            try runHooks(project, on: path, quiet: true)
            Issue.record("the hook should fail")
        } catch {
            let text = "\(error)"
            #expect(text.contains("post-write hook \"check\" failed (exit 3)"), "\(text)")
            #expect(text.contains("bad style"))
            #expect(text.contains("kept at \(path)"))
            #expect(!text.contains("\n"))
        }
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func aBrokenTemplateNamesItsLineAndColumn() throws {
        let (folder, options) = try Self.makeProject(template: "// ok\n% if up_revision:\n${up_revison}\n% endif\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            _ = try RevisionCommand.parse(["-m", "x"]).write(Project(options))
            Issue.record("the template should fail")
        } catch {
            #expect("\(error)".hasPrefix("script.swift.mako:3:3: "), "\(error)")
        }
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder + "/migrations/versions").isEmpty,
            "nothing written")
    }
}
