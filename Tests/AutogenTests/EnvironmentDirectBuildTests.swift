import Foundation
import TestSupport
import Testing

@testable import Autogen

/// When an environment is compiled directly (issue #12) and when SwiftPM builds it.
@Suite struct EnvironmentDirectBuildTests {
    static func package(_ manifest: String) throws -> (EnvironmentPackage, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "autogen-direct-\(UUID().uuidString)"
        )
        .path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try manifest.write(toFile: folder + "/Package.swift", atomically: true, encoding: .utf8)
        return (EnvironmentPackage(folder: folder), folder)
    }

    static func templateManifest() throws -> String {
        let template = try Template(
            source: BuiltinTemplates.files["generic/Package.swift.mako"] ?? "", name: "Package.swift.mako")
        return try template.render([
            "package_dependency": .string(AutogenDependency.path(AutogenCheckout.path).declaration),
            "autogen_package": .string("autogen"),
        ])
    }

    @Test func theTemplatesOwnPackageIsCompiledDirectly() throws {
        let (package, folder) = try Self.package(try Self.templateManifest())
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let autogen = try BuiltProducts.executable("autogen")
        let direct = try #require(EnvironmentDirectBuild.applying(to: package, autogenBinary: autogen))
        #expect(direct.buildFolder == BuiltProducts.folder)
    }

    @Test func anythingElseIsLeftToSwiftPM() throws {
        let autogen = try BuiltProducts.executable("autogen")
        let manifest = try Self.templateManifest()
        let extraDependency = manifest.replacingOccurrences(
            of: "dependencies: [\n",
            with: "dependencies: [\n        .package(url: \"https://example.com/x.git\", from: \"1.0.0\"),\n")
        let extraSources = manifest.replacingOccurrences(
            of: EnvironmentDirectBuild.templateSources,
            with: #"sources: ["env.swift", "model.swift", "versions", "helpers.swift"]"#)
        let pinned = manifest.replacingOccurrences(
            of: AutogenDependency.path(AutogenCheckout.path).declaration,
            with: AutogenDependency.url("https://example.com/autogen.git", from: "1.0.0").declaration)
        let otherCheckout = manifest.replacingOccurrences(
            of: AutogenDependency.path(AutogenCheckout.path).declaration,
            with: AutogenDependency.path("/elsewhere/autogen").declaration)
        for text in [extraDependency, extraSources, pinned, otherCheckout] {
            #expect(text != manifest)
            let (package, folder) = try Self.package(text)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            #expect(EnvironmentDirectBuild.applying(to: package, autogenBinary: autogen) == nil)
        }
        // The package template: the environment is a target of the user's package.
        let (package, folder) = try Self.package(manifest)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var target = package
        target.sourceFolder = folder + "/Sources/Migrations"
        #expect(EnvironmentDirectBuild.applying(to: target, autogenBinary: autogen) == nil)
        // An autogen with no library build beside it (copied elsewhere).
        #expect(EnvironmentDirectBuild.applying(to: package, autogenBinary: folder + "/autogen") == nil)
    }

    @Test func saysWhichFilesTheIncrementalCompileCompiled() {
        let inputs = [
            "/e/env.swift", "/e/model.swift", "/e/versions/a1_x.swift", "/e/.build/autogen-direct/Index.swift",
        ]
        let incremental = [
            "remark: Incremental compilation: May skip current input:  {compile: model.o <= model.swift}",
            "remark: Incremental compilation: Scheduling new  {compile: versions_a1_x.o <= a1_x.swift}",
            "remark: Incremental compilation: Queuing (initial):  {compile: Index.o <= Index.swift}",
            "remark: Incremental compilation: Scheduling all post-compile jobs because something was compiled",
        ]
        #expect(EnvironmentDirectBuild.compiledSources(in: incremental, of: inputs) == ["a1_x.swift", "Index.swift"])
        let nothing = ["remark: Incremental compilation: May skip current input:  {compile: env.o <= env.swift}"]
        #expect(EnvironmentDirectBuild.compiledSources(in: nothing, of: inputs).isEmpty)
        let first = ["remark: Incremental compilation: Scheduling all post-compile jobs because something was compiled"]
        #expect(EnvironmentDirectBuild.compiledSources(in: first, of: inputs).count == 4)
        #expect(EnvironmentDirectBuild.compiledSources(in: [], of: inputs).count == 4)
        let disabled = ["remark: Incremental compilation: Disabling incremental build: different arguments were passed"]
        #expect(EnvironmentDirectBuild.compiledSources(in: disabled, of: inputs).count == 4)
    }
}
