/// Everything that can go wrong connecting to a database or reading its catalog. Each case
/// prints as one line that names the thing; none ever contains a password.
public enum IntrospectError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The URL does not parse; `url` is already redacted.
    case invalidURL(url: String, reason: String)
    /// The server could not be reached or refused the login; `url` is redacted.
    case connectionFailed(url: String, message: String)
    /// A statement failed. `code` is the SQLSTATE (PostgreSQL) or the extended result code
    /// (SQLite, as text such as `SQLITE_ERROR (1)`).
    case sql(code: String, message: String, statement: String)
    /// The catalog holds something the reader cannot represent.
    case unsupported(String)

    public var description: String {
        switch self {
        case .invalidURL(let url, let reason): return "invalid database URL \(url): \(reason)"
        case .connectionFailed(let url, let message): return "cannot connect to \(url): \(message)"
        case .sql(let code, let message, let statement):
            return
                "SQL error \(code): \(StatementText.maskingPasswords(in: message)) [in: \(StatementText.forMessage(statement))]"
        case .unsupported(let what): return what
        }
    }

    /// The SQLSTATE or SQLite result code, when the error came from a statement.
    public var code: String? {
        if case .sql(let code, _, _) = self { return code }
        return nil
    }
}
