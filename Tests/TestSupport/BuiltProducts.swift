import Foundation

/// The products of the build that made the running test bundle: the folder the bundle sits in
/// (`.build/<triple>/debug`, or wherever `--scratch-path` and `-c` put it), so that tests run
/// the `autogen` and the generator this build produced, never one left from another build.
public enum BuiltProducts {
    /// The folder of the running test bundle.
    public static var folder: String {
        var path = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        // `swift test` runs `<folder>/<package>PackageTests.xctest` (a file on Linux, a bundle
        // whose executable sits deeper on macOS).
        while path.pathComponents.count > 1, !path.lastPathComponent.hasSuffix(".xctest") {
            path.deleteLastPathComponent()
        }
        return path.deletingLastPathComponent().path
    }

    /// The executable `name` of this build; throws a clear error when the build has none
    /// (`swift build --build-tests` builds every product first).
    public static func executable(_ name: String) throws -> String {
        let path = folder + "/" + name
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw Missing(description: "\(path) does not exist: build every product first (swift build --build-tests)")
        }
        return path
    }

    public struct Missing: Error, CustomStringConvertible {
        public var description: String
    }
}
