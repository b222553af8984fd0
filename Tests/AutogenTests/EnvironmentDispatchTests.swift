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

    @Test func theBinaryIsRebuiltOnlyWhenASourceOrAutogenIsNewer() throws {
        let manager = FileManager.default
        let base = manager.temporaryDirectory.appendingPathComponent("autogen-dispatch-\(UUID().uuidString)").path
        defer { try? manager.removeItem(atPath: base) }
        let folder = base + "/migrations"
        let autogen = base + "/bin/autogen"
        for path in [folder + "/versions", folder + "/.build/debug", base + "/bin"] {
            try manager.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        let package = EnvironmentPackage(folder: folder, configuration: "debug")
        let old = Date(timeIntervalSinceNow: -3600)
        let sources = [
            folder + "/Package.swift", folder + "/env.swift", folder + "/versions/a1_x.swift", autogen,
            folder + "/.build/debug/Other.swift",
        ]
        for path in sources {
            try "// x".write(toFile: path, atomically: true, encoding: .utf8)
            try manager.setAttributes([.modificationDate: old], ofItemAtPath: path)
        }
        #expect(package.needsBuild(autogenBinary: autogen), "no binary yet")
        try "bin".write(toFile: package.binary, atomically: true, encoding: .utf8)
        #expect(package.needsBuild(autogenBinary: autogen), "no stamp: never built by autogen")
        try package.writeStamp(old.addingTimeInterval(60))
        #expect(!package.needsBuild(autogenBinary: autogen))
        // An old binary with a new stamp is up to date: a build with nothing to do keeps it.
        try manager.setAttributes([.modificationDate: old], ofItemAtPath: package.binary)
        #expect(!package.needsBuild(autogenBinary: autogen))

        for path in [folder + "/versions/a1_x.swift", folder + "/Package.swift", autogen] {
            try manager.setAttributes([.modificationDate: Date()], ofItemAtPath: path)
            #expect(package.needsBuild(autogenBinary: autogen), "\(path)")
            try manager.setAttributes([.modificationDate: old], ofItemAtPath: path)
        }
        // Hidden folders (the environment's own .build) and files that are not Swift do not count.
        try manager.setAttributes([.modificationDate: Date()], ofItemAtPath: folder + "/.build/debug/Other.swift")
        try "readme".write(toFile: folder + "/README", atomically: true, encoding: .utf8)
        #expect(!package.needsBuild(autogenBinary: autogen))
    }
}
