import Introspect

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The PostgreSQL server the tests use, from `AUTOGEN_TEST_POSTGRES_URL`
/// (`scripts/pg-test-server.sh url` prints one).
public enum TestPostgres {
    /// The error when the URL is missing or cannot be used.
    public struct SetupError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Whether PostgreSQL suites should run: the URL is set, or `CI=true` (so that a missing URL
    /// fails the suite instead of skipping it).
    public static var isConfigured: Bool {
        environment("AUTOGEN_TEST_POSTGRES_URL") != nil || environment("CI") == "true"
    }

    /// The server's URL (its database is the one to connect to for administration).
    public static func serverURL() throws -> DatabaseURL.PostgresURL {
        guard let text = environment("AUTOGEN_TEST_POSTGRES_URL") else {
            throw SetupError(description: "AUTOGEN_TEST_POSTGRES_URL is not set (required when CI=true)")
        }
        guard case .postgresql(let url) = try DatabaseURL(text) else {
            throw SetupError(description: "AUTOGEN_TEST_POSTGRES_URL is not a postgresql:// URL")
        }
        return url
    }

    /// Runs `body` against a new, uniquely named, empty database, then closes the connection
    /// and drops the database, also when `body` throws. Tests running in parallel each get
    /// their own database.
    public static func withTemporaryDatabase<T>(
        _ body: (DatabaseURL.PostgresURL, PostgresConnection) throws -> T
    ) throws -> T {
        let server = try serverURL()
        let name = "autogen_test_" + String(UInt64.random(in: 0...UInt64.max), radix: 16)
        let admin = try PostgresConnection(server)
        defer { admin.close() }
        try admin.execute("CREATE DATABASE " + PostgresDialect.quoteIdentifier(name))
        defer {
            try? admin.execute("DROP DATABASE IF EXISTS " + PostgresDialect.quoteIdentifier(name) + " WITH (FORCE)")
        }
        var url = server
        url.database = name
        let connection = try PostgresConnection(url)
        defer { connection.close() }
        return try body(url, connection)
    }

    private static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }
}
