import Foundation
import Testing

@testable import Autogen

/// `autogen init` and `list-templates`, in-process: what is written where, and what is refused.
@Suite struct EnvironmentInitTests {
    static func makeFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("autogen-init-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// What `init migrations` writes with every template but `package`, relative to its folder.
    static let environmentFiles: Set<String> = [
        "autogen.ini", "migrations/.swift-format", "migrations/Package.swift", "migrations/README",
        "migrations/env.swift", "migrations/model.swift", "migrations/script.swift.mako",
        "migrations/versions/.gitkeep", "migrations/.gitignore", ".gitignore",
    ]

    /// The paths init wrote, relative to `folder`.
    static func relative(_ written: [String], to folder: String) -> Set<String> {
        Set(written.map { String($0.dropFirst(folder.count + 1)) })
    }

    @Test func initWritesTheGenericTemplate() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let written = try InitCommand.parse(["migrations"]).write(in: folder)
        #expect(Self.relative(written, to: folder) == Self.environmentFiles)
        // Issue #15, item 1: what git should not keep, and what to do next.
        #expect(
            try String(contentsOfFile: folder + "/migrations/.gitignore", encoding: .utf8)
                == ".build/\n.swiftpm/\nPackage.resolved\n")
        #expect(
            try String(contentsOfFile: folder + "/.gitignore", encoding: .utf8).hasSuffix("app.db\n*-autogen-lock\n"))
        let project = try Project(
            ConfigOptions(file: folder + "/autogen.ini", environment: [:], currentDirectory: folder))
        #expect(project.config.scriptLocation == folder + "/migrations")
        #expect(project.config.url == "sqlite:///app.db")
        #expect(project.config.fileTemplate == "%(rev)s_%(slug)s")
        #expect(project.config.postWriteHooks.hooks.map(\.name) == ["swift_format"])
        #expect(project.graph.revisions.isEmpty)
        let package = try String(contentsOfFile: folder + "/migrations/Package.swift", encoding: .utf8)
        #expect(package.contains(".package(name: \"autogen\", path: \"\(AutogenCheckout.path)\")"), "\(package)")
        #expect(
            try String(contentsOfFile: folder + "/migrations/script.swift.mako", encoding: .utf8)
                == BuiltinTemplates.files["generic/script.swift.mako"])
    }

    @Test func thePackagePathIsThisCheckoutUnlessGiven() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().standardizedFileURL.path
        #expect(AutogenCheckout.path == root)
        #expect(FileManager.default.fileExists(atPath: AutogenCheckout.path + "/Package.swift"))

        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try InitCommand.parse(["./env/", "--package-path", "vendor/autogen"]).write(in: folder)
        let package = try String(contentsOfFile: folder + "/env/Package.swift", encoding: .utf8)
        #expect(package.contains("path: \"\(folder)/vendor/autogen\""), "\(package)")
        let ini = try String(contentsOfFile: folder + "/autogen.ini", encoding: .utf8)
        #expect(ini.contains("script_location = %(here)s/env\n"), "\(ini)")
    }

    @Test func initRefusesAnExistingConfigOrANonEmptyFolder() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/full", withIntermediateDirectories: true)
        try "x".write(toFile: folder + "/full/file", atomically: true, encoding: .utf8)
        #expect(throws: InitError.folderNotEmpty(folder + "/full")) {
            try InitCommand.parse(["full"]).write(in: folder)
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/autogen.ini"))
        _ = try InitCommand.parse(["migrations"]).write(in: folder)
        #expect(throws: InitError.configExists(folder + "/autogen.ini")) {
            try InitCommand.parse(["other"]).write(in: folder)
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/other"))
        #expect(throws: InitError.unknownTemplate("nope", available: ["async", "generic", "multidb", "package"])) {
            try InitCommand.parse(["x", "--template", "nope"]).write(in: folder)
        }
    }

    @Test func onlyCompleteTemplatesAreListed() {
        #expect(InitTemplate.all.map(\.name) == ["async", "generic", "multidb", "package"])
        #expect(InitTemplate.all.first?.summary.hasPrefix("A migration environment for autogen") == true)
        #expect(
            InitTemplate.isRenderedAtInit("autogen.ini.mako") && InitTemplate.isRenderedAtInit("Package.swift.mako"))
        #expect(!InitTemplate.isRenderedAtInit("script.swift.mako") && !InitTemplate.isRenderedAtInit("env.swift"))
    }

    /// A .gitignore already beside autogen.ini is the user's: left as it was, the lines to add
    /// named in init's last words, which say what to do next.
    @Test func initLeavesAnExistingGitignoreAlone() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "node_modules/\n".write(toFile: folder + "/.gitignore", atomically: true, encoding: .utf8)
        let outcome = try InitCommand.parse(["migrations"]).layOut(in: folder)
        #expect(try String(contentsOfFile: folder + "/.gitignore", encoding: .utf8) == "node_modules/\n")
        #expect(!outcome.written.contains(folder + "/.gitignore"))
        let notes = outcome.notes ?? ""
        #expect(notes.contains("Add to \(folder)/.gitignore: app.db, *-autogen-lock"), "\(notes)")
        #expect(notes.contains("autogen revision --autogenerate -m"), "\(notes)")
    }

    @Test func initWritesTheAsyncTemplate() throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let written = try InitCommand.parse(["migrations", "-t", "async"]).write(in: folder)
        #expect(Self.relative(written, to: folder) == Self.environmentFiles)
        let project = try Project(
            ConfigOptions(file: folder + "/autogen.ini", environment: [:], currentDirectory: folder))
        #expect(project.config.scriptLocation == folder + "/migrations")
        #expect(project.config.url == "sqlite:///app.db")
        let script = try String(contentsOfFile: folder + "/migrations/script.swift.mako", encoding: .utf8)
        #expect(script.contains("func upgrade(_ op: Operations) async throws {"), "\(script)")
        let env = try String(contentsOfFile: folder + "/migrations/env.swift", encoding: .utf8)
        #expect(env.contains("hooks: hooks") && env.contains("async throws -> String?"), "\(env)")
        let package = try String(contentsOfFile: folder + "/migrations/Package.swift", encoding: .utf8)
        #expect(package.contains(".package(name: \"autogen\", path: \"\(AutogenCheckout.path)\")"), "\(package)")

        let template = try #require(InitTemplate.all.first { $0.name == "async" })
        #expect(template.summary.hasPrefix("A migration environment for autogen whose revision bodies and hooks"))
        // The files it shares with generic are generic's: a change to one goes to the other.
        for file in ["autogen.ini.mako", "Package.swift.mako", "model.swift", ".swift-format", "versions/.gitkeep"] {
            let generic = BuiltinTemplates.files["generic/" + file]
            #expect(generic != nil && template.files[file] == generic, "async/\(file) differs from generic/\(file)")
        }
    }
}
