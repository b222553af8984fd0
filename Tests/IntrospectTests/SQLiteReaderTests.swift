import Introspect
import ModelDSL
import Testing

@Suite("SQLite catalog reader edge cases")
struct SQLiteReaderTests {
    @Test("syntax the DSL does not write is read without harm")
    func unusedSyntax() throws {
        let connection = try SQLiteConnection(path: nil)
        try connection.execute(
            """
            CREATE TABLE parent (id INTEGER PRIMARY KEY AUTOINCREMENT, Code TEXT COLLATE NOCASE UNIQUE ON CONFLICT REPLACE);
            CREATE TABLE pair (a INT NOT NULL, b TEXT NOT NULL, total INT AS (a * 2) STORED, PRIMARY KEY (b, a)) WITHOUT ROWID, STRICT;
            CREATE TABLE child (
                id INTEGER,
                parent_id INTEGER REFERENCES parent ON DELETE SET NULL,
                pa INT, pb TEXT,
                CONSTRAINT uq_child_code UNIQUE (PB COLLATE NOCASE, PA),
                CONSTRAINT fk_child_pair FOREIGN KEY (pb, pa) REFERENCES pair (b, a) DEFERRABLE INITIALLY DEFERRED,
                PRIMARY KEY (id DESC)
            );
            CREATE INDEX ix_child_desc ON child (pa DESC, pb COLLATE NOCASE);
            CREATE VIEW v AS SELECT 1;
            CREATE TABLE quirk (id INTEGER PRIMARY KEY DESC);
            """)
        let schema = try SQLiteCatalogReader(connection: connection).read()
        #expect(schema.tables.map(\.name) == ["child", "pair", "parent", "quirk"])

        let parent = try #require(schema.table("parent"))
        #expect(parent.column("id")?.identity == .autoincrement)
        #expect(parent.column("id")?.isNullable == false)
        #expect(parent.primaryKey == PrimaryKey(columns: ["id"], name: nil))
        #expect(parent.uniques == [Unique(name: nil, columns: ["Code"])])

        let pair = try #require(schema.table("pair"))
        #expect(pair.columns.map(\.name) == ["a", "b", "total"])
        #expect(pair.columns.map(\.type) == [.integer, .text, .integer])
        #expect(pair.columns.map(\.isNullable) == [false, false, true])
        #expect(pair.primaryKey?.columns == ["b", "a"])

        let child = try #require(schema.table("child"))
        #expect(child.column("id")?.isNullable == false)  // PRIMARY KEY (id DESC) is a rowid alias
        #expect(schema.table("quirk")?.column("id")?.isNullable == true)  // id INTEGER PRIMARY KEY DESC is not
        #expect(child.uniques == [Unique(name: "uq_child_code", columns: ["pb", "pa"])])
        #expect(
            child.foreignKeys
                == [
                    ForeignKey(["parent_id"], references: "parent", ["id"], onDelete: .setNull),
                    ForeignKey(
                        ["pb", "pa"], references: "pair", ["b", "a"], initiallyDeferred: true, name: "fk_child_pair"),
                ].sorted { ($0.name ?? "") < ($1.name ?? "") })
        // Each key's DESC and COLLATE are read (issue #13 item 5).
        #expect(
            child.indexes == [
                Index(name: "ix_child_desc", elements: [.column("pa"), .column("pb")]).key("pa", descending: true)
                    .key("pb", collation: "NOCASE")
            ])
    }

    @Test("an empty database reads as an empty schema, with the same number of queries")
    func empty() throws {
        let connection = try SQLiteConnection(path: nil)
        let schema = try SQLiteCatalogReader(connection: connection).read()
        #expect(schema == Schema(tables: []))
        #expect(connection.queryCount == 4)
    }
}
