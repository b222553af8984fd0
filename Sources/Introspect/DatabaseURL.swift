/// A parsed database URL; the dialect is chosen by its scheme.
///
/// - `postgresql://user:pass@host:port/db?sslmode=require` (also `postgres://`)
/// - `sqlite:///relative.db`, `sqlite:////absolute.db`, `sqlite://` (in memory)
///
/// `description` never shows the password: it prints `***` in its place.
public enum DatabaseURL: Sendable, Hashable, CustomStringConvertible {
    case postgresql(PostgresURL)
    case sqlite(path: String?)

    /// Parses `text`; the error message names the problem and shows the URL without its password.
    public init(_ text: String) throws(IntrospectError) {
        let trimmed = text.trimmingWhitespace()
        guard let schemeEnd = trimmed.range(of: "://") else {
            throw .invalidURL(
                url: Self.redact(trimmed),
                reason: "expected scheme://..., such as postgresql://user@host/db or sqlite:///file.db")
        }
        let scheme = trimmed[..<schemeEnd.lowerBound].lowercased()
        let rest = String(trimmed[schemeEnd.upperBound...])
        switch scheme {
        case "sqlite", "sqlite3":
            if rest.isEmpty || rest == "/:memory:" || rest == ":memory:" {
                self = .sqlite(path: nil)
            } else if rest.hasPrefix("/") {
                let path = String(rest.dropFirst())
                guard !path.isEmpty else { self = .sqlite(path: nil); return }
                self = .sqlite(path: Self.percentDecoded(path))
            } else {
                throw .invalidURL(
                    url: trimmed,
                    reason:
                        "a SQLite URL has three slashes before a relative path (sqlite:///app.db) and four before an absolute one (sqlite:////var/app.db)"
                )
            }
        case "postgresql", "postgres", "postgresql+libpq":
            self = .postgresql(try Self.parsePostgres(rest, original: trimmed))
        default:
            throw .invalidURL(
                url: Self.redact(trimmed), reason: "unknown database \"\(scheme)\"; use postgresql:// or sqlite://")
        }
    }

    /// The URL with its password replaced by `***`.
    public var description: String {
        switch self {
        case .sqlite(let path): return path.map { "sqlite:///" + $0 } ?? "sqlite://"
        case .postgresql(let url): return url.redactedDescription
        }
    }

    /// The URL as given, password included, for handing to another autogen process (the
    /// watchdog of `verify`'s scratch database); `description` is what may be printed.
    public var unredactedText: String {
        switch self {
        case .sqlite: return description
        case .postgresql(let url): return url.unredactedText
        }
    }

    /// The dialect's name, as in the URL scheme: `postgresql` or `sqlite`.
    public var dialectName: String {
        switch self {
        case .postgresql: return "postgresql"
        case .sqlite: return "sqlite"
        }
    }

    /// Any URL-shaped text with the password between `:` and `@` replaced by `***`; for
    /// messages about text that did not parse.
    public static func redact(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return text }
        let rest = text[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") else {
            return text
        }
        return String(text[..<authority.index(after: colon)]) + "***" + String(text[at...])
    }

    static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.first {
            utf8 = utf8.dropFirst()
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
                let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }

    func range(of target: String) -> Range<Index>? {
        var i = startIndex
        while i < endIndex {
            if self[i...].hasPrefix(target) {
                return i..<self.index(i, offsetBy: target.count)
            }
            i = index(after: i)
        }
        return nil
    }
}
