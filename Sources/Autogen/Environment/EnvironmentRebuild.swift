import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The way out when a migration environment's compiled revisions do not match the revision
/// files (`MigrationError.revisionsDisagree`) although its build stamp said it was up to date:
/// one rebuild, then the command again.
///
/// `autogen` names itself in `AUTOGEN_DISPATCHER` when it replaces itself with the
/// environment. An environment started that way whose revisions disagree prints nothing and
/// replaces itself with that `autogen` again, same arguments, with `AUTOGEN_STALE_REVISIONS`
/// set: autogen then builds whatever the stamp says and runs the environment once more, which
/// this time reports a disagreement as an error (the revision files are not all compiled into
/// the environment, say). No process waits for another, so the exit status, the signals and
/// the terminal stay the environment's own.
enum EnvironmentRebuild {
    /// The `autogen` binary that started the environment.
    static let dispatcherVariable = "AUTOGEN_DISPATCHER"
    /// Set by an environment whose revisions disagree: build, and report the next disagreement.
    static let staleVariable = "AUTOGEN_STALE_REVISIONS"

    /// Whether `error` says the environment was built from other revision files than there are now.
    static func isStale(_ error: any Error) -> Bool {
        if case MigrationError.revisionsDisagree = error { return true }
        return false
    }

    /// In autogen: whether the environment asked for a rebuild (its revisions disagreed).
    static func isRequested(_ environment: [String: String]) -> Bool { environment[staleVariable] != nil }

    /// In the environment: the `autogen` to hand a stale run back to, nil when there is none
    /// (the environment was started some other way, or this is the run after the rebuild).
    static func dispatcher(_ environment: [String: String]) -> String? {
        guard environment[staleVariable] == nil, let path = environment[dispatcherVariable], !path.isEmpty else {
            return nil
        }
        return path
    }

    /// In the environment, at start: how to hand a stale run back (see `dispatcher(_:)`). Both
    /// variables are removed, so that hooks and the programs they start do not see them.
    static func takeHandBack() -> (@Sendable ([String]) -> Void)? {
        let dispatcher = dispatcher(ProcessInfo.processInfo.environment)
        unsetenv(dispatcherVariable)
        unsetenv(staleVariable)
        guard let dispatcher else { return nil }
        return { arguments in handBack(to: dispatcher, arguments) }
    }

    /// Replaces the environment with `dispatcher`, `arguments` and `AUTOGEN_STALE_REVISIONS`
    /// set; returns only when that could not be done, the variable removed again.
    static func handBack(to dispatcher: String, _ arguments: [String]) {
        setenv(staleVariable, "1", 1)
        fflush(nil)
        do { try EnvironmentDispatch.exec(dispatcher, arguments) } catch { unsetenv(staleVariable) }
    }
}
