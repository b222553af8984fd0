import Dispatch

/// Catalog queries run on a second connection, on a thread of their own, while the reader's
/// connection runs the others: the server works on both at once, one backend each, and the
/// reader parses what it has while the rest is still being read.
///
/// The second connection reads the same snapshot as the first (exported by the reader's
/// `REPEATABLE READ` transaction, imported with `SET TRANSACTION SNAPSHOT`), so both see the
/// catalog as of one moment. When the second connection cannot be opened or cannot take the
/// snapshot (connection limit, a pooler that does not allow it), `wait()` says so and the
/// reader runs the queries itself.
final class PostgresSideQueries: @unchecked Sendable {
    /// One query and its bound parameters.
    struct Query: Sendable {
        var sql: String
        var parameters: [String?]
    }

    private let group = DispatchGroup()
    // Written by the worker before `group.leave()`, read after `group.wait()`.
    private var outcome: Result<[PostgresResult], IntrospectError>?
    private var statements = 0

    /// Starts `queries` on a new connection to `url` that reads `snapshot`.
    init(url: DatabaseURL.PostgresURL, snapshot: String, queries: [Query]) {
        group.enter()
        DispatchQueue.global().async { [self] in
            defer { group.leave() }
            run(url: url, snapshot: snapshot, queries: queries)
        }
    }

    private func run(url: DatabaseURL.PostgresURL, snapshot: String, queries: [Query]) {
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

    /// Waits for the queries: their results in order, `nil` when the second connection could
    /// not be used (nothing was run), or the first query's error. `statements` is how many
    /// statements the second connection sent.
    func wait() -> (results: Result<[PostgresResult], IntrospectError>?, statements: Int) {
        group.wait()
        return (outcome, statements)
    }
}
