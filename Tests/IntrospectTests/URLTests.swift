import Introspect
import Testing

@Suite struct DatabaseURLTests {
    @Test func postgresURLWithEverything() throws {
        let url = try DatabaseURL(
            "postgresql://app:s3cr%40t@db.example:6543/shop?sslmode=require&application_name=autogen")
        guard case .postgresql(let parts) = url else {
            Issue.record("expected a PostgreSQL URL")
            return
        }
        #expect(parts.user == "app")
        #expect(parts.password == "s3cr@t")
        #expect(parts.host == "db.example")
        #expect(parts.port == 6543)
        #expect(parts.database == "shop")
        #expect(parts.parameters.map(\.0) == ["sslmode", "application_name"])
        #expect(url.description == "postgresql://app:***@db.example:6543/shop?sslmode=require&application_name=autogen")
        #expect(!url.description.contains("s3cr"))
    }

    @Test func postgresURLMinimalAndIPv6() throws {
        guard case .postgresql(let a) = try DatabaseURL("postgres://localhost/db") else {
            Issue.record("expected PostgreSQL")
            return
        }
        #expect(a.host == "localhost" && a.port == nil && a.user == nil && a.database == "db")
        guard case .postgresql(let b) = try DatabaseURL("postgresql://u@[::1]:5433/x") else {
            Issue.record("expected PostgreSQL")
            return
        }
        #expect(b.host == "::1" && b.port == 5433 && b.user == "u")
    }

    @Test func sqliteURLs() throws {
        #expect(try DatabaseURL("sqlite:///app.db") == .sqlite(path: "app.db"))
        #expect(try DatabaseURL("sqlite:////var/lib/app.db") == .sqlite(path: "/var/lib/app.db"))
        #expect(try DatabaseURL("sqlite://") == .sqlite(path: nil))
        #expect(try DatabaseURL("sqlite:///:memory:") == .sqlite(path: nil))
        #expect(try DatabaseURL("sqlite:///app.db").description == "sqlite:///app.db")
    }

    @Test(arguments: [
        ("mysql://u:pw-secret@h/db", "unknown database \"mysql\""),
        ("postgresql://u:pw-secret@h:99999/db", "port \"99999\""),
        ("postgresql://u:pw-secret@h:abc/db", "port \"abc\""),
        ("just-a-path.db", "expected scheme://"),
        ("sqlite://relative.db", "three slashes"),
        ("postgresql://u:pw-secret@h/db?sslmode", "query parameter \"sslmode\""),
    ])
    func badURLsSayWhatIsWrongWithoutThePassword(text: String, expected: String) {
        do {
            _ = try DatabaseURL(text)
            Issue.record("\(text) should not parse")
        } catch {
            #expect(error.description.contains(expected), "\(error.description)")
            #expect(!error.description.contains("pw-secret"), "\(error.description)")
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func redactHidesPasswordsInAnyURLShapedText() {
        #expect(DatabaseURL.redact("postgresql://u:p@h/db") == "postgresql://u:***@h/db")
        #expect(DatabaseURL.redact("postgresql://u@h/db") == "postgresql://u@h/db")
        #expect(DatabaseURL.redact("no url here") == "no url here")
    }
}
