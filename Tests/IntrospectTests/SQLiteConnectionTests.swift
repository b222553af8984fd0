import Foundation
import Introspect
import Testing

@Suite("SQLite connection")
struct SQLiteConnectionTests {
    /// A path in a fresh temporary folder, removed after `body`.
    func withTemporaryPath(_ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "autogen-sqlite-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder.appendingPathComponent("test.db").path)
    }

    @Test("a failing statement carries the extended result code, the message and the statement")
    func errorCarriesCodeAndStatement() throws {
        let connection = try SQLiteConnection(path: nil)
        try connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, email TEXT UNIQUE)")
        try connection.execute("INSERT INTO t (email) VALUES ('a@example.com')")
        let insert = "INSERT INTO t (email) VALUES (?)"
        let error = #expect(throws: IntrospectError.self) {
            _ = try connection.query(insert, [.text("a@example.com")])
        }
        guard case .sql(let code, let message, let statement)? = error else {
            Issue.record("expected .sql, got \(String(describing: error))")
            return
        }
        #expect(code == "SQLITE_CONSTRAINT_UNIQUE (2067)")
        #expect(message == "UNIQUE constraint failed: t.email")
        #expect(statement == insert)

        let syntax = #expect(throws: IntrospectError.self) { try connection.execute("CREATE TABLE (") }
        #expect(syntax?.code == "SQLITE_ERROR (1)")
        #expect(syntax.map { "\($0)" }?.contains("[in: CREATE TABLE (]") == true)
    }

    @Test("a missing file with create: false is a connection error; with create: true it is made")
    func missingFile() throws {
        try withTemporaryPath { path in
            let error = #expect(throws: IntrospectError.self) { _ = try SQLiteConnection(path: path, create: false) }
            #expect(error == .connectionFailed(url: "sqlite:///" + path, message: "no such database file"))
            #expect(!FileManager.default.fileExists(atPath: path))
            let created = try SQLiteConnection(path: path)
            try created.execute("CREATE TABLE t (x)")
            #expect(FileManager.default.fileExists(atPath: path))
            let reopened = try SQLiteConnection(path: path, create: false)
            #expect(try reopened.query("SELECT name FROM sqlite_schema") == [[.text("t")]])
        }
    }

    @Test("parameters are bound, never spliced")
    func parametersAreBound() throws {
        let connection = try SQLiteConnection(path: nil)
        try connection.execute("CREATE TABLE t (a, b, c, d, e)")
        let hostile = "x'); DROP TABLE t; --"
        _ = try connection.query(
            "INSERT INTO t VALUES (?, ?, ?, ?, ?)", [.text(hostile), .integer(-7), .real(1.5), .blob([0, 255]), .null])
        _ = try connection.query(
            "INSERT INTO t VALUES (?, ?, ?, ?, ?)", [.text(""), .integer(0), .real(0), .blob([]), .text("é")])
        let rows = try connection.query("SELECT a, b, c, d, e, typeof(d) FROM t ORDER BY rowid")
        #expect(
            rows == [
                [.text(hostile), .integer(-7), .real(1.5), .blob([0, 255]), .null, .text("blob")],
                [.text(""), .integer(0), .real(0), .blob([]), .text("é"), .text("blob")],
            ])
        #expect(try connection.query("SELECT count(*) FROM t WHERE a = ?", [.text(hostile)]) == [[.integer(1)]])
        let mismatch = #expect(throws: IntrospectError.self) { _ = try connection.query("SELECT ?", []) }
        #expect(mismatch?.code == "SQLITE_RANGE (25)")
    }

    @Test("query refuses a script, counts statements, and foreign keys are enforced")
    func queryCountAndForeignKeys() throws {
        let connection = try SQLiteConnection(path: nil)
        #expect(connection.queryCount == 0)
        #expect(try connection.query("PRAGMA foreign_keys") == [[.integer(1)]])
        #expect(connection.queryCount == 1)
        #expect(try connection.query("SELECT 1;") == [[.integer(1)]])
        #expect(try connection.query("SELECT 2 -- a comment\n ;  ") == [[.integer(2)]])
        // Long single statements, many times: the tail check must never read freed memory.
        let long = "SELECT " + (0..<64).map { "CAST(\($0) AS TEXT)" }.joined(separator: ", ")
        for _ in 0..<200 { #expect(try connection.query(long).first?.count == 64) }
        let script = #expect(throws: IntrospectError.self) { _ = try connection.query("SELECT 1; SELECT 2") }
        #expect(script?.code == "SQLITE_MISUSE (21)")
        try connection.execute("CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (p INTEGER REFERENCES p (id))")
        let violation = #expect(throws: IntrospectError.self) { try connection.execute("INSERT INTO c VALUES (42)") }
        #expect(violation?.code == "SQLITE_CONSTRAINT_FOREIGNKEY (787)")
        var seen: [String?] = []
        try connection.forEachRow("SELECT 'a' UNION ALL SELECT NULL") { row in seen.append(row.string(0)) }
        #expect(seen == ["a", nil])
    }
}
