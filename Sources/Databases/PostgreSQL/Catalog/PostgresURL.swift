/// PostgreSQL URLs: `postgresql://user:pass@host:port/db?sslmode=require` (also `postgres://`).
extension DatabaseURL {
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

    static func parsePostgres(_ rest: String, original: String) throws(IntrospectError) -> PostgresURL {
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
}

extension DatabaseURL.PostgresURL {
    /// The URL with its password replaced by `***`.
    var redactedDescription: String {
        var out = "postgresql://"
        if let user {
            out += user
            if password != nil { out += ":***" }
            out += "@"
        }
        if let host { out += host.contains(":") ? "[\(host)]" : host }
        if let port { out += ":\(port)" }
        if let database { out += "/" + database }
        if !parameters.isEmpty {
            out += "?" + parameters.map { "\($0.0)=\($0.0 == "password" ? "***" : $0.1)" }.joined(separator: "&")
        }
        return out
    }

    /// The URL with its password, percent-escaped so that parsing it gives these parts back:
    /// for handing to another autogen process, never for printing.
    var unredactedText: String {
        func escaped(_ text: String) -> String {
            var out = ""
            for byte in text.utf8 {
                let c = Character(Unicode.Scalar(byte))
                if byte < 0x80, c.isLetter || c.isNumber || "-._~".contains(c) {
                    out.append(c)
                } else {
                    out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
                }
            }
            return out
        }
        var out = "postgresql://"
        if let user {
            out += escaped(user)
            if let password { out += ":" + escaped(password) }
            out += "@"
        }
        if let host { out += host.contains(":") ? "[\(host)]" : host }
        if let port { out += ":\(port)" }
        if let database { out += "/" + escaped(database) }
        if !parameters.isEmpty {
            out += "?" + parameters.map { "\(escaped($0.0))=\(escaped($0.1))" }.joined(separator: "&")
        }
        return out
    }
}
