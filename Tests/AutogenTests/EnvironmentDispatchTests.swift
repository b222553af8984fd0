import Foundation
import Testing

@testable import Autogen

/// Which command lines go to the migration environment, and when its package is rebuilt.
@Suite struct EnvironmentDispatchTests {
    @Test func environmentCommandsAreDispatched() {
        for line in [["upgrade", "head"], ["downgrade", "-1"], ["current"], ["stamp", "head"], ["check"]] {
            #expect(EnvironmentDispatch.handles(line), "\(line)")
        }
        #expect(EnvironmentDispatch.handles(["revision", "-m", "x", "--autogenerate"]))
        for line in [[], ["revision", "-m", "x"], ["history"], ["heads"], ["init", "m"], ["merge", "heads"]] {
            #expect(!EnvironmentDispatch.handles(line), "\(line)")
        }
    }

    @Test func theBinaryIsRebuiltOnlyWhenASourceIsNewer() throws {
        let manager = FileManager.default
        let base = manager.temporaryDirectory.appendingPathComponent("autogen-dispatch-\(UUID().uuidString)").path
        defer { try? manager.removeItem(atPath: base) }
        let folder = base + "/migrations"
        let checkout = base + "/checkout"
        for path in [
            folder + "/versions", folder + "/.build/debug", checkout + "/Sources/Autogen", checkout + "/Plugins",
        ] {
            try manager.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        let package = EnvironmentPackage(folder: folder)
        let old = Date(timeIntervalSinceNow: -3600)
        let sources = [
            folder + "/Package.swift", folder + "/env.swift", folder + "/versions/a1_x.swift",
            checkout + "/Package.swift", checkout + "/Sources/Autogen/A.swift", folder + "/.build/debug/Other.swift",
        ]
        for path in sources {
            try "// x".write(toFile: path, atomically: true, encoding: .utf8)
            try manager.setAttributes([.modificationDate: old], ofItemAtPath: path)
        }
        #expect(try package.needsBuild(autogenCheckout: checkout), "no binary yet")
        try "bin".write(toFile: package.binary, atomically: true, encoding: .utf8)
        try manager.setAttributes([.modificationDate: old.addingTimeInterval(60)], ofItemAtPath: package.binary)
        #expect(try !package.needsBuild(autogenCheckout: checkout))

        for path in [
            folder + "/versions/a1_x.swift", checkout + "/Sources/Autogen/A.swift", checkout + "/Package.swift",
        ] {
            try manager.setAttributes([.modificationDate: Date()], ofItemAtPath: path)
            #expect(try package.needsBuild(autogenCheckout: checkout), "\(path)")
            try manager.setAttributes([.modificationDate: old], ofItemAtPath: path)
        }
        // Hidden folders (the environment's own .build) and files that are not Swift do not count.
        try manager.setAttributes([.modificationDate: Date()], ofItemAtPath: folder + "/.build/debug/Other.swift")
        try "readme".write(toFile: folder + "/README", atomically: true, encoding: .utf8)
        #expect(try !package.needsBuild(autogenCheckout: checkout))
    }
}
