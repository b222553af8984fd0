import Foundation
import Introspect
import ModelDSL
import TestSupport
import Testing

@testable import Autogen

/// The `async`, `multidb` and `package` templates as a user meets them, through the binary
/// (issue #11 items 7 and 13): init, autogenerate from the template's example model, then
/// compile and run the revision autogen wrote (upgrade), check, downgrade base. The generic
/// template has `EndToEndTests`' journey.
///
/// Each project lives in `.build-e2e/<template>` and keeps its environment's `.build` aside
/// between runs (as the journey does), so only the first run compiles the library; the
/// environments are built in debug, the quicker first build.
///
/// Nested in `EndToEndTests` (serialized), so that only one long test waiting on processes
/// holds a thread of the test runner's pool at a time: with two cores there are two, and the
/// async tests need one.
extension EndToEndTests {
    @Suite(.serialized) struct TemplateJourneyTests {
        /// `autogen` in `folder`, through the end-to-end suite's runner (this suite runs inside
        /// it, one test at a time, so its output files are never shared).
        static func autogen(_ arguments: [String], in folder: String) throws -> EndToEndTests.Run {
            try EndToEndTests.autogen(arguments, in: folder)
        }

        /// A fresh project folder for `template`, its kept environment build put back after `init`.
        static func project(_ template: String, environmentBuild: String) throws -> (folder: String, keep: () -> Void) {
            let manager = FileManager.default
            let folder = EndToEndTests.work + "/" + template
            let kept = EndToEndTests.work + "/" + template + "-build"
            try manager.createDirectory(atPath: EndToEndTests.work, withIntermediateDirectories: true)
            try EndToEndTests.move(folder + "/" + environmentBuild, kept)
            try? manager.removeItem(atPath: folder)
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            return (folder, { try? EndToEndTests.move(folder + "/" + environmentBuild, kept) })
        }

        /// init, autogenerate, upgrade, check, downgrade base; returns the revision file's text.
        static func journey(
            template: String, initArguments: [String], environmentBuild: String, databases: [String: [String]]
        ) throws -> String {
            let (folder, keep) = try project(template, environmentBuild: environmentBuild)
            defer { keep() }
            let initRun = try autogen(["init", "-t", template] + initArguments, in: folder)
            try #require(initRun.status == 0, "\(initRun)")
            let ini = folder + "/autogen.ini"
            let text = try String(contentsOfFile: ini, encoding: .utf8)
            try text.replacingOccurrences(of: "[autogen]\n", with: "[autogen]\nenvironment_build = debug\n")
                .write(toFile: ini, atomically: true, encoding: .utf8)
            try EndToEndTests.move(EndToEndTests.work + "/" + template + "-build", folder + "/" + environmentBuild)

            let generated = try autogen(["revision", "--autogenerate", "-m", "create tables"], in: folder)
            try #require(generated.status == 0, "\(generated)")
            let versions = try FileManager.default.subpathsOfDirectory(atPath: folder).filter {
                $0.hasSuffix("_create_tables.swift")
            }
            try #require(versions.count == 1, "\(versions)")
            let revision = try String(contentsOfFile: folder + "/" + versions[0], encoding: .utf8)

            let upgraded = try autogen(["upgrade", "head"], in: folder)
            try #require(upgraded.status == 0, "\(upgraded)")
            for (file, tables) in databases {
                #expect(try runtimeTables(.sqlite(path: folder + "/" + file)) == tables, "\(template) \(file)")
            }
            let check = try autogen(["check"], in: folder)
            #expect(check.status == 0, "\(check)")
            let current = try autogen(["current"], in: folder)
            #expect(current.status == 0 && current.out.contains("(head)"), "\(current)")

            let down = try autogen(["downgrade", "base"], in: folder)
            #expect(down.status == 0, "\(down)")
            for file in databases.keys {
                #expect(try runtimeTables(.sqlite(path: folder + "/" + file)) == [], "\(template) \(file)")
            }
            return revision
        }

        @Test(.timeLimit(.minutes(15))) func asyncTemplate() throws {
            let revision = try Self.journey(
                template: "async", initArguments: ["migrations"], environmentBuild: "migrations/.build",
                databases: ["app.db": ["account", "organization"]])
            #expect(revision.contains("func upgrade(_ op: Operations) async throws {"), "\(revision)")
        }

        @Test(.timeLimit(.minutes(15))) func multidbTemplate() throws {
            let revision = try Self.journey(
                template: "multidb", initArguments: ["migrations"], environmentBuild: "migrations/.build",
                databases: ["main.db": ["account", "organization"], "audit.db": ["audit_event"]])
            for body in ["upgradeMain", "downgradeMain", "upgradeAudit", "downgradeAudit"] {
                #expect(revision.contains("func \(body)(_ op: Operations)"), "\(body): \(revision)")
            }
        }

        @Test(.timeLimit(.minutes(15))) func packageTemplate() throws {
            let revision = try Self.journey(
                template: "package", initArguments: ["Sources/Migrations"], environmentBuild: ".build",
                databases: ["app.db": ["account", "organization"]])
            #expect(revision.contains("try op.createTable(\"account\")"), "\(revision)")
        }
    }
}
