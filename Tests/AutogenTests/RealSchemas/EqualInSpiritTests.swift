import Foundation
import Introspect
import ModelDSL
import TestSupport
import Testing

@testable import Autogen

/// Issue #13 item 10: defaults and expressions that the database treats as the same are no
/// change (cases from Alembic's compare tests, where autogen used to report one).
@Suite struct EqualInSpiritTests {
    static let types: [ColumnType] = [
        .integer, .bigint, .numeric(), .numeric(10, 2), .real, .double, .boolean, .text, .varchar(10), .binary,
        .timestamp(), .json,
    ]
    static let literals: [DefaultValue] = [
        .integer(5), .integer(0), .integer(1), .integer(-3), .string("5"), .string("0"), .string("-3"),
        .string("5.2"), .string("5.20"), .decimal("5.2"), .decimal("5.0"), .string("5.0"), .decimal("1e3"),
        .string("1000"), .boolean(true), .boolean(false), .string("abc"), .string(" 5"), .string(""),
    ]

    /// Whatever `storedLiteral` calls equal, SQLite stores identically: checked by letting
    /// SQLite store every pair of literals in every column type and reading the values back.
    @Test func sqliteStoresWhatItsAffinityRuleCallsEqualIdentically() throws {
        let connection = try SQLiteConnection(path: nil)
        var checked = 0
        for (t, type) in Self.types.enumerated() {
            var columns: [String] = []
            for (i, value) in Self.literals.enumerated() {
                columns.append(
                    "c\(i) \(SQLiteDialect.typeSQL(type)) DEFAULT \(SQLiteDialect.defaultSQL(value, for: type))")
            }
            try connection.execute("CREATE TABLE t\(t) (id INTEGER PRIMARY KEY, \(columns.joined(separator: ", ")))")
            try connection.execute("INSERT INTO t\(t) (id) VALUES (1)")
            let select = Self.literals.indices.map { "quote(c\($0))" }.joined(separator: ", ")
            let stored = try connection.query("SELECT \(select) FROM t\(t)")[0].map { "\($0)" }
            for i in Self.literals.indices {
                for j in Self.literals.indices where i < j {
                    guard let a = SQLiteDialect.storedLiteral(Self.literals[i], for: type),
                        let b = SQLiteDialect.storedLiteral(Self.literals[j], for: type), a == b
                    else { continue }
                    checked += 1
                    #expect(
                        stored[i] == stored[j],
                        "\(type): \(Self.literals[i]) stores \(stored[i]), \(Self.literals[j]) stores \(stored[j])")
                }
            }
        }
        #expect(checked > 50)
    }

    @Test func sqliteDefaultsEqualInStorageAreNoChange() throws {
        let connection = try SQLiteConnection(path: nil)
        try connection.execute(
            """
            CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER DEFAULT 5, b INTEGER DEFAULT '0',
                c NUMERIC DEFAULT '5.2', d NUMERIC(10, 2) DEFAULT 5.2, e TEXT DEFAULT 5, f TEXT DEFAULT 'x')
            """)
        let database = try SQLiteCatalogReader(connection: connection).read()
        let model = Schema {
            Table("t") {
                Column("id", .integer).primaryKey()
                Column("a", .integer).default("5")
                Column("b", .integer).default(0)
                Column("c", .numeric()).default(5.2)
                Column("d", .numeric(10, 2)).default("5.2")
                Column("e", .text).default("5")
                Column("f", .text).default("y")
            }
        }
        let ops = Comparer.compare(model: model, database: database, dialect: SQLiteDialect.self).ops
        // Only f differs: 'x' and 'y' are different text.
        #expect(ops.map { $0.table?.name ?? "" } == ["t"], "\(ops)")
        let first = try #require(ops.first)
        guard case .alterColumn(let change) = first else {
            Issue.record("not an alterColumn: \(first)")
            return
        }
        #expect(change.existing.name == "f")
    }

    @Test(.enabled(if: TestPostgres.isConfigured)) func postgresNowAndCastsAreNoChange() throws {
        try TestPostgres.withTemporaryDatabase { url, connection in
            try connection.execute(
                """
                CREATE TABLE t (id integer PRIMARY KEY, a timestamptz DEFAULT now(), b timestamptz DEFAULT CURRENT_TIMESTAMP,
                    c timestamp DEFAULT transaction_timestamp(), y text, jb jsonb);
                CREATE INDEX ix_t_cast ON t (CAST(y AS INTEGER));
                CREATE INDEX ix_t_jb ON t (CAST(jb ->> 'foo' AS INTEGER));
                """)
            let model = Schema {
                Table("t") {
                    Column("id", .integer).primaryKey()
                    Column("a", .timestamp(withTimeZone: true)).default(.sql("CURRENT_TIMESTAMP"))
                    Column("b", .timestamp(withTimeZone: true)).default(.sql("now()"))
                    Column("c", .timestamp()).default(.sql("now()"))
                    Column("y", .text)
                    Column("jb", .jsonb)
                    Index("ix_t_cast", expressions: ["CAST(y AS INTEGER)"])
                    Index("ix_t_jb", expressions: ["CAST(jb ->> 'foo' AS INTEGER)"])
                }
            }
            let ops = try OneRevisionMigration(.postgresql(url)).compare(model)
            #expect(ops.isEmpty, "\(ops)")
            // A cast to another type, or another function, is still a change.
            #expect(
                PostgresDialect.normalizeExpression("CAST(y AS bigint)")
                    != PostgresDialect.normalizeExpression("(y)::integer"))
            #expect(
                PostgresDialect.normalizeExpression("clock_timestamp()") != PostgresDialect.normalizeExpression("now()")
            )
            #expect(
                PostgresDialect.normalizeExpression("LOCALTIMESTAMP") != PostgresDialect.normalizeExpression("now()"))
            // A column named so keeps its name (review).
            #expect(
                PostgresDialect.normalizeExpression(#""current_timestamp" > a"#)
                    != PostgresDialect.normalizeExpression("now() > a"))
        }
    }

    /// A unique the model leaves unnamed matches the database's unique on the same columns,
    /// whatever the database named it; a name the model gives must match.
    @Test func anUnnamedUniqueMatchesByColumns() throws {
        let connection = try SQLiteConnection(path: nil)
        try connection.execute(
            "CREATE TABLE u (id INTEGER PRIMARY KEY, x INTEGER, y INTEGER, CONSTRAINT db_generated_name UNIQUE (x))")
        let database = try SQLiteCatalogReader(connection: connection).read()
        func ops(_ table: Table) -> [MigrationOp] {
            Comparer.compare(model: Schema { table }, database: database, dialect: SQLiteDialect.self).ops
        }
        let unnamed = Table("u") {
            Column("id", .integer).primaryKey()
            Column("x", .integer).unique()
            Column("y", .integer)
        }
        #expect(ops(unnamed).isEmpty, "\(ops(unnamed))")
        let named = Table("u") {
            Column("id", .integer).primaryKey()
            Column("x", .integer)
            Column("y", .integer)
            Unique("uq_u_x", "x")
        }
        #expect(ops(named).count == 2, "an explicit name is the name: \(ops(named))")
        let other = Table("u") {
            Column("id", .integer).primaryKey()
            Column("x", .integer)
            Column("y", .integer).unique()
        }
        #expect(ops(other).count == 2, "other columns: \(ops(other))")
    }
}
