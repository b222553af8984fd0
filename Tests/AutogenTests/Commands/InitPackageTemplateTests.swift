import Foundation
import Testing

@testable import Autogen

/// `autogen init` by package URL and version (every template), and the `package` template: the
/// environment as an executable target of the user's own SwiftPM package.
@Suite struct InitPackageTemplateTests {
    static let url = "https://example.com/tools/Autogen.git"

    static func makeFolder(_ label: String = "pkg") throws -> String {
        let base = URL(fileURLWithPath: NSTemporaryDirectory()).resolvingSymlinksInPath().path
        let folder = "\(base)/autogen-init-\(label)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    static func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    static func error(_ body: () throws -> Any) -> String? {
        do {
            _ = try body()
            return nil
        } catch {
            return "\(error)"
        }
    }

    // MARK: the autogen dependency

    @Test func genericPackageSwiftDependsByPathOrByURLAndVersion() throws {
        let folder = try Self.makeFolder("generic")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try InitCommand.parse(["byurl", "--package-url", Self.url, "--package-version", "1.4.0"]).write(in: folder)
        assertSnapshot(
            try Self.read(folder + "/byurl/Package.swift"), named: "generic-package-url",
            suite: "InitPackageTemplateTests")
        _ = try InitCommand.parse(["bypath", "--package-path", "../vendor/autogen"])
            .write(in: folder + "/sub")
        let byPath = try Self.read(folder + "/sub/bypath/Package.swift")
        #expect(
            byPath.contains("        .package(name: \"autogen\", path: \"\(folder)/vendor/autogen\")\n"), "\(byPath)")
        #expect(byPath.contains("dependencies: [.product(name: \"Autogen\", package: \"autogen\")],"))
        #expect(byPath.contains("plugins: [.plugin(name: \"RevisionIndex\", package: \"autogen\")]"))
        // Every template that writes the environment's own Package.swift takes the same flags.
        for template in InitTemplate.all where !template.isPackageTarget {
            let place = folder + "/every-" + template.name
            _ = try InitCommand.parse([
                "m", "-t", template.name, "--package-url", Self.url, "--package-version", "1.4.0",
            ])
            .write(in: place)
            let manifest = try Self.read(place + "/m/Package.swift")
            #expect(manifest.contains(".package(url: \"\(Self.url)\", from: \"1.4.0\")"), "\(template.name)")
            #expect(manifest.contains(".product(name: \"Autogen\", package: \"autogen\")"), "\(template.name)")
            #expect(!manifest.contains("path: \"/"), "\(template.name)")
        }
        _ = try InitCommand.parse(["default"]).write(in: folder + "/third")
        #expect(
            try Self.read(folder + "/third/default/Package.swift")
                .contains(".package(name: \"autogen\", path: \"\(AutogenCheckout.path)\")"))
    }

    @Test func dependencyFlagsAreCheckedBeforeAnythingIsWritten() throws {
        let folder = try Self.makeFolder("flags")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cases: [([String], String)] = [
            (
                ["--package-path", "x", "--package-url", Self.url, "--package-version", "1.0.0"],
                "--package-path and --package-url are exclusive: the environment depends on autogen by one of them"
            ),
            (
                ["--package-url", Self.url],
                "--package-url needs --package-version X.Y.Z, the first version of autogen the environment accepts"
            ),
            (
                ["--package-version", "1.0.0"],
                "--package-version goes with --package-url; a --package-path dependency has no version"
            ),
            (
                ["--package-url", Self.url, "--package-version", "1.0"],
                "--package-version \"1.0\" is not a version X.Y.Z (such as 1.2.0)"
            ),
            (
                ["--package-url", "https://example.com/.git", "--package-version", "1.0.0"],
                "--package-url \"https://example.com/.git\" does not end in a package name "
                    + "(such as https://example.com/owner/autogen.git)"
            ),
        ]
        for (flags, message) in cases {
            for template in ["generic", "package"] {
                let command = try InitCommand.parse(["Sources/Migrations", "-t", template] + flags)
                #expect(Self.error { try command.write(in: folder) } == message, "\(flags)")
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func urlIdentityAndVersionSyntax() {
        #expect(AutogenDependency.identity(ofURL: "https://example.com/tools/Autogen.git") == "autogen")
        #expect(AutogenDependency.identity(ofURL: "https://example.com/tools/swift-autogen/") == "swift-autogen")
        #expect(AutogenDependency.identity(ofURL: "git@example.com:tools/autogen.git") == "autogen")
        #expect(AutogenDependency.identity(ofURL: "https://example.com/") == "example.com")
        #expect(AutogenDependency.identity(ofURL: "/") == "")
        for good in ["0.1.0", "1.2.3", "10.20.30", "1.0.0-beta.1", "1.0.0+build.5", "1.0.0-rc1+sha.1"] {
            #expect(AutogenDependency.isVersion(good), "\(good)")
        }
        for bad in ["1", "1.0", "v1.0.0", "1.0.0.0", "1..0", "1.0.x", "1.0.0-", "1.0.0 ", "", "١.٢.٣"] {
            #expect(!AutogenDependency.isVersion(bad), "\(bad)")
        }
    }

    // MARK: the package template

    @Test func packageTemplateWithoutAPackageSwiftWritesOne() throws {
        let root = try Self.makeFolder("new")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let outcome = try InitCommand.parse(
            ["-t", "package", "Sources/Migrations", "--package-url", Self.url, "--package-version", "2.0.0"]
        ).layOut(in: root)
        #expect(
            Set(outcome.written.map { String($0.dropFirst(root.count + 1)) }) == [
                "Package.autogen.ini", "Package.swift", "autogen.ini", "Sources/Migrations/.swift-format",
                "Sources/Migrations/README", "Sources/Migrations/env.swift", "Sources/Migrations/model.swift",
                "Sources/Migrations/script.swift.mako", "Sources/Migrations/versions/.gitkeep", ".gitignore",
            ])
        #expect(
            outcome.notes == """
                Please edit the code settings in Package.autogen.ini and the database URL in autogen.ini before \
                proceeding.
                Run autogen in \(root): the first command that needs the model builds the Migrations target (a \
                minute or two).
                """)
        let name = (root as NSString).lastPathComponent
        let manifest = try Self.read(root + "/Package.swift")
        assertSnapshot(
            manifest.replacingOccurrences(of: name, with: "<folder>"), named: "package-new-package-swift",
            suite: "InitPackageTemplateTests")
        assertSnapshot(
            try Self.read(root + "/autogen.ini"), named: "package-autogen-ini", suite: "InitPackageTemplateTests")
        assertSnapshot(
            try Self.read(root + "/Package.autogen.ini"), named: "package-package-autogen-ini",
            suite: "InitPackageTemplateTests")
        for shared in ["env.swift", "model.swift", "script.swift.mako", ".swift-format"] {
            #expect(
                try Self.read(root + "/Sources/Migrations/" + shared) == BuiltinTemplates.files["generic/" + shared],
                "package/\(shared) differs from generic/\(shared): copy it over")
        }

        let config = try AutogenConfig.load(ConfigOptions(environment: ["PATH": "/usr/bin"], currentDirectory: root))
        #expect(config.scriptLocation == root + "/Sources/Migrations")
        #expect(config.environmentPackage == root)
        #expect(config.environmentProduct == "Migrations")
        #expect(config.url == "sqlite:///app.db")
        #expect(config.fileTemplate == "%(rev)s_%(slug)s")
        #expect(config.versionLocations == [root + "/Sources/Migrations/versions"])
        #expect(config.postWriteHooks.hooks.map(\.name) == ["swift_format"])
        #expect(config.warnings.isEmpty, "\(config.warnings)")
        let package = EnvironmentPackage(config: config)
        #expect(package.binary == root + "/.build/release/Migrations")
        #expect(package.manifest == root + "/Package.swift")
        #expect(package.sourceFolder == root + "/Sources/Migrations")
        // The graph commands read the layered config too.
        let project = try Project(ConfigOptions(environment: [:], currentDirectory: root))
        #expect(project.graph.revisions.isEmpty)
    }

    @Test func packageTemplateLeavesAnExistingPackageSwiftAndSaysWhatToAdd() throws {
        let root = try Self.makeFolder("existing")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let existing = "// swift-tools-version: 6.1\nimport PackageDescription\nlet package = Package(name: \"app\")\n"
        try existing.write(toFile: root + "/Package.swift", atomically: true, encoding: .utf8)
        let outcome = try InitCommand.parse(["-t", "package", "db/migrate", "--package-path", "/opt/autogen"])
            .layOut(in: root)
        #expect(try Self.read(root + "/Package.swift") == existing)
        #expect(!outcome.written.contains(root + "/Package.swift"))
        #expect(outcome.written.contains(root + "/db/migrate/env.swift"))
        assertSnapshot(
            (outcome.notes ?? "").replacingOccurrences(of: root, with: "<root>"), named: "package-existing-notes",
            suite: "InitPackageTemplateTests")
        let config = try AutogenConfig.load(ConfigOptions(environment: [:], currentDirectory: root))
        #expect(config.scriptLocation == root + "/db/migrate")
        #expect(config.environmentProduct == "migrate")
    }

    @Test func packageTemplateRefusals() throws {
        let root = try Self.makeFolder("refuse")
        defer { try? FileManager.default.removeItem(atPath: root) }
        func refusal(_ arguments: [String]) throws -> String? {
            let command = try InitCommand.parse(["-t", "package"] + arguments)
            return Self.error { try command.write(in: root) }
        }
        let parent = (root as NSString).deletingLastPathComponent
        #expect(
            try refusal(["../elsewhere"])
                == "\(parent)/elsewhere is not inside \(root): the package template lays the environment out as a "
                + "target folder of the package in the current folder (such as Sources/Migrations)")
        #expect(try refusal(["."])?.hasPrefix("\(root) is not inside \(root):") == true)
        #expect(
            try refusal(["Sources/1st"])
                == "\"1st\" cannot name a SwiftPM target: use a folder name of letters, digits, _ and - that does not "
                + "start with a digit")
        #expect(try refusal(["Sources/a b"])?.hasPrefix("\"a b\" cannot name a SwiftPM target") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).isEmpty)

        try "[autogen]\n".write(toFile: root + "/Package.autogen.ini", atomically: true, encoding: .utf8)
        #expect(
            try refusal(["Sources/Migrations"])
                == "\(root)/Package.autogen.ini already exists; init writes a new project, remove it or run init in "
                + "another folder")
        #expect(!FileManager.default.fileExists(atPath: root + "/Sources"))
        #expect(!FileManager.default.fileExists(atPath: root + "/autogen.ini"))
    }

    @Test func thePackageTemplateIsListed() throws {
        let package = try #require(InitTemplate.all.first { $0.name == "package" })
        #expect(package.isPackageTarget)
        #expect(
            package.summary.hasPrefix("A migration environment as an executable target of your own SwiftPM package"))
        #expect(package.isWrittenToCurrentFolder("Package.swift.mako"))
        #expect(package.isWrittenToCurrentFolder("Package.autogen.ini.mako"))
        #expect(!package.isWrittenToCurrentFolder("env.swift"))
        let generic = try #require(InitTemplate.all.first { $0.name == "generic" })
        #expect(!generic.isPackageTarget && !generic.isWrittenToCurrentFolder("Package.swift.mako"))
        #expect(generic.isWrittenToCurrentFolder("autogen.ini.mako"))
    }
}
