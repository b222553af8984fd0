/// Why the migration environment could not be built or started.
enum EnvironmentBuildError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No `swift` in PATH.
    case noSwift
    /// A program could not be started.
    case cannotRun(path: String, reason: String)
    /// `swift build` failed; `errors` are the compiler's error lines.
    case doesNotCompile(errors: [String])
    /// The environment package has no Package.swift (the path of the missing manifest).
    case noManifest(String)
    /// The package has no executable product `product` (the package template's target not added yet).
    case productNotFound(product: String, manifest: String)

    /// A build's error lines: the compiler's `file:line:column: error: ...` lines, each once;
    /// the build tool's or linker's own `error:` lines when there are none.
    static func errorLines(in lines: [String]) -> [String] {
        var errors: [String] = []
        for line in lines where line.contains(": error: ") && !errors.contains(line) { errors.append(line) }
        return errors.isEmpty ? lines.filter { $0.contains("error:") } : errors
    }

    var description: String {
        switch self {
        case .noSwift: return "no `swift` in PATH: the migration environment needs a Swift toolchain to build"
        case .cannotRun(let path, let reason): return "cannot run \(path): \(reason)"
        case .doesNotCompile: return "the migration environment does not compile"
        case .noManifest(let path):
            return "\(path) not found: script_location (or environment_package) must name the environment's package"
        case .productNotFound(let product, let manifest):
            return "product '\(product)' not found in \(manifest): add the target `autogen init` printed"
        }
    }
}
