import Introspect
import ModelDSL
import TestSupport
import Testing

@Suite("SQLite schema parser")
struct SQLiteParserTests {
    @Test("constraint names at column and table level, with every kind of quoting")
    func names() throws {
        let table = try #require(
            SQLiteSchemaParser.parseTable(
                #"""
                CREATE TABLE IF NOT EXISTS main.[my table] (
                    "id" INTEGER CONSTRAINT `pk id` PRIMARY KEY ASC ON CONFLICT ABORT AUTOINCREMENT,
                    [code] TEXT COLLATE NOCASE NOT NULL CONSTRAINT uq_code UNIQUE ON CONFLICT REPLACE,
                    parent INTEGER CONSTRAINT "fk ""parent""" REFERENCES "my table" (id)
                        ON DELETE SET NULL ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED,
                    total AS (id * 2) STORED,
                    a, b,
                    CONSTRAINT 'uq ab' UNIQUE (a COLLATE NOCASE, b DESC)
                    CONSTRAINT fk_ab FOREIGN KEY (a, b) REFERENCES other MATCH SIMPLE,
                    CHECK (a <> b)
                ) WITHOUT ROWID, STRICT
                """#))
        #expect(table.name == "my table")
        #expect(table.primaryKey == .init(name: "pk id", columns: ["id"]))
        #expect(table.autoincrementColumns == ["id"])
        #expect(
            table.uniques == [.init(name: "uq_code", columns: ["code"]), .init(name: "uq ab", columns: ["a", "b"])])
        #expect(
            table.foreignKeys == [
                .init(
                    name: "fk \"parent\"", columns: ["parent"], referredTable: "my table", referredColumns: ["id"],
                    deferrable: true, initiallyDeferred: true),
                .init(
                    name: "fk_ab", columns: ["a", "b"], referredTable: "other", referredColumns: [], deferrable: false,
                    initiallyDeferred: false),
            ])
        #expect(table.checks == [Check(name: nil, expression: "a <> b")])
        #expect(table.withoutRowID)
    }

    @Test("CHECK keeps its exact text across nested parentheses and strings holding ) and ,")
    func checks() throws {
        let table = try #require(
            SQLiteSchemaParser.parseTable(
                """
                CREATE TABLE t (
                    x TEXT CHECK (x IN ('a)', 'b,c', 'it''s')) CONSTRAINT ck_len CHECK (length(x) > (1 + (2))),
                    y INT DEFAULT (abs(-1)) CONSTRAINT ck_y CHECK(y/*)*/>0),
                    CONSTRAINT ck_xy CHECK ((x || ')') <> "y")
                )
                """))
        #expect(
            table.checks == [
                Check(name: nil, expression: "x IN ('a)', 'b,c', 'it''s')"),
                Check(name: "ck_len", expression: "length(x) > (1 + (2))"),
                Check(name: "ck_y", expression: "y/*)*/>0"),
                Check(name: "ck_xy", expression: "(x || ')') <> \"y\""),
            ])
        #expect(table.primaryKey == nil)
        #expect(table.autoincrementColumns.isEmpty)
    }

    @Test("deferrability: NOT DEFERRABLE, DEFERRABLE alone, INITIALLY IMMEDIATE")
    func deferrability() throws {
        let table = try #require(
            SQLiteSchemaParser.parseTable(
                """
                CREATE TEMP TABLE t (a REFERENCES p NOT DEFERRABLE INITIALLY DEFERRED,
                    b REFERENCES p DEFERRABLE, c REFERENCES p (id) DEFERRABLE INITIALLY IMMEDIATE)
                """))
        #expect(table.foreignKeys.map(\.deferrable) == [false, true, true])
        #expect(table.foreignKeys.map(\.initiallyDeferred) == [false, false, false])
        #expect(table.foreignKeys.map(\.columns) == [["a"], ["b"], ["c"]])
    }

    @Test("CREATE INDEX: keys, expressions, predicate")
    func index() throws {
        let index = try #require(
            SQLiteSchemaParser.parseIndex(
                "CREATE UNIQUE INDEX IF NOT EXISTS \"ix\" ON [t] (lower(email) COLLATE NOCASE DESC, `a`, b + 1) WHERE a > ',' AND (b) ;"
            ))
        #expect(index.name == "ix")
        #expect(index.table == "t")
        #expect(index.unique)
        #expect(index.keys == ["lower(email)", "`a`", "b + 1"])
        #expect(index.predicate == "a > ',' AND (b)")
        let plain = try #require(SQLiteSchemaParser.parseIndex("create index i on t(a)"))
        #expect(!plain.unique)
        #expect(plain.predicate == nil)
    }

    @Test("not a CREATE TABLE gives nil; AS SELECT has no constraints")
    func others() {
        #expect(SQLiteSchemaParser.parseTable("CREATE VIRTUAL TABLE v USING fts5(x)") == nil)
        #expect(SQLiteSchemaParser.parseTable("") == nil)
        #expect(SQLiteSchemaParser.parseIndex("CREATE TABLE t (x)") == nil)
        #expect(SQLiteSchemaParser.parseTable("CREATE TABLE t AS SELECT 1 AS x") == SQLiteTableDefinition(name: "t"))
    }

    @Test("seeded random garbage: tokens stay inside the text and nothing crashes")
    func garbage() {
        var generator = SeededRandom(seed: 20_240_601)
        let pieces = [
            "CREATE", "TABLE", "INDEX", "UNIQUE", "ON", "(", ")", "(", ")", ",", "CONSTRAINT", "PRIMARY", "KEY",
            "CHECK",
            "FOREIGN", "REFERENCES", "DEFAULT", "NOT", "NULL", "DEFERRABLE", "INITIALLY", "WHERE", "'", "\"", "`", "[",
            "]", "--", "/*", "*/", "x'", "0x", "1.5e", "-", ".", "AUTOINCREMENT", "COLLATE", "AS", "é", "\u{0}", " ",
            "\n",
            "a", "b", "::", "->>", "?1", ":n", "@", "$",
        ]
        var problems: [String] = []
        for _ in 0..<2000 {
            var text = generator.next() % 2 == 0 ? "CREATE TABLE t (" : "CREATE INDEX i ON t ("
            for _ in 0..<(generator.next() % 40) {
                text += pieces[Int(generator.next() % UInt64(pieces.count))]
                if generator.next() % 3 == 0 { text += " " }
            }
            // The tokens lie inside the text, in order, without overlapping, and a word, number
            // or symbol is the very text it covers.
            let bytes = Array(text.utf8)
            var previousEnd = 0
            for token in SQLiteTokenizer.tokens(text) {
                guard token.start >= previousEnd, token.start < token.end, token.end <= bytes.count else {
                    problems.append("token \(token) out of place in \(text.debugDescription)")
                    break
                }
                previousEnd = token.end
                if [.word, .number, .symbol].contains(token.kind),
                    String(decoding: bytes[token.start..<token.end], as: UTF8.self) != token.value
                {
                    problems.append("token \(token) is not its text in \(text.debugDescription)")
                }
            }
            _ = SQLiteSchemaParser.parseTable(text)
            _ = SQLiteSchemaParser.parseIndex(text)
            _ = SQLiteDialect.normalizeExpression(text)
            _ = SQLiteDialect.parseDefault(text, for: .text)
        }
        #expect(problems == [])
    }

    @Test("tokens: quoting, numbers, comments, operators")
    func tokens() {
        let tokens = SQLiteTokenizer.tokens(
            "\"a\"\"b\" `c` [d e] 'f''g' 12 1.5e3 0x1F x'00' ?2 <> >= || -- done\n/* c */ .")
        #expect(
            tokens.map(\.kind) == [
                .quotedIdentifier, .quotedIdentifier, .quotedIdentifier, .string, .number, .number, .number, .blob,
                .variable, .symbol, .symbol, .symbol, .symbol,
            ])
        #expect(
            tokens.map(\.value) == [
                "a\"b", "c", "d e", "f'g", "12", "1.5e3", "0x1F", "x'00'", "?2", "<>", ">=", "||", ".",
            ])
    }
}
