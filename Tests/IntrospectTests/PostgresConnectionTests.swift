import Introspect
import TestSupport
import Testing

/// URL shapes refused before anything connects: no server needed.
@Suite struct PostgresURLShapeTests {
    @Test func badURLShapesAreRefusedWithTheirReason() {
        #expect(
            throws: IntrospectError.invalidURL(
                url: "postgresql://u:***@h:99999/db", reason: "port \"99999\" is not a number from 1 to 65535")
        ) {
            _ = try DatabaseURL("postgresql://u:secret@h:99999/db")
        }
        do {
            _ = try DatabaseURL("mysql://u:secret@h/db")
            Issue.record("mysql:// parsed")
        } catch {
            #expect(error.description.contains("unknown database \"mysql\""))
            #expect(!error.description.contains("secret"))
        }
        #expect(throws: IntrospectError.self) { _ = try DatabaseURL("localhost/db") }
    }
}

/// Connection errors, SQL errors and parameter binding against a real server.
@Suite(.enabled(if: TestPostgres.isConfigured))
struct PostgresConnectionTests {
    @Test func wrongPasswordIsRefusedWithoutShowingIt() throws {
        let server = try TestPostgres.serverURL()
        let admin = try PostgresConnection(server)
        defer { admin.close() }
        try TestPostgres.ensurePasswordRole(admin)
        var url = server
        url.user = "autogen_password_test"
        url.password = "wrong-secret"
        do {
            _ = try PostgresConnection(url)
            Issue.record("a wrong password was accepted")
        } catch {
            guard case .connectionFailed(let shownURL, let message) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(message.contains("password authentication failed"))
            #expect(shownURL.contains("autogen_password_test:***@"))
            for text in [shownURL, message, error.description] {
                #expect(!text.contains("wrong-secret") && !text.contains("right-secret"))
            }
        }
        url.password = "right-secret"
        let good = try PostgresConnection(url)
        #expect(try good.query("SELECT current_user")[0, 0] == "autogen_password_test")
        #expect(good.serverVersion() >= 150000)
    }

    @Test func unreachableServerNamesTheHost() throws {
        guard
            case .postgresql(let url) = try DatabaseURL(
                "postgresql://postgres:pw-123@127.0.0.1:1/postgres?connect_timeout=2")
        else {
            Issue.record("not a PostgreSQL URL")
            return
        }
        do {
            _ = try PostgresConnection(url)
            Issue.record("connected to port 1")
        } catch {
            guard case .connectionFailed(let shownURL, let message) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(shownURL == "postgresql://postgres:***@127.0.0.1:1/postgres?connect_timeout=2")
            #expect(message.contains("127.0.0.1"))
            #expect(!message.contains("\n"))
            #expect(!error.description.contains("pw-123"))
        }
    }

    @Test func sqlErrorsCarrySQLStateAndStatement() throws {
        let connection = try PostgresConnection(try TestPostgres.serverURL())
        defer { connection.close() }
        let missing = "SELECT * FROM no_such_table_here"
        #expect(
            throws: IntrospectError.sql(
                code: "42P01", message: "relation \"no_such_table_here\" does not exist", statement: missing)
        ) {
            _ = try connection.query(missing)
        }
        do {
            try connection.execute("SELEC 1")
            Issue.record("a syntax error passed")
        } catch {
            #expect(error.code == "42601")
            guard case .sql(_, let message, let statement) = error else { return }
            #expect(message.contains("syntax error"))
            #expect(statement == "SELEC 1")
        }
        // The connection stays usable after an error.
        #expect(try connection.query("SELECT 1")[0, 0] == "1")
    }

    @Test func parametersAreBoundNotSpliced() throws {
        let connection = try PostgresConnection(try TestPostgres.serverURL())
        defer { connection.close() }
        let hostile = "x'; DROP TABLE x; --"
        let result = try connection.query("SELECT $1::text, $2::text, $3::int + 1", [hostile, nil, "41"])
        #expect(result.rowCount == 1 && result.columnCount == 3)
        #expect(result[0, 0] == hostile)
        #expect(result[0, 1] == nil)
        #expect(result.int(0, 2) == 42)
        let before = connection.queryCount
        _ = try connection.query("SELECT 1")
        try connection.execute("SELECT 1; SELECT 2")
        #expect(connection.queryCount == before + 2)
        connection.close()
        #expect(throws: IntrospectError.self) { _ = try connection.query("SELECT 1") }
    }
}
