import Foundation
import Testing

@testable import Autogen

/// The dispatch of an environment that is one target of the user's package (template
/// `package`): what is watched for a rebuild, and the errors when the package or product is missing.
@Suite struct EnvironmentPackageTargetTests {
    static func makeFolder() throws -> String {
        let base = URL(fileURLWithPath: NSTemporaryDirectory()).resolvingSymlinksInPath().path
        let folder = "\(base)/autogen-target-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func onlyTheTargetFolderAndPackageSwiftAreWatched() throws {
        let manager = FileManager.default
        let root = try Self.makeFolder()
        defer { try? manager.removeItem(atPath: root) }
        let target = root + "/Sources/Migrations"
        let package = EnvironmentPackage(
            folder: root, configuration: "debug", product: "Migrations", sourceFolder: target)
        let autogen = root + "/autogen-binary"
        let old = Date(timeIntervalSinceNow: -3600)
        let files = [
            root + "/Package.swift", target + "/env.swift", target + "/versions/a1_x.swift",
            root + "/Sources/App/App.swift",
            root + "/Tests/AppTests/AppTests.swift", autogen, package.binary,
        ]
        for path in files {
            try manager.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try "// x".write(toFile: path, atomically: true, encoding: .utf8)
            try manager.setAttributes([.modificationDate: old], ofItemAtPath: path)
        }
        #expect(package.binary == root + "/.build/debug/Migrations")
        #expect(package.needsBuild(autogenBinary: autogen), "no stamp yet")
        try package.writeStamp(package.fingerprint(autogenBinary: autogen))
        #expect(!package.needsBuild(autogenBinary: autogen))
        for path in [root + "/Package.swift", target + "/env.swift", target + "/versions/a1_x.swift", autogen] {
            try manager.setAttributes([.modificationDate: Date()], ofItemAtPath: path)
            #expect(package.needsBuild(autogenBinary: autogen), "\(path)")
            try manager.setAttributes([.modificationDate: old], ofItemAtPath: path)
        }
        // The rest of the user's package is not walked.
        for path in [root + "/Sources/App/App.swift", root + "/Tests/AppTests/AppTests.swift"] {
            try manager.setAttributes([.modificationDate: Date()], ofItemAtPath: path)
        }
        #expect(!package.needsBuild(autogenBinary: autogen))
        // Another product's stamp is its own.
        let other = EnvironmentPackage(folder: root, configuration: "debug", product: "Other", sourceFolder: target)
        #expect(other.stamp != package.stamp)
    }

    @Test func aMissingPackageOrProductIsOneClearLine() throws {
        let root = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let package = EnvironmentPackage(
            folder: root, configuration: "debug", product: "Migrations", sourceFolder: root + "/Sources/Migrations")
        #expect(throws: EnvironmentBuildError.noManifest(root + "/Package.swift")) { try package.build() }
        #expect(
            EnvironmentError.oneLine(EnvironmentBuildError.noManifest(root + "/Package.swift"))
                == "\(root)/Package.swift not found: script_location (or environment_package) must name the "
                + "environment's package")

        // A package without the environment's target: what the user sees before adding init's lines.
        let manifest = """
            // swift-tools-version: 6.1
            import PackageDescription
            let package = Package(name: "app", targets: [.target(name: "App")])
            """
        try manifest.write(toFile: root + "/Package.swift", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: root + "/Sources/App", withIntermediateDirectories: true)
        try "public let app = 1\n".write(toFile: root + "/Sources/App/App.swift", atomically: true, encoding: .utf8)
        #expect(throws: EnvironmentBuildError.productNotFound(product: "Migrations", manifest: root + "/Package.swift"))
        {
            try package.build()
        }
        #expect(
            EnvironmentError.oneLine(
                EnvironmentBuildError.productNotFound(product: "Migrations", manifest: root + "/Package.swift"))
                == "product 'Migrations' not found in \(root)/Package.swift: add the target `autogen init` printed")
    }
}
