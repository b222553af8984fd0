import Introspect
import ModelDSL
import Testing

@Suite("SQLite dialect")
struct SQLiteDialectTests {
    static let types: [ColumnType] = [
        .smallint, .integer, .bigint, .numeric(), .numeric(10), .numeric(10, 2), .real, .double, .boolean, .text,
        .varchar(), .varchar(100), .char(32), .date, .time(), .time(withTimeZone: true), .timestamp(),
        .timestamp(withTimeZone: true), .interval, .json, .jsonb, .uuid, .binary, .raw("citext"), .raw(""),
    ]

    @Test("every neutral type reads back as itself", arguments: types)
    func typeRoundTrip(type: ColumnType) {
        #expect(SQLiteDialect.columnType(declared: SQLiteDialect.typeSQL(type)) == type)
    }

    @Test("type spellings")
    func typeSpellings() {
        #expect(SQLiteDialect.typeSQL(.numeric(10, 2)) == "NUMERIC(10, 2)")
        #expect(SQLiteDialect.typeSQL(.timestamp(withTimeZone: true)) == "TIMESTAMP WITH TIME ZONE")
        #expect(SQLiteDialect.typeSQL(.enumeration("s")) == "TEXT")
        #expect(SQLiteDialect.typeSQL(.array(.integer)) == "JSON")
        #expect(SQLiteDialect.typeSQL(.binary) == "BLOB")
        #expect(SQLiteDialect.columnType(declared: "DATETIME") == .timestamp())
        #expect(SQLiteDialect.columnType(declared: "int") == .integer)
        #expect(SQLiteDialect.columnType(declared: "CLOB") == .text)
        #expect(SQLiteDialect.columnType(declared: "  ") == .raw(""))
        #expect(SQLiteDialect.columnType(declared: "numeric( 10 ,  2 )") == .numeric(10, 2))
    }

    @Test("defaults are written and parsed back")
    func defaults() {
        #expect(SQLiteDialect.defaultSQL(.string("it's"), for: .text) == "'it''s'")
        #expect(SQLiteDialect.defaultSQL(.integer(-1), for: .integer) == "-1")
        #expect(SQLiteDialect.defaultSQL(.boolean(true), for: .boolean) == "TRUE")
        #expect(SQLiteDialect.defaultSQL(.sql("CURRENT_TIMESTAMP"), for: .timestamp()) == "CURRENT_TIMESTAMP")
        #expect(SQLiteDialect.defaultSQL(.sql("datetime('now')"), for: .timestamp()) == "(datetime('now'))")
        #expect(SQLiteDialect.defaultSQL(.sql("(1 + 2)"), for: .integer) == "(1 + 2)")

        #expect(SQLiteDialect.parseDefault("'x''y'", for: .text) == .string("x'y"))
        #expect(SQLiteDialect.parseDefault("0", for: .integer) == .integer(0))
        #expect(SQLiteDialect.parseDefault("-1", for: .integer) == .integer(-1))
        #expect(SQLiteDialect.parseDefault("1.5", for: .real) == .decimal("1.5"))
        #expect(SQLiteDialect.parseDefault("10.50", for: .numeric(10, 2)) == .decimal("10.50"))
        #expect(SQLiteDialect.parseDefault("true", for: .boolean) == .boolean(true))
        #expect(SQLiteDialect.parseDefault("FALSE", for: .integer) == .boolean(false))
        #expect(SQLiteDialect.parseDefault("1", for: .boolean) == .boolean(true))
        #expect(SQLiteDialect.parseDefault("(lower('A'))", for: .text) == .sql("lower('A')"))
        #expect(SQLiteDialect.parseDefault("('a')", for: .text) == .string("a"))
        #expect(SQLiteDialect.parseDefault("'a' || 'b'", for: .text) == .sql("'a' || 'b'"))
        #expect(SQLiteDialect.parseDefault("CURRENT_TIMESTAMP", for: .timestamp()) == .sql("CURRENT_TIMESTAMP"))
    }

    @Test("defaults as the catalog stores them read back as the model wrote them")
    func defaultsThroughSQLite() throws {
        let values: [(DefaultValue, ColumnType)] = [
            (.string("it's"), .text), (.integer(-5), .integer), (.decimal("10.50"), .numeric(10, 2)),
            (.boolean(false), .boolean),
            (.sql("CURRENT_DATE"), .date), (.sql("datetime('now', 'localtime')"), .timestamp()),
            (.sql("1 + 2"), .integer),
        ]
        let connection = try SQLiteConnection(path: nil)
        let columns = values.enumerated().map { i, pair in
            SQLiteDialect.columnSQL(Column("c\(i)", pair.1, default: pair.0))
        }
        try connection.execute("CREATE TABLE t (" + columns.joined(separator: ", ") + ")")
        let read = try SQLiteCatalogReader(connection: connection).read()
        #expect(read.tables.first?.columns.map(\.defaultValue) == values.map { Optional($0.0) })
    }

    @Test("expressions normalize to one spelling")
    func normalize() {
        #expect(SQLiteDialect.normalizeExpression("( \"Status\" IN ('a','b') )") == "status in ('a', 'b')")
        #expect(SQLiteDialect.normalizeExpression("status IN ('a', 'b')") == "status in ('a', 'b')")
        #expect(SQLiteDialect.normalizeExpression("LOWER( [email] )") == "lower(email)")
        #expect(SQLiteDialect.normalizeExpression("((a != 1)) AND (b == 'X Y')") == "(a <> 1) and (b = 'X Y')")
        #expect(SQLiteDialect.normalizeExpression("(a) + (b)") == "(a) + (b)")
        #expect(SQLiteDialect.normalizeExpression("f(((x))) + (((y)))") == "f(x) + (y)")
        #expect(SQLiteDialect.normalizeExpression("\"Odd Name\" > 0") == "\"odd name\" > 0")
        #expect(SQLiteDialect.normalizeExpression("x  >=\n0 -- comment") == "x >= 0")
    }

    @Test("stored form: identities, arrays, schemas, methods")
    func storedForm() throws {
        let model = Schema {
            Table("t", schema: "app") {
                Column("id", .bigint).primaryKey().autoincrement()
                Column("n", .integer).identity(.always)
                Column("tags", .array(.text))
                Column("p", .integer).references("t", "id", schema: "app")
                Index(name: "ix_t_tags", elements: [.expression("\"tags\"")], method: "gin")
            }
        }
        let table = try #require(SQLiteDialect.storedForm(of: model).tables.first)
        #expect(table.schema == nil)
        #expect(table.column("id")?.identity == .autoincrement)
        #expect(table.column("id")?.type == .integer)
        #expect(table.column("n")?.identity == nil)
        #expect(table.column("tags")?.type == .json)
        #expect(table.foreignKeys.first?.referredSchema == nil)
        #expect(table.indexes == [Index(name: "ix_t_tags", elements: [.column("tags")])])

        let connection = try SQLiteConnection(path: nil)
        for statement in SQLiteDialect.createStatements(for: model) { try connection.execute(statement) }
        #expect(try SQLiteCatalogReader(connection: connection).read() == SQLiteDialect.storedForm(of: model))
        #expect(
            SQLiteDialect.createTableSQL(table).contains(
                "\"id\" INTEGER NOT NULL CONSTRAINT \"t_pkey\" PRIMARY KEY AUTOINCREMENT"))
    }

    @Test("createStatements orders tables by foreign keys")
    func foreignKeyOrder() {
        let model = Schema {
            Table("a") {
                Column("id", .integer).primaryKey(); Column("c", .integer).references("c", "id")
            }
            Table("b") { Column("id", .integer).primaryKey() }
            Table("c") {
                Column("id", .integer).primaryKey(); Column("b", .integer).references("b", "id")
            }
        }
        let names = SQLiteDialect.createStatements(for: model).map { $0.split(separator: "\"")[1] }
        #expect(names == ["b", "c", "a"])
    }
}
