import Foundation

/// Finds a hook's program: an absolute path as given, a path with a `/` relative to a base
/// folder, or a bare name in the `PATH` of the environment the hooks run with.
enum ExecutableLookup {
    /// The `PATH` used when the environment has none.
    static let defaultSearchPath = "/usr/local/bin:/usr/bin:/bin"

    /// The absolute path of `program`, or nil when there is no executable file by that name.
    static func find(_ program: String, environment: [String: String], baseFolder: String) -> String? {
        if program.contains("/") {
            let path = ConfigPath.resolve(program, against: baseFolder)
            return isExecutableFile(path) ? path : nil
        }
        let searchPath = environment["PATH"] ?? defaultSearchPath
        for folder in searchPath.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = ConfigPath.resolve(program, against: String(folder))
            if isExecutableFile(candidate) { return candidate }
        }
        return nil
    }

    private static func isExecutableFile(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }
}
