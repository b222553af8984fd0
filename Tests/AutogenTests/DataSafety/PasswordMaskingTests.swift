import Introspect
import ModelDSL
import TestSupport
import Testing

@testable import Autogen

/// Creates a role with a password, then fails: the error must not show the password.
struct RevRoleThenFail: Revision {
    static let id = "pw"
    static let downRevisions: [String] = []
    static let branchLabels: [String] = []
    static let dependsOn: [String] = []
    static let message = "role"
    static let createDate = ""
    func upgrade(_ op: Operations) throws {
        try op.execute("CREATE ROLE autogen_masking_test PASSWORD 'hunter2'; SELECT 1/0")
    }
    func downgrade(_ op: Operations) throws {}
}

/// Item 9 of the data-safety issue: a password in a failing statement is masked.
@Suite struct PasswordMaskingTests {
    @Test(arguments: [
        ("CREATE ROLE x PASSWORD 'hunter2'", "CREATE ROLE x PASSWORD '***'"),
        (
            "alter role x with encrypted password 'it''s' valid until 'x'",
            "alter role x with encrypted password '***' valid until 'x'"
        ),
        ("CREATE USER u PASSWORD E'a\\'b'; SELECT 1", "CREATE USER u PASSWORD '***'; SELECT 1"),
        ("CREATE ROLE r PASSWORD $pw$ secret $pw$", "CREATE ROLE r PASSWORD '***'"),
        ("CREATE ROLE r PASSWORD 'never closed", "CREATE ROLE r PASSWORD '***'"),
        (
            "SELECT password FROM users WHERE password_hash = 'keep'",
            "SELECT password FROM users WHERE password_hash = 'keep'"
        ),
        ("CREATE ROLE r PASSWORD NULL", "CREATE ROLE r PASSWORD NULL"),
    ])
    func masksTheLiteralAfterPassword(sql: String, shown: String) {
        #expect(StatementText.maskingPasswords(in: sql) == shown)
    }

    @Test func statementErrorsMaskPasswords() {
        let error = MigrationError.statementFailed(
            revision: "r", statement: "CREATE ROLE x PASSWORD 'hunter2'; SELECT 1/0", code: "22012",
            message: "division by zero")
        #expect(
            "\(error)" == "revision r failed: 22012: division by zero [in: CREATE ROLE x PASSWORD '***'; SELECT 1/0]")
        let sql = IntrospectError.sql(
            code: "42601", message: "bad PASSWORD 'hunter2'", statement: "ALTER ROLE x PASSWORD 'hunter2'")
        #expect("\(sql)" == "SQL error 42601: bad PASSWORD '***' [in: ALTER ROLE x PASSWORD '***']")
    }

    @Test(.enabled(if: TestPostgres.isConfigured)) func aFailingRevisionOnPostgresDoesNotShowThePassword() async throws
    {
        try await withTemporaryPostgres { parts in
            let runner = try runtimeRunner(.postgresql(parts), [RevRoleThenFail.self])
            await #expect {
                try await runner.upgrade()
            } throws: { error in
                let text = "\(error)"
                return !text.contains("hunter2") && text.contains("PASSWORD '***'") && text.contains("22012")
            }
            // The run rolled back: the role was not created.
            #expect(
                try runtimeQuery(.postgresql(parts), "SELECT 1 FROM pg_roles WHERE rolname = 'autogen_masking_test'")
                    == [])
        }
    }
}
