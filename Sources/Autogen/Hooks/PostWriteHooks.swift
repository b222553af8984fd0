import Foundation

/// The post-write hooks of a config, run in order on each revision file written.
///
/// Each hook runs as a subprocess with an argument vector (no shell), with `environment` as
/// its environment and PATH, and with a timeout. The first hook that fails stops the run:
/// later hooks do not run, and the error says the revision file was written and kept.
public struct PostWriteHooks: Sendable, Hashable {
    /// The hooks in the order `hooks = ...` lists them.
    public var hooks: [PostWriteHook]
    /// The environment the hooks run with; its PATH finds their programs.
    public var environment: [String: String]
    /// The folder relative `executable` paths are relative to (the ini file's folder).
    public var baseFolder: String

    public init(hooks: [PostWriteHook] = [], environment: [String: String], baseFolder: String) {
        self.hooks = hooks
        self.environment = environment
        self.baseFolder = baseFolder
    }

    /// Runs every hook on the revision file at `path` (made absolute against the current folder),
    /// calling `willRun` before each; returns what ran, or throws for the first hook that fails.
    @discardableResult
    public func run(on path: String, willRun: (PostWriteHook) -> Void = { _ in }) throws(HookError) -> [HookRun] {
        let revision = ConfigPath.resolve(path, against: FileManager.default.currentDirectoryPath)
        var runs: [HookRun] = []
        for hook in hooks {
            willRun(hook)
            runs.append(try run(hook, on: revision))
        }
        return runs
    }

    private func run(_ hook: PostWriteHook, on revision: String) throws(HookError) -> HookRun {
        func failure(_ reason: HookError.Reason, _ output: String = "") -> HookError {
            HookError(hook: hook.name, reason: reason, output: output, revisionPath: revision)
        }
        let program: String?
        switch hook.program {
        case .executable(let name):
            program = ExecutableLookup.find(name, environment: environment, baseFolder: baseFolder)
        case .console(let name):
            program = ExecutableLookup.find(name, environment: environment, baseFolder: baseFolder)
        }
        guard let program else { throw failure(.programNotFound(hook.program.name)) }

        let arguments = hook.arguments(for: revision)
        let result: HookProcess.Result
        do {
            result = try HookProcess(
                executable: program, arguments: arguments, cwd: hook.cwd, environment: environment,
                timeout: hook.timeout
            ).run()
        } catch {
            throw failure(.launchFailed(error.reason))
        }
        let said = HookError.tail(of: result.standardError.isEmpty ? result.standardOutput : result.standardError)
        switch result.ending {
        case .exited(0):
            return HookRun(
                name: hook.name, command: [program] + arguments, cwd: hook.cwd, exitStatus: 0, seconds: result.seconds,
                standardOutput: result.standardOutput, standardError: result.standardError)
        case .exited(let status):
            throw failure(.exit(status), said)
        case .signalled(let signal):
            throw failure(.signal(signal), said)
        case .timedOut:
            throw failure(.timedOut(seconds: hook.timeout), said)
        }
    }
}
