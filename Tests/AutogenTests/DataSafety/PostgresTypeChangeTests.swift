import Introspect
import ModelDSL
import TestSupport
import Testing

@testable import Autogen

/// Shrinks `title` from varchar(10) to varchar(5).
struct RevShrinkTitle: Revision {
    static let id = "s2"
    static let downRevisions = ["s1"]
    static let branchLabels: [String] = []
    static let dependsOn: [String] = []
    static let message = "shrink title"
    static let createDate = ""
    func upgrade(_ op: Operations) throws {
        try op.alterColumn("album", "title", type: .varchar(5), existing: Column("title", .varchar(10)))
    }
    func downgrade(_ op: Operations) throws {
        try op.alterColumn("album", "title", type: .varchar(10), existing: Column("title", .varchar(5)))
    }
}

struct RevAlbum: Revision {
    static let id = "s1"
    static let downRevisions: [String] = []
    static let branchLabels: [String] = []
    static let dependsOn: [String] = []
    static let message = "album"
    static let createDate = ""
    func upgrade(_ op: Operations) throws {
        try op.createTable("album") {
            Column("id", .integer).primaryKey()
            Column("title", .varchar(10))
        }
        try op.execute("INSERT INTO album VALUES (1, 'abcdefghij'), (2, 'abc')")
    }
    func downgrade(_ op: Operations) throws { try op.dropTable("album") }
}

/// Item 1 of the data-safety issue: a type change never cuts or rounds a value silently.
@Suite(.enabled(if: TestPostgres.isConfigured)) struct PostgresTypeChangeTests {
    /// A value that does not fit the narrower type fails the upgrade (22001); nothing is cut.
    @Test func shrinkingAColumnFailsInsteadOfTruncating() async throws {
        try await withTemporaryPostgres { parts in
            let url = DatabaseURL.postgresql(parts)
            let runner = try runtimeRunner(url, [RevAlbum.self, RevShrinkTitle.self])
            try await runner.upgrade(to: "s1")
            await #expect {
                try await runner.upgrade()
            } throws: { error in
                "\(error)".contains("revision s2 failed: 22001")
            }
            #expect(try runtimeQuery(url, "SELECT title FROM album ORDER BY id") == [["abcdefghij"], ["abc"]])
            #expect(try runner.current().heads == ["s1"])
            _ = try runtimeQuery(url, "UPDATE album SET title = 'abcde' WHERE id = 1")
            try await runner.upgrade()
            #expect(try runtimeQuery(url, "SELECT title FROM album ORDER BY id") == [["abcde"], ["abc"]])
        }
    }

    /// `convertsByAssignment` says exactly when PostgreSQL alters a column's type without
    /// `USING`: every pair of these types is tried on the server.
    @Test func assignmentCastsAgreeWithTheServer() throws {
        let types: [ColumnType] = [
            .smallint, .integer, .bigint, .numeric(10, 2), .numeric(10, 1), .real, .double, .boolean, .text,
            .varchar(10), .varchar(5), .char(5), .date, .time(), .time(withTimeZone: true), .timestamp(),
            .timestamp(withTimeZone: true), .interval, .json, .jsonb, .uuid, .binary, .enumeration("mood"),
            .array(.integer), .array(.text), .raw("bit(4)"), .raw("bit varying(8)"),
            .raw("timestamp(3) without time zone"),
        ]
        try TestPostgres.withTemporaryDatabase { _, connection in
            try connection.execute("CREATE TYPE mood AS ENUM ('sad', 'ok')")
            var wrong: [String] = []
            for from in types {
                for to in types where from != to {
                    let table = "t"
                    try connection.execute("BEGIN")
                    try connection.execute(
                        "CREATE TABLE \(table) (c \(PostgresDialect.typeSQL(from)))")
                    let accepted: Bool
                    do {
                        try connection.execute(
                            "ALTER TABLE \(table) ALTER COLUMN c TYPE \(PostgresDialect.typeSQL(to))")
                        accepted = true
                    } catch {
                        accepted = false
                    }
                    try connection.execute("ROLLBACK")
                    if accepted != PostgresDialect.convertsByAssignment(from: from, to: to) {
                        wrong.append("\(from) -> \(to): server \(accepted ? "accepts" : "refuses") it without USING")
                    }
                }
            }
            #expect(wrong == [])
        }
    }

    /// A rounding change is a warning that says so; a widening gets no note.
    @Test func diagnosticsSayWhatATypeChangeDoesToValues() {
        func diagnostics(_ from: ColumnType, _ to: ColumnType) -> [String] {
            let database = Schema { Table("t") { Column("c", from) } }
            let model = Schema { Table("t") { Column("c", to) } }
            return Comparer.compare(model: model, database: database, dialect: PostgresDialect.self)
                .diagnostics.map(\.description)
        }
        #expect(diagnostics(.char(20), .char(30)) == [])
        #expect(diagnostics(.varchar(160), .varchar(200)) == [])
        #expect(diagnostics(.text, .varchar()) == [])
        #expect(
            diagnostics(.numeric(10, 2), .numeric(10, 1)) == [
                "warning: changing the type of t.c from numeric(10,2) to numeric(10,1) rounds existing values to 1 decimal place [type-change-loses-precision]"
            ])
        #expect(diagnostics(.double, .integer).first?.hasSuffix("[type-change-loses-precision]") == true)
        #expect(diagnostics(.timestamp(), .date).first?.contains("drops the time of day") == true)
        #expect(
            diagnostics(.varchar(10), .varchar(5)) == [
                "note: changing the type of t.c from varchar(10) to varchar(5) may fail on existing rows [type-change-may-fail]"
            ])
    }
}
