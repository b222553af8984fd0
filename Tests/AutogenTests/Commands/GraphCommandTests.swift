import Foundation
import Testing

@testable import Autogen

/// `history`, `heads`, `branches` and `show` on a project whose revisions branch and merge,
/// read from files written by the shipped revision template (nothing is compiled).
@Suite struct GraphCommandTests {
    /// A project folder: autogen.ini and migrations/versions with seven revisions:
    /// a <- b <- (c, d) <- e (merge) <- f, and a second branch g from b labelled "reports".
    static func makeProject() throws -> (folder: String, options: ConfigOptions) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("autogen-graph-\(UUID().uuidString)")
            .path
        let versions = folder + "/migrations/versions"
        try FileManager.default.createDirectory(atPath: versions, withIntermediateDirectories: true)
        try """
        [autogen]
        script_location = %(here)s/migrations
        url = sqlite:///app.db
        """.write(toFile: folder + "/autogen.ini", atomically: true, encoding: .utf8)
        let template = try Template(
            source: BuiltinTemplates.files["generic/script.swift.mako"] ?? "", name: "script.swift.mako")
        let revisions: [(String, [String], String, [String])] = [
            ("aaaa00000001", [], "create account", []),
            ("bbbb00000002", ["aaaa00000001"], "add email", []),
            ("cccc00000003", ["bbbb00000002"], "feature a", []),
            ("dddd00000004", ["bbbb00000002"], "feature b", []),
            ("eeee00000005", ["cccc00000003", "dddd00000004"], "merge features", []),
            ("ffff00000006", ["eeee00000005"], "add index", []),
            ("9999000000a7", ["bbbb00000002"], "reporting tables", ["reports"]),
        ]
        for (id, down, message, labels) in revisions {
            let context = TemplateTesting.revisionContext(
                id: id, downRevisions: down, branchLabels: labels, message: message,
                createDate: "2026-11-26 10:00:00.000000", upgrades: "", downgrades: "")
            try template.render(context).write(
                toFile: "\(versions)/\(id)_\(message.replacingOccurrences(of: " ", with: "_")).swift", atomically: true,
                encoding: .utf8)
        }
        return (folder, ConfigOptions(file: folder + "/autogen.ini", environment: [:], currentDirectory: folder))
    }

    @Test func historyDrawsBranchesAndMerges() throws {
        let (folder, options) = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let project = try Project(options)
        let graph = try HistoryCommand.parse(["--graph"]).output(project)
        assertSnapshot(graph, named: "history-graph", suite: "GraphCommandTests")
        let plain = try HistoryCommand.parse([]).output(project)
        assertSnapshot(plain, named: "history", suite: "GraphCommandTests")
        let ranged = try HistoryCommand.parse(["-r", "cccc:ffff"]).output(project)
        #expect(ranged.split(separator: "\n").count < plain.split(separator: "\n").count)
        #expect(ranged.contains("ffff00000006"))
        #expect(!ranged.contains("aaaa00000001"))
    }

    /// Issue #15, item 9: `heads --resolve-dependencies` leaves out a head another head depends on.
    @Test func headsResolveDependencies() throws {
        let (folder, options) = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try revisionFileText(id: "8888000000a8", dependsOn: ["9999000000a7"], message: "audit on reports")
            .write(toFile: folder + "/migrations/versions/8888000000a8_audit.swift", atomically: true, encoding: .utf8)
        let project = try Project(options)
        #expect(
            try HeadsCommand.parse([]).output(project)
                == "8888000000a8 (head)\n9999000000a7 (reports) (head)\nffff00000006 (head)")
        #expect(
            try HeadsCommand.parse(["--resolve-dependencies"]).output(project)
                == "8888000000a8 (head)\nffff00000006 (head)")
    }

    @Test func headsBranchesAndShow() throws {
        let (folder, options) = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let project = try Project(options)
        #expect(try HeadsCommand.parse([]).output(project) == "9999000000a7 (reports) (head)\nffff00000006 (head)")
        let branches = try BranchesCommand.parse([]).output(project)
        #expect(branches.hasPrefix("aaaa00000001 -> bbbb00000002 (branchpoint), add email"))
        #expect(branches.contains("-> cccc00000003, feature a"))
        #expect(branches.contains("-> 9999000000a7 (reports) (head), reporting tables"))
        let shown = try ShowCommand.parse(["eeee"]).output(project)
        #expect(shown.hasPrefix("Rev: eeee00000005 (mergepoint)\nMerges: cccc00000003, dddd00000004\n"))
        #expect(shown.contains("    Create Date: 2026-11-26 10:00:00.000000"))
        #expect(try ShowCommand.parse(["reports@head"]).output(project).hasPrefix("Rev: 9999000000a7"))
    }

    @Test func userErrorsAreOneLine() throws {
        let (folder, options) = try Self.makeProject()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let project = try Project(options)
        for (identifier, expected) in [("zzzz", "zzzz"), ("head", "head")] {
            do {
                _ = try ShowCommand.parse([identifier]).output(project)
                Issue.record("show \(identifier) should fail")
            } catch {
                let text = "\(error)"
                #expect(text.contains(expected), "\(text)")
                #expect(!text.contains("\n"), "\(text)")
            }
        }
        var missing = options
        missing.file = folder + "/nope.ini"
        #expect {
            _ = try Project(missing)
        } throws: { error in
            "\(error)" == "config file \(folder)/nope.ini not found; run `autogen init` to create one, or pass -c FILE"
        }
    }
}
