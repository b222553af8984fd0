import Dispatch

/// Catalog queries run on a second connection, on a thread of their own, while the reader's
/// connection runs the others: the server works on both at once, one backend each, and the
/// reader parses what it has while the rest is still being read.
///
/// The second connection reads the same snapshot as the first (exported by the reader's
/// `REPEATABLE READ` transaction, imported with `SET TRANSACTION SNAPSHOT`), so both see the
/// catalog as of one moment, and the first one's session settings that shape the text of
/// definitions (`sessionSettings`). When the second connection cannot be opened or cannot take
/// the snapshot (connection limit, a pooler that does not allow it), fails, or has not answered
/// within `timeout` (a pooler whose one server connection the first holds), `wait()` says so
/// and the reader runs the queries itself.
final class PostgresSideQueries: @unchecked Sendable {
    /// One query and its bound parameters.
    struct Query: Sendable {
        var sql: String
        var parameters: [String?]
    }

    /// The settings that change how the server spells types and definitions, copied from the
    /// first connection: `search_path` (which names are qualified), `TimeZone`, `DateStyle`,
    /// `IntervalStyle`.
    static let sessionSettings = ["search_path", "TimeZone", "DateStyle", "IntervalStyle"]
    /// How long `wait()` waits for the second connection before the reader runs the queries.
    static let timeout: DispatchTimeInterval = .seconds(10)

    private let group = DispatchGroup()
    // Written by the worker before `group.leave()`, read after `group.wait()`.
    private var outcome: Result<[PostgresResult], IntrospectError>?
    private var statements = 0

    /// Starts `queries` on a new connection to `url` that reads `snapshot` with `settings` (the
    /// values of `sessionSettings`, in order; none to keep the new connection's).
    init(url: DatabaseURL.PostgresURL, snapshot: String, settings: [String] = [], queries: [Query]) {
        group.enter()
        DispatchQueue.global().async { [self] in
            defer { group.leave() }
            run(url: url, snapshot: snapshot, settings: settings, queries: queries)
        }
    }

    private func run(url: DatabaseURL.PostgresURL, snapshot: String, settings: [String], queries: [Query]) {
        // A snapshot id is hexadecimal digits and dashes (`00000003-0000001B-1`); anything else
        // is not spliced into SQL.
        guard !snapshot.isEmpty, snapshot.allSatisfy({ $0.isHexDigit || $0 == "-" }) else { return }
        let connection: PostgresConnection
        do {
            connection = try PostgresConnection(url)
        } catch {
            return
        }
        defer {
            statements = connection.queryCount
            connection.close()
        }
        do throws(IntrospectError) {
            try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            try connection.execute("SET TRANSACTION SNAPSHOT '" + snapshot + "'")
            if settings.count == Self.sessionSettings.count {
                let assignments = Self.sessionSettings.indices.map {
                    "pg_catalog.set_config('\(Self.sessionSettings[$0])', $\($0 + 1), true)"
                }
                _ = try connection.query("SELECT " + assignments.joined(separator: ", "), settings.map(Optional.some))
            }
        } catch {
            return
        }
        var results: [PostgresResult] = []
        do throws(IntrospectError) {
            for query in queries { results.append(try connection.query(query.sql, query.parameters)) }
            outcome = .success(results)
            try connection.execute("COMMIT")
        } catch {
            if case .success = outcome { return }
            outcome = .failure(error)
        }
    }

    /// Waits for the queries, `timeout` at most: their results in order, `nil` when the second
    /// connection could not be used (nothing was run) or did not answer in time, or the first
    /// query's error. `statements` is how many statements the second connection sent.
    func wait(timeout: DispatchTimeInterval = PostgresSideQueries.timeout) -> (
        results: Result<[PostgresResult], IntrospectError>?, statements: Int
    ) {
        // Past the timeout the worker may still write: nothing of it is read.
        guard group.wait(timeout: .now() + timeout) == .success else { return (nil, 0) }
        return (outcome, statements)
    }
}
