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
        var before = try? FileBytes.contents(of: revision)
        let header = before.flatMap { try? RevisionFileReader.parse($0, path: revision) }
        for hook in hooks {
            willRun(hook)
            var ran = try run(hook, on: revision)
            let after = try check(hook, left: revision, declaring: header)
            ran.changedFile = before != nil && after != before
            before = after
            runs.append(ran)
        }
        return runs
    }

    /// The file's bytes after `hook` exited 0; throws when the hook deleted it or left a file
    /// whose header no longer declares the revision written (`header`, when it was one).
    private func check(_ hook: PostWriteHook, left revision: String, declaring header: RevisionHeader?)
        throws(HookError)
        -> [UInt8]?
    {
        func failure(_ what: HookError.Reason) -> HookError {
            HookError(hook: hook.name, reason: what, output: "", revisionPath: revision)
        }
        guard FileManager.default.fileExists(atPath: revision) else { throw failure(.deletedFile) }
        let bytes = try? FileBytes.contents(of: revision)
        guard let header else { return bytes }
        guard let bytes else { throw failure(.changedHeader("autogen cannot read it any more")) }
        let now: RevisionHeader?
        do {
            now = try RevisionFileReader.parse(bytes, path: revision)
        } catch {
            throw failure(.changedHeader("autogen cannot read it: \(error)"))
        }
        guard let now else { throw failure(.changedHeader("it no longer declares static let id")) }
        if let change = HeaderChange.describe(from: header, to: now) { throw failure(.changedHeader(change)) }
        return bytes
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
