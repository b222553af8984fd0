#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a migration environment prints when code of the user's (a `fatalError`, a failed
/// force unwrap or `precondition` in model.swift, env.swift or a revision body) stops the
/// process: one line after the runtime's own `file:line: Fatal error: ...`, naming the revision
/// that was running and what became of the database, instead of a stack trace; exit status 1.
///
/// The database needs no help: an uncommitted transaction is rolled back by PostgreSQL when
/// the connection drops, and by SQLite from its journal the next time the file is opened. The
/// line is written ahead of time (`set`), because a signal handler may only `write` and `_exit`.
enum CrashReport {
    private static let capacity = 2048
    nonisolated(unsafe) private static let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    nonisolated(unsafe) private static var length = 0

    /// The line before any revision runs.
    static let idle =
        "error: a fatal error stopped the migration environment outside any revision (in model.swift, env.swift or a hook); no migration was left half-done"

    /// Installs the handlers for the signals a Swift runtime trap raises, with the idle line.
    static func install() {
        set(idle)
        let handler: @convention(c) (Int32) -> Void = { _ in
            _ = write(2, CrashReport.buffer, CrashReport.length)
            _exit(1)
        }
        for number in [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE] { _ = signal(number, handler) }
    }

    /// The line to print if the process stops from now on (a newline is added).
    static func set(_ line: String) {
        let bytes = Array((line + "\n").utf8.prefix(capacity))
        bytes.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress!, count: $0.count) }
        length = bytes.count
    }

    /// The line for `revision` running in `direction`: what the database rolls back.
    static func running(revision: String, direction: String, offline: Bool, committedBefore: Bool) -> String {
        let outcome =
            offline
            ? "no SQL was printed"
            : committedBefore
                ? "its transaction was not committed, so the database is as it was before revision \(revision)"
                : "the run's transaction was not committed, so the database is as it was before this run"
        return
            "error: revision \(revision) failed: a fatal error stopped the process during its \(direction); \(outcome)"
    }
}
