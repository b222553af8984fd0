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
            return "SQL error \(code): \(message) [in: \(Self.oneLine(statement, limit: 200))]"
        case .unsupported(let what): return what
        }
    }

    /// The SQLSTATE or SQLite result code, when the error came from a statement.
    public var code: String? {
        if case .sql(let code, _, _) = self { return code }
        return nil
    }

    /// `text` on one line, cut at `limit` characters.
    static func oneLine(_ text: String, limit: Int) -> String {
        let flat = text.split(whereSeparator: { $0.isNewline || $0 == "\t" || $0 == " " }).joined(separator: " ")
        return flat.count > limit ? String(flat.prefix(limit)) + "..." : flat
    }
}
