import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The migration environment package at `script_location`: where its binary is, whether it is
/// stale, and how to build it.
struct EnvironmentPackage: Sendable {
    /// The package folder (autogen.ini's `script_location`).
    let folder: String
    /// `release` or `debug` (autogen.ini's `environment_build`).
    var configuration = "release"

    /// The `env` executable `swift build` writes.
    var binary: String { (folder as NSString).appendingPathComponent(".build/\(configuration)/env") }

    /// Written after each successful build, with the time the build started: the binary
    /// reflects every source older than it. (The binary's own time does not say so: a build
    /// that finds nothing to do leaves the binary as it was.)
    var stamp: String { (folder as NSString).appendingPathComponent(".build/autogen-env-\(configuration).stamp") }

    /// Whether the environment must be built before it runs: its binary or build stamp is
    /// missing, or the stamp is older than the `autogen` binary that dispatches (a rebuilt
    /// autogen means a rebuilt library) or than a Swift source of the environment
    /// (Package.swift, env.swift, model.swift, versions/). Hidden folders, the environment's
    /// `.build` among them, are not looked at. Only the environment's own folder is walked, so
    /// an up-to-date check costs one `stat` per file there.
    func needsBuild(autogenBinary: String) -> Bool {
        guard Self.modified(binary) != nil, let built = Self.modified(stamp) else { return true }
        if let date = Self.modified(autogenBinary), date > built { return true }
        return Self.newestSwiftSource(under: folder).map { $0 > built } ?? false
    }

    /// Runs `swift build -c CONFIGURATION --package-path FOLDER --product env`; on failure throws with the
    /// compiler's error lines.
    func build() throws {
        let started = Date()
        let environment = ProcessInfo.processInfo.environment
        guard let swift = ExecutableLookup.find("swift", environment: environment, baseFolder: folder) else {
            throw EnvironmentBuildError.noSwift
        }
        let process = HookProcess(
            executable: swift, arguments: ["build", "-c", configuration, "--package-path", folder, "--product", "env"], cwd: nil,
            environment: environment, timeout: 3600)
        let result: HookProcess.Result
        do { result = try process.run() } catch {
            throw EnvironmentBuildError.cannotRun(path: swift, reason: error.reason)
        }
        guard result.ending != .exited(0) else {
            try writeStamp(started)
            return
        }
        let lines = (result.standardOutput + "\n" + result.standardError).split(separator: "\n").map(String.init)
        // The compiler's `file:line:column: error: ...` lines; SwiftPM's own when there are none.
        var errors: [String] = []
        for line in lines where line.contains(": error: ") && !errors.contains(line) { errors.append(line) }
        if errors.isEmpty { errors = lines.filter { $0.contains("error:") } }
        throw EnvironmentBuildError.doesNotCompile(errors: errors)
    }

    /// Records a successful build that started at `date`.
    func writeStamp(_ date: Date) throws {
        let manager = FileManager.default
        try AtomicFile.write("", to: stamp)
        try manager.setAttributes([.modificationDate: date], ofItemAtPath: stamp)
    }

    /// The modification time of `path`, nil when it does not exist.
    private static func modified(_ path: String) -> Date? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
            let time = info.st_mtimespec
        #else
            let time = info.st_mtim
        #endif
        return Date(timeIntervalSince1970: Double(time.tv_sec) + Double(time.tv_nsec) / 1_000_000_000)
    }

    /// The newest modification time of a `.swift` file under `root`, hidden entries skipped;
    /// `stat` per file, which keeps an up-to-date check to a few milliseconds.
    private static func newestSwiftSource(under root: String) -> Date? {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: root) else { return nil }
        var newest: Date?
        for entry in entries where !entry.hasPrefix(".") {
            let path = (root as NSString).appendingPathComponent(entry)
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            let date: Date?
            if (info.st_mode & S_IFMT) == S_IFDIR {
                date = newestSwiftSource(under: path)
            } else if entry.hasSuffix(".swift") {
                date = modified(path)
            } else {
                date = nil
            }
            if let date, newest.map({ date > $0 }) ?? true { newest = date }
        }
        return newest
    }
}
