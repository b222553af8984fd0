import Foundation
import Testing

@testable import Autogen

/// `autogen init -t multidb`: the files it writes and the configuration they make.
@Suite struct MultidbInitTests {
    @Test func initWritesTheMultidbTemplate() throws {
        let folder = try EnvironmentInitTests.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let written = try InitCommand.parse(["-t", "multidb", "migrations"]).write(in: folder)
        #expect(EnvironmentInitTests.relative(written, to: folder) == EnvironmentInitTests.environmentFiles)
        let project = try Project(
            ConfigOptions(file: folder + "/autogen.ini", environment: [:], currentDirectory: folder))
        #expect(project.config.warnings.isEmpty, "\(project.config.warnings)")
        #expect(project.config.databases == ["main", "audit"])
        let sections = try project.config.databaseSections(environment: [:])
        #expect(sections.map(\.name) == ["main", "audit"])
        #expect(sections.map(\.url) == ["sqlite:///main.db", "sqlite:///audit.db"])
        #expect(sections.map(\.versionTable) == ["autogen_version", "autogen_version"])
        let env = try String(contentsOfFile: folder + "/migrations/env.swift", encoding: .utf8)
        #expect(env.contains("databases: [\"main\": mainSchema, \"audit\": auditSchema]"), "\(env)")
        let package = try String(contentsOfFile: folder + "/migrations/Package.swift", encoding: .utf8)
        #expect(package.contains(".package(name: \"autogen\", path: \"\(AutogenCheckout.path)\")"), "\(package)")
        #expect(InitTemplate.all.contains { $0.name == "multidb" })
    }

    @Test func aPlainRevisionHasAnEmptyFunctionPerDatabase() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("autogen-init-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try InitCommand.parse(["-t", "multidb", "migrations"]).write(in: folder)
        let project = try Project(
            ConfigOptions(file: folder + "/autogen.ini", environment: [:], currentDirectory: folder))
        let path = try RevisionWriter(project: project).write(
            NewRevision(id: "p1", downRevisions: [], message: "plain"))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(
            text.contains("        case \"main\": try upgradeMain(op)\n        case \"audit\": try upgradeAudit(op)\n"))
        #expect(
            text.contains("    private func downgradeAudit(_ op: Operations) throws {\n        // no changes\n    }"))
    }

    @Test func databaseNamesBecomeFunctionNames() {
        #expect(DatabaseFunctionName.suffix(for: "main") == "Main")
        #expect(DatabaseFunctionName.suffix(for: "audit_log") == "AuditLog")
        #expect(DatabaseFunctionName.suffix(for: "audit-log.2") == "AuditLog2")
        #expect(DatabaseFunctionName.suffix(for: "2nd") == "Database2nd")
    }
}
