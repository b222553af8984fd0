import Foundation
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

    /// Whether PostgreSQL suites should run: the URL is set, or `CI` is set to anything but a
    /// false value (`CI=true`, `CI=1`, `CI=True`), so that a missing URL fails the suite
    /// instead of skipping it.
    /// Each suite or test skipped this way is counted, and the count is printed when the test
    /// process ends (after the runner's summary), so a run without PostgreSQL never looks whole.
    public static var isConfigured: Bool {
        let configured = environment("AUTOGEN_TEST_POSTGRES_URL") != nil || isCI
        if !configured { SkipCount.shared.add() }
        return configured
    }

    /// Whether `CI` is set to a value other than `0`, `false`, `no` or `off` (any case).
    public static var isCI: Bool {
        guard let value = environment("CI") else { return false }
        return !["0", "false", "no", "off"].contains(value.lowercased())
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

    /// `url` as autogen.ini spells it, password included (`DatabaseURL.description` hides it).
    public static func text(_ url: DatabaseURL.PostgresURL) -> String {
        var out = "postgresql://" + (url.user ?? "")
        if let password = url.password { out += ":" + password }
        if url.user != nil || url.password != nil { out += "@" }
        out += (url.host ?? "") + (url.port.map { ":\($0)" } ?? "") + "/" + (url.database ?? "")
        return out
    }

    /// The role that logs in with a password (the test server's pg_hba.conf asks it for one,
    /// over scram-sha-256), and its password.
    public static let passwordRole = "autogen_password_test"
    public static let passwordRoleSecret = "right-secret"

    /// Creates `passwordRole` (cluster-wide) or resets its password; safe when tests race.
    public static func ensurePasswordRole(_ connection: PostgresConnection) throws {
        try connection.execute(
            """
            DO $$ BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '\(passwordRole)') THEN
                    CREATE ROLE \(passwordRole) LOGIN PASSWORD '\(passwordRoleSecret)';
                ELSE
                    ALTER ROLE \(passwordRole) LOGIN PASSWORD '\(passwordRoleSecret)';
                END IF;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
            END $$
            """)
    }

    private static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }
}

/// How many suites and tests were skipped, per reason; printed at process exit.
final class SkipCount: @unchecked Sendable {
    static let shared = SkipCount()
    static let postgres =
        "PostgreSQL suite(s) or test(s) were skipped: AUTOGEN_TEST_POSTGRES_URL is not set (scripts/test.sh starts a throwaway server and sets it)"
    private var counts: [String: Int] = [:]
    private var registered = false
    private let lock = NSLock()

    func add(_ reason: String = SkipCount.postgres) {
        lock.lock()
        defer { lock.unlock() }
        counts[reason, default: 0] += 1
        if !registered {
            registered = true
            atexit { SkipCount.shared.report() }
        }
    }

    private func report() {
        for (reason, count) in counts.sorted(by: { $0.key < $1.key }) {
            let line = "note: \(count) \(reason)\n"
            _ = line.withCString { write(2, $0, strlen($0)) }
        }
    }
}
