import CAutogenLibPQ

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A connection to a PostgreSQL server through libpq: a thin, safe wrapper.
///
/// Parameters are always bound (`PQexecParams`), never spliced into the SQL; the connection is
/// opened with `PQconnectdbParams` from the URL's parts, never from a spliced conninfo string.
/// Errors carry the SQLSTATE and the statement; no message ever contains the password.
/// A connection is not thread-safe: use it from one task at a time.
public final class PostgresConnection {
    private var handle: OpaquePointer?
    /// The URL the connection was opened with.
    public let url: DatabaseURL.PostgresURL
    /// How many statements `query` and `execute` have sent; tests use it to check that catalog
    /// reading does not grow with the number of tables.
    public private(set) var queryCount = 0

    /// Connects to the server `url` names.
    ///
    /// Every part present in the URL is passed as a libpq keyword (`host`, `port`, `user`,
    /// `password`, `dbname`, then each query parameter such as `sslmode`); absent parts keep
    /// libpq's defaults. `connect_timeout` is 10 seconds and `client_encoding` UTF8 unless the
    /// URL says otherwise.
    public init(_ url: DatabaseURL.PostgresURL) throws(IntrospectError) {
        self.url = url
        let pairs = Self.connectionParameters(url)
        let keywords = pairs.map { strdup($0.0) }
        let values = pairs.map { strdup($0.1) }
        defer {
            keywords.forEach { free($0) }
            values.forEach { free($0) }
        }
        let keywordArray = keywords.map { UnsafePointer($0) } + [nil]
        let valueArray = values.map { UnsafePointer($0) } + [nil]
        let connection = PQconnectdbParams(keywordArray, valueArray, 0)
        guard let connection, PQstatus(connection) == CONNECTION_OK else {
            let raw = connection.map { String(cString: PQerrorMessage($0)) } ?? "out of memory"
            if let connection { PQfinish(connection) }
            throw .connectionFailed(
                url: DatabaseURL.postgresql(url).description, message: Self.cleanMessage(raw, password: url.password))
        }
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        handle = connection
    }

    deinit { close() }

    /// Closes the connection; later statements fail with SQLSTATE 08003.
    public func close() {
        if let handle { PQfinish(handle) }
        handle = nil
    }

    /// Whether the connection is open and outside any transaction block (`PQtransactionStatus`
    /// idle): what it reads, another connection would read too.
    public var isIdle: Bool {
        handle.map { PQtransactionStatus($0) == PQTRANS_IDLE } ?? false
    }

    /// Counts `statements` sent for this connection's work on another one (the catalog
    /// reader's second connection), so `queryCount` stays the whole count.
    func count(statements: Int) {
        queryCount += statements
    }

    /// The server's version as a number, such as 150004 for 15.4; 0 when closed.
    public func serverVersion() -> Int {
        handle.map { Int(PQserverVersion($0)) } ?? 0
    }

    /// Runs one statement with bound text parameters (`$1`, `$2`, ...; `nil` is SQL NULL) and
    /// returns its rows in text format.
    public func query(_ sql: String, _ parameters: [String?] = []) throws(IntrospectError) -> PostgresResult {
        let handle = try openHandle(sql)
        queryCount += 1
        let copies = parameters.map { $0.map { strdup($0) } ?? nil }
        defer { copies.forEach { free($0) } }
        let values = copies.map { $0.map { UnsafePointer($0) } }
        let result = PQexecParams(handle, sql, Int32(values.count), nil, values, nil, nil, 0)
        return try check(result, sql)
    }

    /// Runs a script of one or more statements without parameters (DDL, `BEGIN`, ...).
    public func execute(_ sql: String) throws(IntrospectError) {
        let handle = try openHandle(sql)
        queryCount += 1
        _ = try check(PQexec(handle, sql), sql)
    }

    private func openHandle(_ sql: String) throws(IntrospectError) -> OpaquePointer {
        guard let handle else {
            throw .sql(code: "08003", message: "the connection is closed", statement: sql)
        }
        return handle
    }

    /// The result if the statement succeeded; otherwise the error, with its SQLSTATE.
    private func check(_ result: OpaquePointer?, _ sql: String) throws(IntrospectError) -> PostgresResult {
        guard let result else {
            let message = handle.map { String(cString: PQerrorMessage($0)) } ?? "no result"
            throw .sql(code: "08006", message: Self.cleanMessage(message, password: url.password), statement: sql)
        }
        let status = PQresultStatus(result)
        if status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK || status == PGRES_EMPTY_QUERY {
            return PostgresResult(result)
        }
        let code = Self.field(result, "C") ?? "XX000"
        let message =
            Self.field(result, "M")
            ?? Self.cleanMessage(String(cString: PQresultErrorMessage(result)), password: url.password)
        PQclear(result)
        throw .sql(code: code, message: Self.redacting(message, password: url.password), statement: sql)
    }

    private static func field(_ result: OpaquePointer, _ code: Unicode.Scalar) -> String? {
        guard let text = PQresultErrorField(result, Int32(code.value)) else { return nil }
        return String(cString: text)
    }

    /// The libpq keyword/value pairs for `url`, in a fixed order.
    static func connectionParameters(_ url: DatabaseURL.PostgresURL) -> [(String, String)] {
        var pairs: [(String, String)] = []
        if let host = url.host { pairs.append(("host", host)) }
        if let port = url.port { pairs.append(("port", String(port))) }
        if let user = url.user { pairs.append(("user", user)) }
        if let password = url.password { pairs.append(("password", password)) }
        if let database = url.database { pairs.append(("dbname", database)) }
        pairs += url.parameters
        if !pairs.contains(where: { $0.0 == "connect_timeout" }) { pairs.append(("connect_timeout", "10")) }
        if !pairs.contains(where: { $0.0 == "client_encoding" }) { pairs.append(("client_encoding", "UTF8")) }
        return pairs
    }

    /// The first meaningful line of a libpq message, trimmed, without the password.
    static func cleanMessage(_ raw: String, password: String?) -> String {
        let lines = raw.split(whereSeparator: { $0.isNewline }).map { $0.trimmingWhitespace() }
        let line = lines.first { !$0.isEmpty } ?? "unknown error"
        return redacting(line.collapsingSpaces(), password: password)
    }

    /// `text` with every occurrence of `password` replaced by `***`.
    static func redacting(_ text: String, password: String?) -> String {
        guard let password, !password.isEmpty else { return text }
        var out = ""
        var rest = Substring(text)
        while let range = rest.range(of: password) {
            out += rest[..<range.lowerBound]
            out += "***"
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}

extension StringProtocol {
    /// Runs of spaces and tabs replaced by one space.
    func collapsingSpaces() -> String {
        split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}
