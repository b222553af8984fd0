import Foundation
import RevisionIndexing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Builds a migration environment laid out by the generic, async or multidb template without
/// SwiftPM: `swiftc` compiles env.swift, model.swift, the revision files and their index, and
/// links them with the Autogen library that the running `autogen` was built with. A first
/// build takes seconds instead of the minute and more that compiling the library again takes.
///
/// It applies when the running `autogen` sits in a SwiftPM build folder that holds the
/// library's modules and object files (`swift build` of the autogen checkout), on Linux, and
/// when the environment is the template's own package: a Package.swift that declares one
/// package dependency, the checkout this `autogen` was built from, and the template's `sources`. Anything else (a Package.swift
/// with more dependencies or sources, the package template, an autogen copied elsewhere) is
/// built by SwiftPM as before.
///
/// The library's object files are kept as one archive next to them
/// (`<build>/autogen-environment/libAutogenEnvironment.a`), made again when the `autogen`
/// binary is newer.
struct EnvironmentDirectBuild {
    /// The library targets an environment links, in the build folder as `<name>.build/*.o`.
    static let libraryTargets = [
        "ModelDSL", "ModelReader", "Introspect", "RevisionIndexing", "Autogen", "ArgumentParser",
        "ArgumentParserToolInfo",
    ]
    /// The sources the templates' Package.swift lists.
    static let templateSources = #"sources: ["env.swift", "model.swift", "versions"]"#

    let package: EnvironmentPackage
    /// The folder of the running `autogen` (`.build/release` of the checkout).
    let buildFolder: String
    /// The checkout's sources, for the C libraries' module maps.
    let checkout: String

    /// The direct build of `package` when it applies (see the type's comment), nil otherwise.
    static func applying(to package: EnvironmentPackage, autogenBinary: String) -> EnvironmentDirectBuild? {
        #if os(Linux)
            let manager = FileManager.default
            guard package.sourceFolder == nil || package.sourceFolder == package.folder,
                let manifest = try? String(contentsOfFile: package.manifest, encoding: .utf8),
                manifest.components(separatedBy: ".package(").count == 2, manifest.contains(templateSources)
            else { return nil }
            let build = (autogenBinary as NSString).deletingLastPathComponent
            let checkout = AutogenCheckout.path
            // The dependency must be this very checkout: an environment pinned to a released
            // autogen (`--package-url`) or another checkout gets that library, from SwiftPM.
            guard manifest.contains(AutogenDependency.path(checkout).declaration),
                manager.fileExists(atPath: build + "/Modules/Autogen.swiftmodule"),
                libraryTargets.allSatisfy({ manager.fileExists(atPath: build + "/\($0).build/output-file-map.json") }),
                DatabaseBackends.all.allSatisfy({
                    manager.fileExists(atPath: checkout + "/" + $0.systemLibrary.moduleFolder + "/module.modulemap")
                })
            else { return nil }
            return EnvironmentDirectBuild(package: package, buildFolder: build, checkout: checkout)
        #else
            return nil
        #endif
    }

    var archive: String { buildFolder + "/autogen-environment/libAutogenEnvironment.a" }

    /// Compiles and links the environment; throws the compiler's error lines when it does not compile.
    func build(autogenBinary: String, environment: [String: String], progress: BuildProgress?) throws {
        try makeArchive(autogenBinary: autogenBinary, environment: environment)
        // Two commands building at once take turns, from listing the sources and writing the
        // index to the link: they share the index and the object files.
        try FileManager.default.createDirectory(atPath: directFolder, withIntermediateDirectories: true)
        guard let lock = FileLock(path: directFolder + "/build.lock") else {
            throw EnvironmentBuildError.cannotRun(
                path: directFolder + "/build.lock", reason: "cannot open the build lock")
        }
        try lock.lock()
        defer { lock.unlock() }
        let sources = try environmentSources()
        let index = directFolder + "/AutogenRevisionIndex.swift"
        try writeIndex(to: index, revisionFiles: sources.filter { $0.hasPrefix(package.folder + "/versions/") })
        guard let swiftc = ExecutableLookup.find("swiftc", environment: environment, baseFolder: package.folder) else {
            throw EnvironmentBuildError.noSwift
        }
        progress?.update("compiling and linking")
        let binary = package.binary
        try FileManager.default.createDirectory(
            atPath: (binary as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        var compile = [
            "-parse-as-library", "-Onone", "-assert-config", "Release", "-module-name", package.product,
        ]
        compile += Self.importFlags(buildFolder: buildFolder, checkout: checkout, environment: environment)
        // Incremental: a new revision file compiles that file and the index, not the model.
        let inputs = sources + [index]
        let objects = try writeOutputFileMap(inputs)
        compile += [
            // `-static-stdlib` here too: the objects then name the static Foundation's own
            // libraries (CoreFoundation, ICU) for the link.
            "-static-stdlib", "-c", "-incremental", "-output-file-map", directFolder + "/output-file-map.json",
            "-j", String(max(1, ProcessInfo.processInfo.activeProcessorCount)), "-driver-show-incremental",
        ]
        progress?.update("compiling")
        let compiled = try runCompiler(
            swiftc, compile + inputs, environment: environment, progress: progress, finishing: false)
        // What the driver said about the incremental build, for whoever wonders what it compiled.
        try? AtomicFile.write(compiled.joined(separator: "\n") + "\n", to: directFolder + "/last-compile.log")
        let names = Self.compiledSources(in: compiled, of: inputs)
        progress?.update("linking")
        // Linked every time (the driver would not link again for a newer library archive), to
        // a file of this process's own, which replaces the binary whole.
        let temporary = binary + ".\(getpid()).tmp"
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let link =
            inputs.map { objects[$0]! } + [archive] + Self.linkFlags + ["-static-stdlib", "-o", temporary]
        let shown = names.prefix(3).joined(separator: ", ") + (names.count > 3 ? ", ..." : "")
        try runCompiler(
            swiftc, link, environment: environment, progress: progress, finishing: true,
            detail: "compiled \(names.count) of \(inputs.count) files" + (names.isEmpty ? "" : ": " + shown))
        guard rename(temporary, binary) == 0 else {
            throw EnvironmentBuildError.cannotRun(path: binary, reason: String(cString: strerror(errno)))
        }
    }

    /// The folder of the direct build's own files (index, objects, dependencies, lock).
    var directFolder: String { package.folder + "/.build/autogen-direct" }

    /// Runs `swiftc` and returns its output lines; throws the compiler's error lines when it fails.
    @discardableResult
    private func runCompiler(
        _ swiftc: String, _ arguments: [String], environment: [String: String], progress: BuildProgress?,
        finishing: Bool, detail: String? = nil
    ) throws -> [String] {
        let result = try run(swiftc, arguments, environment: environment)
        let succeeded = result.ending == .exited(0)
        if finishing || !succeeded { progress?.finish(succeeded: succeeded, detail: succeeded ? detail : nil) }
        let lines = (result.standardOutput + "\n" + result.standardError).split(separator: "\n").map(String.init)
        guard succeeded else {
            throw EnvironmentBuildError.doesNotCompile(errors: EnvironmentBuildError.errorLines(in: lines))
        }
        return lines
    }

    /// The file names of `inputs` that an incremental compile's remarks say it compiled
    /// (`Queuing ... {compile: x.o <= x.swift}`), in the order of `inputs`; all of them when
    /// the driver compiled without naming files (a first build, new arguments, no remarks).
    static func compiledSources(in lines: [String], of inputs: [String]) -> [String] {
        let remarks = lines.filter { $0.contains("Incremental compilation:") }
        let names = inputs.map { ($0 as NSString).lastPathComponent }
        let disabled = remarks.contains { $0.contains("Disabling incremental build") }
        if remarks.isEmpty || disabled { return names }
        var compiled: Set<String> = []
        for line in remarks where line.contains("Queuing") || line.contains("Scheduling") {
            guard let arrow = line.range(of: "<= "), let close = line[arrow.upperBound...].firstIndex(of: "}") else {
                continue
            }
            compiled.insert(String(line[arrow.upperBound..<close]))
        }
        // No build record yet: the driver compiles everything without naming the files.
        if compiled.isEmpty, remarks.contains(where: { $0.contains("because something was compiled") }) { return names }
        return names.filter(compiled.contains)
    }

    /// Writes the output file map of an incremental build of `sources` (an object and a
    /// dependency file each, named by the source's path, under `objects/`) and returns the
    /// object of each source.
    func writeOutputFileMap(_ sources: [String]) throws -> [String: String] {
        let objects = directFolder + "/objects"
        try FileManager.default.createDirectory(atPath: objects, withIntermediateDirectories: true)
        var map: [String: [String: String]] = ["": ["swift-dependencies": objects + "/module.swiftdeps"]]
        var out: [String: String] = [:]
        for source in sources {
            var relative =
                source.hasPrefix(package.folder + "/") ? String(source.dropFirst(package.folder.count + 1)) : source
            // Reversible, so that versions/2024/a.swift and versions/2024_a.swift stay apart.
            relative = relative.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "/", with: "%2F")
            let base = objects + "/" + (relative as NSString).deletingPathExtension
            map[source] = ["object": base + ".o", "swift-dependencies": base + ".swiftdeps"]
            out[source] = base + ".o"
        }
        let data = try JSONSerialization.data(withJSONObject: map, options: [.sortedKeys])
        let path = directFolder + "/output-file-map.json"
        if (try? Data(contentsOf: URL(fileURLWithPath: path))) != data {
            try AtomicFile.write(data, to: path)
        }
        return out
    }

    /// env.swift, model.swift and every Swift file below versions/ (hidden entries skipped).
    func environmentSources() throws -> [String] {
        var files = [package.folder + "/env.swift", package.folder + "/model.swift"]
        let versions = package.folder + "/versions"
        if let walker = FileManager.default.enumerator(atPath: versions) {
            var found: [String] = []
            while let relative = walker.nextObject() as? String {
                if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                if relative.hasSuffix(".swift") { found.append(versions + "/" + relative) }
            }
            files += found.sorted()
        }
        return files
    }

    /// The revision index, as the RevisionIndex plugin writes it.
    func writeIndex(to path: String, revisionFiles: [String]) throws {
        var texts: [String] = []
        for file in revisionFiles {
            texts.append(try String(contentsOfFile: file, encoding: .utf8))
        }
        let text: String
        do { text = try RevisionIndexSource.text(sources: texts) } catch {
            throw EnvironmentBuildError.doesNotCompile(errors: ["error: \(error)"])
        }
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        if (try? String(contentsOfFile: path, encoding: .utf8)) != text { try AtomicFile.write(text, to: path) }
    }

    /// Whether a compiler line says the library's modules come from another compiler (a
    /// toolchain switched since autogen was built).
    static func isToolchainMismatch(_ line: String) -> Bool {
        line.contains("compiled module was created by") || line.contains("module compiled with Swift")
            || line.contains("cannot load module")
    }

    /// The library's object files as one archive, made again when `autogen` is newer than it.
    func makeArchive(autogenBinary: String, environment: [String: String]) throws {
        let manager = FileManager.default
        if let made = EnvironmentFingerprint.file(archive)?.modified,
            let binary = EnvironmentFingerprint.file(autogenBinary)?.modified, made >= binary
        {
            return
        }
        var objects: [String] = []
        for target in Self.libraryTargets {
            objects += try Self.objects(of: buildFolder + "/\(target).build")
        }
        guard
            let ar = ExecutableLookup.find("llvm-ar", environment: environment, baseFolder: buildFolder)
                ?? ExecutableLookup.find("ar", environment: environment, baseFolder: buildFolder)
        else { throw EnvironmentBuildError.cannotRun(path: "ar", reason: "no llvm-ar or ar in PATH") }
        try manager.createDirectory(
            atPath: (archive as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let temporary = archive + ".\(getpid()).tmp"
        try? manager.removeItem(atPath: temporary)
        let result = try run(ar, ["rcs", temporary] + objects, environment: environment)
        guard result.ending == .exited(0), rename(temporary, archive) == 0 else {
            try? manager.removeItem(atPath: temporary)
            throw EnvironmentBuildError.cannotRun(path: ar, reason: result.standardError)
        }
    }

    /// The object files of one target's build folder that its current sources produced: the
    /// ones its `output-file-map.json` names and that exist. (SwiftPM leaves the object of a
    /// renamed or deleted source behind; archiving it could link old code.)
    static func objects(of folder: String) throws -> [String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/output-file-map.json"))
        guard let map = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw EnvironmentBuildError.cannotRun(path: folder, reason: "unreadable output-file-map.json")
        }
        let named = map.values.compactMap { ($0 as? [String: Any])?["object"] as? String }
        return named.filter { FileManager.default.fileExists(atPath: $0) }.sorted()
    }

    /// What `swiftc` needs to `import Autogen` from `buildFolder`: its modules, and each
    /// backend's C library: its module map in the checkout and its headers.
    static func importFlags(buildFolder: String, checkout: String, environment: [String: String]) -> [String] {
        var flags = ["-I", buildFolder + "/Modules"]
        for library in DatabaseBackends.all.map(\.systemLibrary) {
            flags += ["-I", checkout + "/" + library.moduleFolder]
            flags += includes(of: library, environment: environment).flatMap { ["-Xcc", $0] }
        }
        return flags
    }

    /// The link flags of every backend's C library (`-lpq`, `-lsqlite3`).
    static var linkFlags: [String] { DatabaseBackends.all.map(\.systemLibrary.linkFlag) }

    /// A library's header folders: `pkg-config --cflags-only-I <package>`, else its fallback.
    static func includes(of library: SystemLibrary, environment: [String: String]) -> [String] {
        guard let package = library.pkgConfigName else { return library.fallbackIncludes }
        if let pkgConfig = ExecutableLookup.find("pkg-config", environment: environment, baseFolder: "/"),
            let result = try? run(pkgConfig, ["--cflags-only-I", package], environment: environment),
            result.ending == .exited(0)
        {
            let flags = result.standardOutput.split(whereSeparator: \.isWhitespace).map(String.init)
                .filter { $0.hasPrefix("-I") }
            if !flags.isEmpty { return flags }
        }
        return library.fallbackIncludes
    }

    private func run(_ program: String, _ arguments: [String], environment: [String: String]) throws
        -> HookProcess.Result
    {
        try Self.run(program, arguments, environment: environment)
    }

    private static func run(_ program: String, _ arguments: [String], environment: [String: String]) throws
        -> HookProcess.Result
    {
        let process = HookProcess(
            executable: program, arguments: arguments, cwd: nil, environment: environment, timeout: 3600)
        do { return try process.run() } catch {
            throw EnvironmentBuildError.cannotRun(path: program, reason: error.reason)
        }
    }
}
