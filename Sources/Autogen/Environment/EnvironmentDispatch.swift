import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// How the `autogen` binary runs the commands that need the model or the revision bodies
/// (`upgrade`, `downgrade`, `current`, `stamp`, `check`, `revision --autogenerate`): it reads
/// autogen.ini, builds the migration environment's product (`environment_product` of the
/// package at `environment_package`; `env` of the package at `script_location` by default) when
/// its sources are not the ones of the last build, and replaces itself with that binary, same
/// arguments, same folder. An environment whose compiled revisions turn out not to match the
/// revision files comes back here once to be rebuilt (`EnvironmentRebuild`).
public enum EnvironmentDispatch {
    /// The environment command names.
    static let commands: Set<String> = [
        "upgrade", "downgrade", "current", "stamp", "check", "ensure-version", "ensure_version", "verify",
    ]

    /// Whether `arguments` (without the program name) name an environment command.
    public static func handles(_ arguments: [String]) -> Bool {
        guard let first = arguments.first else { return false }
        return commands.contains(first) || (first == "revision" && arguments.contains("--autogenerate"))
    }

    /// Runs an environment command and returns only when it could not: the exit status after
    /// a usage error, `--help`, a bad config, or an environment that does not compile.
    public static func run(_ arguments: [String]) -> Int32 {
        let output = EnvironmentOutput.process
        // Usage errors and --help need no build.
        let result = AutogenEnvironment.parse(arguments, output: output)
        guard case .command(let parsed) = result else { return result.status }
        do {
            let config = try AutogenConfig.load(parsed.globalOptions.configOptions)
            try Project.requireScriptLocation(config)
            let package = EnvironmentPackage(config: config)
            let autogen = AutogenBinary.path
            var handoff = ModelHandoff.compiled
            switch ModelHandoff.plan(package, autogenBinary: autogen, ProcessInfo.processInfo.environment) {
            case .build(let message):
                let quiet = parsed.globalOptions.quiet
                if !quiet { output.err(message) }
                try package.build(autogenBinary: autogen, progress: quiet ? nil : BuildProgress())
                if let build = package.buildID() {
                    handoff = .record(model: package.modelFile, marker: package.modelBindingFile, build: build)
                }
            case .run(let planned):
                handoff = planned
            }
            handoff.export()
            setenv(EnvironmentRebuild.dispatcherVariable, autogen, 1)
            try exec(package.binary, arguments)
        } catch {
            if case EnvironmentBuildError.doesNotCompile(let lines) = error {
                for line in lines { output.err(line) }
            }
            output.err("error: \(EnvironmentError.oneLine(error))")
            return 1
        }
    }

    /// Replaces this process with `path`, passing `arguments`; returns only by throwing.
    static func exec(_ path: String, _ arguments: [String]) throws -> Never {
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        execv(path, argv)
        let reason = String(cString: strerror(errno))
        for pointer in argv { free(pointer) }
        throw EnvironmentBuildError.cannotRun(path: path, reason: reason)
    }
}
