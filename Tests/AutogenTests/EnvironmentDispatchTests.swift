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

    @Test func theBinaryIsRebuiltOnlyWhenASourceOrAutogenChanged() throws {
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
        try package.writeStamp(package.fingerprint(autogenBinary: autogen))
        #expect(!package.needsBuild(autogenBinary: autogen))
        // An old binary with a current stamp is up to date: a build with nothing to do keeps it.
        try manager.setAttributes([.modificationDate: old.addingTimeInterval(-60)], ofItemAtPath: package.binary)
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

    /// A project whose sources are all an hour old, with a binary and the stamp of a build of
    /// just these sources: (package, autogen binary, environment folder, the sources' time).
    static func builtEnvironment(_ base: String) throws -> (EnvironmentPackage, String, String, Date) {
        let manager = FileManager.default
        let folder = base + "/migrations"
        let autogen = base + "/bin/autogen"
        for path in [folder + "/versions", folder + "/.build/debug", base + "/bin"] {
            try manager.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        let package = EnvironmentPackage(folder: folder, configuration: "debug")
        let old = Date(timeIntervalSinceNow: -3600)
        for path in [
            folder + "/Package.swift", folder + "/env.swift", folder + "/versions/a1_x.swift",
            folder + "/versions/b2_y.swift", autogen, package.binary,
        ] {
            try "// x".write(toFile: path, atomically: true, encoding: .utf8)
            try manager.setAttributes([.modificationDate: old], ofItemAtPath: path)
        }
        try package.writeStamp(package.fingerprint(autogenBinary: autogen))
        return (package, autogen, folder, old)
    }

    /// Issue #10 item 6: a newest-time check misses each of these, none of them newer than the build.
    @Test func aRevisionFileRemovedOrPutBackWithAnOldTimeIsRebuilt() throws {
        let manager = FileManager.default
        let base = manager.temporaryDirectory.appendingPathComponent("autogen-dispatch-\(UUID().uuidString)").path
        defer { try? manager.removeItem(atPath: base) }
        let (package, autogen, folder, old) = try Self.builtEnvironment(base)
        #expect(!package.needsBuild(autogenBinary: autogen))

        // Deleted.
        try manager.moveItem(atPath: folder + "/versions/b2_y.swift", toPath: base + "/b2_y.swift")
        #expect(package.needsBuild(autogenBinary: autogen), "a revision file deleted")
        try package.writeStamp(package.fingerprint(autogenBinary: autogen))
        #expect(!package.needsBuild(autogenBinary: autogen))
        // `mv` back: an hour older than the build that did not have it.
        try manager.moveItem(atPath: base + "/b2_y.swift", toPath: folder + "/versions/b2_y.swift")
        #expect(package.needsBuild(autogenBinary: autogen), "a revision file put back")
        try package.writeStamp(package.fingerprint(autogenBinary: autogen))

        // `cp -p`: a new file with an old time.
        try "// c3".write(toFile: folder + "/versions/c3_z.swift", atomically: true, encoding: .utf8)
        try manager.setAttributes(
            [.modificationDate: old.addingTimeInterval(-86400)], ofItemAtPath: folder + "/versions/c3_z.swift")
        #expect(package.needsBuild(autogenBinary: autogen), "a revision file added with an old time")
        try package.writeStamp(package.fingerprint(autogenBinary: autogen))

        // `git checkout` of an older version: an older time, or the same time and another size.
        let env = folder + "/env.swift"
        try manager.setAttributes([.modificationDate: old.addingTimeInterval(-0.001)], ofItemAtPath: env)
        #expect(package.needsBuild(autogenBinary: autogen), "a source with an older time")
        try manager.setAttributes([.modificationDate: old], ofItemAtPath: env)
        #expect(!package.needsBuild(autogenBinary: autogen))
        try "// longer".write(toFile: env, atomically: true, encoding: .utf8)
        try manager.setAttributes([.modificationDate: old], ofItemAtPath: env)
        #expect(package.needsBuild(autogenBinary: autogen), "a source of another size")

        // The empty stamp of an older autogen never matches.
        try "".write(toFile: package.stamp, atomically: true, encoding: .utf8)
        #expect(package.needsBuild(autogenBinary: autogen))
    }

    @Test func theStampListsEachSourceOnceSortedWithItsSizeAndNanoseconds() throws {
        let manager = FileManager.default
        let base = manager.temporaryDirectory.appendingPathComponent("autogen-dispatch-\(UUID().uuidString)").path
        defer { try? manager.removeItem(atPath: base) }
        let (package, autogen, folder, _) = try Self.builtEnvironment(base)
        let time = Date(timeIntervalSince1970: 1_700_000_000.5)
        for path in [autogen, folder + "/Package.swift", folder + "/env.swift"] {
            try manager.setAttributes([.modificationDate: time], ofItemAtPath: path)
        }
        try "// longer".write(toFile: folder + "/versions/a1_x.swift", atomically: true, encoding: .utf8)
        try manager.setAttributes([.modificationDate: time], ofItemAtPath: folder + "/versions/a1_x.swift")
        try manager.removeItem(atPath: folder + "/versions/b2_y.swift")
        let text = package.fingerprint(autogenBinary: autogen).text
        #expect(
            text == """
                autogen environment stamp 1
                4 1700000000500000000 \(autogen)
                4 1700000000500000000 \(folder)/Package.swift
                4 1700000000500000000 \(folder)/env.swift
                9 1700000000500000000 \(folder)/versions/a1_x.swift

                """)
        try package.writeStamp(package.fingerprint(autogenBinary: autogen))
        #expect(try String(contentsOfFile: package.stamp, encoding: .utf8) == text)
    }

    @Test func anEnvironmentWhoseRevisionsDisagreeIsBuiltWhateverItsStampSays() throws {
        let manager = FileManager.default
        let base = manager.temporaryDirectory.appendingPathComponent("autogen-dispatch-\(UUID().uuidString)").path
        defer { try? manager.removeItem(atPath: base) }
        let (package, autogen, folder, _) = try Self.builtEnvironment(base)
        #expect(
            ModelHandoff.plan(package, autogenBinary: autogen, [:])
                == .run(.record(model: package.modelFile, marker: package.modelBindingFile, build: package.buildID()!)))
        let stale = [EnvironmentRebuild.staleVariable: "1"]
        #expect(
            ModelHandoff.plan(package, autogenBinary: autogen, stale)
                == .build(
                    message:
                        "The compiled revisions do not match the revision files: building the migration environment again..."
                ))
        try manager.removeItem(atPath: folder + "/versions/b2_y.swift")
        #expect(
            ModelHandoff.plan(package, autogenBinary: autogen, [:])
                == .build(message: "Building migration environment..."))
    }
}
