import Introspect
import ModelDSL
import TestSupport
import Testing

@testable import Autogen

/// Item 10 of the data-safety issue: autogen never writes a migration the database rejects
/// for a change it chose to make: an identity added to a nullable column, and generated
/// columns (read as generated, never as a default).
@Suite struct GeneratedAndIdentityTests {
    /// Runs the ops compare finds for `model` against the database at `url`, then compares again.
    static func migrate(_ model: Schema, _ url: DatabaseURL) throws -> (first: CompareResult, after: CompareResult) {
        let database = try Introspector.read(url: url).schema
        let dialect: any SQLCompiling.Type
        if case .sqlite = url { dialect = SQLiteDialect.self } else { dialect = PostgresDialect.self }
        let first = Comparer.compare(model: model, database: database, dialect: dialect)
        let statements = try dialect.statements(for: first.ops, current: database)
        for statement in statements where !statement.sql.hasPrefix("PRAGMA") {
            _ = try runtimeQuery(url, statement.sql)
        }
        let after = Comparer.compare(model: model, database: try Introspector.read(url: url).schema, dialect: dialect)
        return (first, after)
    }

    @Test(.enabled(if: TestPostgres.isConfigured)) func anIdentityAddedToANullableColumn() throws {
        try TestPostgres.withTemporaryDatabase { parts, connection in
            try connection.execute("CREATE TABLE t (id integer PRIMARY KEY, n integer DEFAULT 7)")
            try connection.execute("INSERT INTO t VALUES (1, 10), (2, 20)")
            let model = Schema {
                Table("t") {
                    Column("id", .integer).primaryKey()
                    Column("n", .integer).notNull().identity()
                }
            }
            let (first, after) = try Self.migrate(model, .postgresql(parts))
            #expect(first.ops.count == 1)
            #expect(after.ops == [], "\(SwiftRenderer.render(after.ops))")
            #expect(try runtimeQuery(.postgresql(parts), "SELECT n FROM t ORDER BY id") == [["10"], ["20"]])
        }
    }

    @Test(.enabled(if: TestPostgres.isConfigured)) func generatedColumnsOnPostgres() throws {
        try TestPostgres.withTemporaryDatabase { parts, connection in
            let url = DatabaseURL.postgresql(parts)
            try connection.execute(
                "CREATE TABLE t (id integer PRIMARY KEY, a integer, twice integer GENERATED ALWAYS AS (a * 2) STORED)")
            let read = try #require(Introspector.read(url: url).schema.table("t")?.column("twice"))
            #expect(read.generated == Generated("a * 2") && read.defaultValue == nil)
            // A plain column in the model: a diagnostic, and no op the server would refuse.
            let plain = Schema {
                Table("t") {
                    Column("id", .integer).primaryKey()
                    Column("a", .integer)
                    Column("twice", .integer)
                }
            }
            let (first, _) = try Self.migrate(plain, url)
            #expect(first.ops == [])
            #expect(first.diagnostics.map(\.kind) == [.generatedColumnChange], "\(first.diagnostics)")
            // The model says what the database holds: no change; a new generated column is added.
            let model = Schema {
                Table("t") {
                    Column("id", .integer).primaryKey()
                    Column("a", .integer)
                    Column("twice", .integer).generated("a * 2")
                    Column("label", .text).generated("'#' || a::text")
                }
            }
            _ = try runtimeQuery(url, "INSERT INTO t (id, a) VALUES (1, 21)")
            let (added, after) = try Self.migrate(model, url)
            #expect(added.ops.count == 1)
            #expect(
                after.ops == [] && after.diagnostics == [], "\(SwiftRenderer.render(after.ops)) \(after.diagnostics)")
            #expect(try runtimeQuery(url, "SELECT twice, label FROM t") == [["42", "#21"]])
        }
    }

    @Test func generatedColumnsOnSQLiteSurviveARebuild() throws {
        let (url, path) = temporarySQLiteURL()
        let connection = try SQLiteConnection(path: path)
        try connection.execute(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, twice INTEGER GENERATED ALWAYS AS (a * 2) VIRTUAL, s TEXT AS (upper(b)) STORED, b TEXT)"
        )
        try connection.execute("INSERT INTO t (id, a, b) VALUES (1, 21, 'x')")
        let table = try #require(Introspector.read(url: url).schema.table("t"))
        #expect(table.column("twice")?.generated == Generated("a * 2", stored: false))
        #expect(table.column("s")?.generated == Generated("upper(b)", stored: true))
        // Making b NOT NULL rebuilds the table: the generated columns stay generated.
        var model = Schema(tables: [table])
        model.tables[0].columns[4].isNullable = false
        let (first, after) = try Self.migrate(model, url)
        #expect(first.diagnostics.map(\.kind) == [.tableRebuild])
        #expect(after.ops == [] && after.diagnostics == [], "\(SwiftRenderer.render(after.ops))")
        #expect(try runtimeQuery(url, "SELECT twice, s FROM t") == [["42", "X"]])
    }

    /// A rebuild never writes into a generated column, but copies the values of one that
    /// becomes plain (reading a generated column is allowed).
    @Test func aRebuildCopiesFromAColumnThatWasGenerated() {
        let old = Table("t") {
            Column("id", .integer).primaryKey()
            Column("a", .integer)
            Column("twice", .integer).generated("a * 2")
        }
        var plain = old
        plain.columns[2].generated = nil
        let copy = SQLiteDialect.rebuild(from: old, to: plain, renames: [:]).map(\.sql).first { $0.hasPrefix("INSERT") }
        #expect(copy?.contains("(\"id\", \"a\", \"twice\") SELECT \"id\", \"a\", \"twice\"") == true, "\(copy ?? "")")
        let back = SQLiteDialect.rebuild(from: plain, to: old, renames: [:]).map(\.sql).first { $0.hasPrefix("INSERT") }
        #expect(back?.contains("(\"id\", \"a\") SELECT \"id\", \"a\" FROM") == true, "\(back ?? "")")
    }
}
