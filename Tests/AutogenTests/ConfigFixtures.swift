import Foundation

@testable import Autogen

/// Helpers shared by the Config and Hook test suites: INI text parsed in memory, and
/// scratch folders on disk (each test gets its own, so suites run in parallel).
enum ConfigFixtures {
    /// The folder `%(here)s` expands to for in-memory ini text.
    static let here = "/srv/app"

    /// `text` parsed as `autogen.ini` in `/srv/app`.
    static func ini(_ text: String) throws -> IniFile {
        try IniFile(parsing: text, path: "autogen.ini", folder: here)
    }

    /// The error parsing `text` throws, or nil when it parses.
    static func parseError(_ text: String) -> ConfigError? {
        do {
            _ = try IniFile(parsing: text, path: "autogen.ini", folder: here)
            return nil
        } catch {
            return error
        }
    }

    /// A new empty folder under the system's temporary folder (resolved, absolute).
    static func scratchFolder(_ label: String = "autogen-config") throws -> String {
        let base = URL(fileURLWithPath: NSTemporaryDirectory()).resolvingSymlinksInPath().path
        let folder = "\(base)/\(label)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Writes `text` to `path`, creating folders as needed.
    static func write(_ text: String, to path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// The process's own environment, for tests that run real programs found on PATH.
    static var processEnvironment: [String: String] { ProcessInfo.processInfo.environment }
}
