/// Why the migration environment could not be built or started.
enum EnvironmentBuildError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No `swift` in PATH.
    case noSwift
    /// A program could not be started.
    case cannotRun(path: String, reason: String)
    /// `swift build` failed; `errors` are the compiler's error lines.
    case doesNotCompile(errors: [String])

    var description: String {
        switch self {
        case .noSwift: return "no `swift` in PATH: the migration environment needs a Swift toolchain to build"
        case .cannotRun(let path, let reason): return "cannot run \(path): \(reason)"
        case .doesNotCompile: return "the migration environment does not compile"
        }
    }
}
