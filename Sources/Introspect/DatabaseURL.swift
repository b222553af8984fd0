/// A parsed database URL; the dialect is chosen by its scheme.
///
/// - `postgresql://user:pass@host:port/db?sslmode=require` (also `postgres://`)
/// - `sqlite:///relative.db`, `sqlite:////absolute.db`, `sqlite://` (in memory)
///
/// `description` never shows the password: it prints `***` in its place.
public enum DatabaseURL: Sendable, Hashable, CustomStringConvertible {
    case postgresql(PostgresURL)
    case sqlite(path: String?)

    /// The parts of a PostgreSQL URL. Percent-escapes in user, password and database are decoded.
    public struct PostgresURL: Sendable, Hashable {
        public var user: String?
        public var password: String?
        public var host: String?
        public var port: Int?
        public var database: String?
        /// Query parameters (`sslmode`, `connect_timeout`, `application_name`, ...), in order.
        public var parameters: [(String, String)]

        public static func == (a: Self, b: Self) -> Bool {
            a.user == b.user && a.password == b.password && a.host == b.host && a.port == b.port
                && a.database == b.database
                && a.parameters.map { $0.0 + "=" + $0.1 } == b.parameters.map { $0.0 + "=" + $0.1 }
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(user)
            hasher.combine(host)
            hasher.combine(port)
            hasher.combine(database)
        }
    }

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

    private static func parsePostgres(_ rest: String, original: String) throws(IntrospectError) -> PostgresURL {
        var url = PostgresURL(user: nil, password: nil, host: nil, port: nil, database: nil, parameters: [])
        var main = Substring(rest)
        if let q = main.firstIndex(of: "?") {
            for pair in main[main.index(after: q)...].split(separator: "&") where !pair.isEmpty {
                let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard kv.count == 2, !kv[0].isEmpty else {
                    throw .invalidURL(url: redact(original), reason: "query parameter \"\(pair)\" is not key=value")
                }
                url.parameters.append((percentDecoded(String(kv[0])), percentDecoded(String(kv[1]))))
            }
            main = main[..<q]
        }
        var hostPart = main
        if let slash = main.firstIndex(of: "/") {
            let db = main[main.index(after: slash)...]
            if !db.isEmpty { url.database = percentDecoded(String(db)) }
            hostPart = main[..<slash]
        }
        if let at = hostPart.lastIndex(of: "@") {
            let userInfo = hostPart[..<at]
            hostPart = hostPart[hostPart.index(after: at)...]
            if let colon = userInfo.firstIndex(of: ":") {
                url.user = percentDecoded(String(userInfo[..<colon]))
                url.password = percentDecoded(String(userInfo[userInfo.index(after: colon)...]))
            } else if !userInfo.isEmpty {
                url.user = percentDecoded(String(userInfo))
            }
        }
        var host = hostPart
        if host.contains(","), !host.hasPrefix("[") || host.contains("],") {
            throw .invalidURL(
                url: redact(original),
                reason: "several hosts (\(host)) are not supported; give one host, or one hostaddr as a parameter")
        }
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else {
                throw .invalidURL(url: redact(original), reason: "unclosed \"[\" in the host")
            }
            url.host = String(host[host.index(after: host.startIndex)..<close])
            host = host[host.index(after: close)...]
            if host.hasPrefix(":") {
                url.port = try port(String(host.dropFirst()), original)
            } else if !host.isEmpty {
                throw .invalidURL(url: redact(original), reason: "unexpected \"\(host)\" after the host")
            }
        } else if let colon = host.lastIndex(of: ":") {
            url.host = host[..<colon].isEmpty ? nil : String(host[..<colon])
            url.port = try port(String(host[host.index(after: colon)...]), original)
        } else if !host.isEmpty {
            url.host = percentDecoded(String(host))
        }
        return url
    }

    private static func port(_ text: String, _ original: String) throws(IntrospectError) -> Int {
        guard let value = Int(text), (1...65535).contains(value) else {
            throw .invalidURL(url: redact(original), reason: "port \"\(text)\" is not a number from 1 to 65535")
        }
        return value
    }

    /// The URL with its password replaced by `***`.
    public var description: String {
        switch self {
        case .sqlite(let path): return path.map { "sqlite:///" + $0 } ?? "sqlite://"
        case .postgresql(let url):
            var out = "postgresql://"
            if let user = url.user {
                out += user
                if url.password != nil { out += ":***" }
                out += "@"
            }
            if let host = url.host { out += host.contains(":") ? "[\(host)]" : host }
            if let port = url.port { out += ":\(port)" }
            if let db = url.database { out += "/" + db }
            if !url.parameters.isEmpty {
                out +=
                    "?" + url.parameters.map { "\($0.0)=\($0.0 == "password" ? "***" : $0.1)" }.joined(separator: "&")
            }
            return out
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
