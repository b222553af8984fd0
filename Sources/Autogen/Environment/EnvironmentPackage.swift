import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The SwiftPM package that holds the migration environment: where its binary is, whether it is
/// stale, and how to build it.
///
/// With the generic template the package is the environment folder itself (`script_location`,
/// product `env`); with the package template it is the user's own package
/// (`environment_package`), the environment one executable target of it
/// (`environment_product`) whose folder is `script_location`.
struct EnvironmentPackage: Sendable {
    /// The package folder, the one with Package.swift (`environment_package`, else `script_location`).
    let folder: String
    /// `release` or `debug` (autogen.ini's `environment_build`).
    var configuration = "release"
    /// The executable product that runs the environment commands (`environment_product`).
    var product = AutogenConfig.defaultEnvironmentProduct
    /// The folder of the environment's sources (`script_location`); nil when it is `folder`.
    var sourceFolder: String?

    /// The package, product, build configuration and source folder `config` names.
    init(config: AutogenConfig) {
        self.init(
            folder: config.environmentPackage, configuration: config.environmentBuild,
            product: config.environmentProduct, sourceFolder: config.scriptLocation)
    }

    init(
        folder: String, configuration: String = "release", product: String = AutogenConfig.defaultEnvironmentProduct,
        sourceFolder: String? = nil
    ) {
        self.folder = folder
        self.configuration = configuration
        self.product = product
        self.sourceFolder = sourceFolder
    }

    /// The package's manifest.
    var manifest: String { (folder as NSString).appendingPathComponent("Package.swift") }

    /// The executable `swift build` writes.
    var binary: String { (folder as NSString).appendingPathComponent(".build/\(configuration)/\(product)") }

    /// Written after each successful build, with the time the build started: the binary
    /// reflects every source older than it. (The binary's own time does not say so: a build
    /// that finds nothing to do leaves the binary as it was.)
    var stamp: String {
        (folder as NSString).appendingPathComponent(".build/autogen-\(product)-\(configuration).stamp")
    }

    /// Whether the environment must be built before it runs: its binary or build stamp is
    /// missing, or the stamp is older than the `autogen` binary that dispatches (a rebuilt
    /// autogen means a rebuilt library), than the package's Package.swift, or than a Swift
    /// source of the environment (env.swift, model.swift, versions/). Hidden folders, the
    /// environment's `.build` among them, are not looked at. Only the environment's own folder
    /// is walked (not the rest of a user's package), so an up-to-date check costs one `stat` per
    /// file there.
    func needsBuild(autogenBinary: String) -> Bool {
        guard Self.modified(binary) != nil, let built = Self.modified(stamp) else { return true }
        if let date = Self.modified(autogenBinary), date > built { return true }
        if let date = Self.modified(manifest), date > built { return true }
        return Self.newestSwiftSource(under: sourceFolder ?? folder).map { $0 > built } ?? false
    }

    /// Runs `swift build -c CONFIGURATION --package-path FOLDER --product PRODUCT`; on failure
    /// throws with the compiler's error lines, or says the package or the product is missing.
    func build() throws {
        let started = Date()
        let environment = ProcessInfo.processInfo.environment
        guard FileManager.default.fileExists(atPath: manifest) else {
            throw EnvironmentBuildError.noManifest(manifest)
        }
        guard let swift = ExecutableLookup.find("swift", environment: environment, baseFolder: folder) else {
            throw EnvironmentBuildError.noSwift
        }
        var arguments = ["build", "-c", configuration, "--package-path", folder, "--product", product]
        #if os(Linux)
            // Linked statically, the Swift runtime and Foundation load in a third of the time:
            // every environment command starts the binary once (16 ms instead of 24 for `current`).
            arguments.append("--static-swift-stdlib")
        #endif
        let process = HookProcess(
            executable: swift, arguments: arguments, cwd: nil, environment: environment, timeout: 3600)
        let result: HookProcess.Result
        do { result = try process.run() } catch {
            throw EnvironmentBuildError.cannotRun(path: swift, reason: error.reason)
        }
        guard result.ending != .exited(0) else {
            try writeStamp(started)
            return
        }
        let lines = (result.standardOutput + "\n" + result.standardError).split(separator: "\n").map(String.init)
        if lines.contains(where: { $0.hasSuffix("error: no product named '\(product)'") }) {
            throw EnvironmentBuildError.productNotFound(product: product, manifest: manifest)
        }
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
