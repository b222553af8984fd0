/// A post-write hook that failed; the revision file it ran on was written and is kept.
///
/// Prints as one line: `post-write hook "format" failed (exit 1): file.swift:3:1: error: ...;
/// the revision file was written and kept at /app/migrations/versions/3512b954651e_add.swift`.
public struct HookError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why the hook failed.
    public enum Reason: Sendable, Hashable {
        /// It exited with a non-zero status.
        case exit(Int32)
        /// It was ended by a signal it did not expect.
        case signal(Int32)
        /// It ran longer than its timeout and was killed.
        case timedOut(seconds: Double)
        /// Its program is not an executable file (or not on PATH).
        case programNotFound(String)
        /// It could not be started (bad working folder, exec failure).
        case launchFailed(String)
        /// It exited 0 but the revision file is gone.
        case deletedFile
        /// It exited 0 but left a file that declares another revision, or none, or cannot be read;
        /// the text says what changed.
        case changedHeader(String)
    }

    /// The hook's name.
    public let hook: String
    /// Why it failed.
    public let reason: Reason
    /// The last lines it wrote to standard error (or standard output when stderr was empty), trimmed.
    public let output: String
    /// The revision file, which stays on disk.
    public let revisionPath: String

    public init(hook: String, reason: Reason, output: String, revisionPath: String) {
        self.hook = hook
        self.reason = reason
        self.output = output
        self.revisionPath = revisionPath
    }

    public var description: String {
        switch reason {
        case .deletedFile:
            return "post-write hook \"\(hook)\" deleted the revision file \(revisionPath); no revision was added"
        case .changedHeader(let what):
            return
                "post-write hook \"\(hook)\" rewrote the revision file's header (\(what)); the file was kept at \(revisionPath), fix or delete it before upgrading"
        default: break
        }
        let cause: String
        switch reason {
        case .exit(let status): cause = "exit \(status)"
        case .signal(let number): cause = "killed by signal \(number)"
        case .timedOut(let seconds): cause = "timed out after \(HookError.format(seconds: seconds)) s"
        case .programNotFound(let program):
            cause = program.contains("/") ? "program \(program) not found" : "program \"\(program)\" not found on PATH"
        case .launchFailed(let why): cause = "could not start: \(why)"
        case .deletedFile, .changedHeader: cause = ""
        }
        let said = output.isEmpty ? "" : ": " + output
        return
            "post-write hook \"\(hook)\" failed (\(cause))\(said); the revision file was written and kept at \(revisionPath)"
    }

    /// `0.5` as `0.5`, `60` as `60`.
    static func format(seconds: Double) -> String {
        seconds == seconds.rounded() && abs(seconds) < 1e15 ? String(Int(seconds)) : String(seconds)
    }

    /// The last `count` non-blank lines of `text`, each trimmed, joined by ` / `, at most 400 characters.
    static func tail(of text: String, lines count: Int = 3) -> String {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.iniTrimmed() }.filter { !$0.isEmpty }
        let joined = lines.suffix(count).joined(separator: " / ")
        return joined.count > 400 ? "..." + String(joined.suffix(397)) : joined
    }
}
