import Introspect

/// What stops a migration run. Each case prints as one line that names the revision and,
/// where there is one, the statement and the database's message; none shows a password.
public enum MigrationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The compiled revisions and the revision files disagree.
    case revisionsDisagree(String)
    /// Connecting, or a statement outside any revision (version table, lock), failed.
    case database(IntrospectError)
    /// A statement of a revision failed; the run's (or the revision's) transaction was rolled back.
    case statementFailed(revision: String, statement: String, code: String, message: String)
    /// A check that must return no rows (`PRAGMA foreign_key_check`) returned some.
    case checkFailed(revision: String, statement: String, rows: Int)
    /// The revision's body threw, or its ops cannot be compiled to SQL.
    case revisionFailed(revision: String, message: String)
    /// The target or range does not resolve in the graph.
    case target(String)
    /// An offline (`--sql`) run met something that needs a database.
    case offlineUnsupported(revision: String, what: String)
    /// Another process held the migration lock for longer than the timeout.
    case lockTimeout(url: String, seconds: Double)

    public var description: String {
        switch self {
        case .revisionsDisagree(let message): return "compiled revisions do not match the revision files: \(message)"
        case .database(let error): return error.description
        case .statementFailed(let revision, let statement, let code, let message):
            return
                "revision \(revision) failed: \(code): \(StatementText.maskingPasswords(in: message)) [in: \(Self.oneLine(statement))]"
        case .checkFailed(let revision, let statement, let rows):
            return
                "revision \(revision) failed: \(Self.oneLine(statement)) returned \(rows) row(s) (foreign keys violated)"
        case .revisionFailed(let revision, let message): return "revision \(revision) failed: \(message)"
        case .target(let message): return message
        case .offlineUnsupported(let revision, let what):
            return "revision \(revision) cannot run offline (--sql): \(what)"
        case .lockTimeout(let url, let seconds):
            return "another migration held the lock on \(url) for more than \(seconds) s; giving up"
        }
    }

    /// `text` on one line, passwords masked, cut at 200 characters.
    static func oneLine(_ text: String) -> String { StatementText.forMessage(text) }
}
