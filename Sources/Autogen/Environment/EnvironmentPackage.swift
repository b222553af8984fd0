import Foundation

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

    /// Written after each successful build: the fingerprint of the files it was made from,
    /// taken when it started (see `EnvironmentFingerprint`). (The binary's own time does not say
    /// what it was built from: a build that finds nothing to do leaves the binary as it was.)
    var stamp: String {
        (folder as NSString).appendingPathComponent(".build/autogen-\(product)-\(configuration).stamp")
    }

    /// What the environment is built from now: the `autogen` binary that dispatches (a rebuilt
    /// autogen means a rebuilt library), the package's Package.swift and the Swift sources of
    /// the environment (env.swift, model.swift, versions/). Hidden folders, the environment's
    /// `.build` among them, are not looked at. Only the environment's own folder is walked (not
    /// the rest of a user's package), so this costs one `stat` per file there.
    func fingerprint(autogenBinary: String) -> EnvironmentFingerprint {
        EnvironmentFingerprint(paths: [autogenBinary, manifest], swiftSourcesUnder: sourceFolder ?? folder)
    }

    /// Whether the environment must be built before it runs: its binary or build stamp is
    /// missing, or the stamp's fingerprint is not the current one. A file added or removed,
    /// or one whose size or time is another (older as well as newer), means a build.
    func needsBuild(autogenBinary: String) -> Bool {
        freshness(autogenBinary: autogenBinary) != .current
    }

    /// How the environment's sources compare with its last build.
    enum Freshness: Equatable {
        case current
        /// model.swift alone differs (`ModelHandoff` may read it instead of building).
        case modelOnly
        case stale
    }

    /// Compares the stamp with the sources now (see `needsBuild`), telling apart an edit of
    /// model.swift alone.
    func freshness(autogenBinary: String) -> Freshness {
        guard EnvironmentFingerprint.file(binary) != nil,
            let recorded = try? String(contentsOfFile: stamp, encoding: .utf8)
        else { return .stale }
        let now = fingerprint(autogenBinary: autogenBinary).text
        if recorded == now { return .current }
        let model = " " + modelFile
        func withoutModel(_ text: String) -> [Substring] {
            text.split(separator: "\n").filter { !$0.hasSuffix(model) }
        }
        return withoutModel(recorded) == withoutModel(now) ? .modelOnly : .stale
    }

    /// The identity of the last build: a hash of its stamp (FNV-1a, 64 bits, in hex); nil
    /// before the first.
    func buildID() -> String? {
        guard let text = try? String(contentsOfFile: stamp, encoding: .utf8) else { return nil }
        return FileChecksum.of(bytes: Array(text.utf8))
    }

    /// The environment's model file: model.swift in its source folder.
    var modelFile: String { ((sourceFolder ?? folder) as NSString).appendingPathComponent("model.swift") }

    /// Where the environment records its `ModelBinding` after each build.
    var modelBindingFile: String {
        (folder as NSString).appendingPathComponent(".build/autogen-\(product)-\(configuration).model-binding")
    }

    /// Compiles the environment directly when `EnvironmentDirectBuild` applies (seconds), else
    /// runs `swift build -c CONFIGURATION --package-path FOLDER --product PRODUCT`; on failure
    /// throws with the compiler's error lines, or says the package or the product is missing.
    func build(autogenBinary: String = AutogenBinary.path, progress: BuildProgress? = nil) throws {
        // Taken before the build: a source edited while it runs differs next time and is built then.
        let inputs = fingerprint(autogenBinary: autogenBinary)
        // The binding belongs to the build it was recorded after; the new one records its own.
        try? FileManager.default.removeItem(atPath: modelBindingFile)
        let environment = ProcessInfo.processInfo.environment
        guard FileManager.default.fileExists(atPath: manifest) else {
            throw EnvironmentBuildError.noManifest(manifest)
        }
        if let direct = EnvironmentDirectBuild.applying(to: self, autogenBinary: autogenBinary) {
            do {
                try direct.build(autogenBinary: autogenBinary, environment: environment, progress: progress)
                try writeStamp(inputs)
                return
            } catch EnvironmentBuildError.doesNotCompile(let errors)
                where errors.contains(where: EnvironmentDirectBuild.isToolchainMismatch)
            {
                // The `swiftc` on PATH is not the one the library was built with: SwiftPM
                // builds the library with it instead.
            }
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
        var process = HookProcess(
            executable: swift, arguments: arguments, cwd: nil, environment: environment, timeout: 3600)
        if let progress { process.onOutputLine = { progress.line($0) } }
        let result: HookProcess.Result
        do { result = try process.run() } catch {
            throw EnvironmentBuildError.cannotRun(path: swift, reason: error.reason)
        }
        progress?.finish(succeeded: result.ending == .exited(0))
        guard result.ending != .exited(0) else {
            try writeStamp(inputs)
            return
        }
        let lines = (result.standardOutput + "\n" + result.standardError).split(separator: "\n").map(String.init)
        if lines.contains(where: { $0.hasSuffix("error: no product named '\(product)'") }) {
            throw EnvironmentBuildError.productNotFound(product: product, manifest: manifest)
        }
        throw EnvironmentBuildError.doesNotCompile(errors: EnvironmentBuildError.errorLines(in: lines))
    }

    /// Records a successful build of `inputs`.
    func writeStamp(_ inputs: EnvironmentFingerprint) throws {
        try AtomicFile.write(inputs.text, to: stamp)
    }
}
