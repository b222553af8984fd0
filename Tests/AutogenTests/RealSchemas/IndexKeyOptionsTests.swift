import Foundation
import Introspect
import ModelDSL
import ModelReader
import TestSupport
import Testing

@testable import Autogen

/// Issue #13 item 5: index key options (DESC, NULLS FIRST/LAST, operator classes, per-key
/// collations), INCLUDE columns, NULLS NOT DISTINCT (indexes and unique constraints) and
/// storage parameters are read, compared, created and written back; a change of sort order
/// is a change (it was "no changes").
@Suite(.serialized) struct IndexKeyOptionsTests {
    static func postgresModel(createdDescending: Bool) -> Schema {
        Schema {
            Extension("pg_trgm")
            Table("doc") {
                Column("id", .integer).primaryKey()
                Column("title", .text)
                Column("body", .text)
                Column("created", .timestamp())
                Column("tag", .varchar(20))
                Column("score", .integer)
                Unique("doc_body_key", "body").nullsNotDistinct()
                Index("doc_created_idx", "created").key("created", descending: createdDescending, nullsFirst: false)
                Index("doc_title_pattern_idx", "title").key("title", opclass: "text_pattern_ops")
                Index("doc_tag_c_idx", "tag").key("tag", collation: "C")
                Index("doc_score_idx", "score").include("title").with("fillfactor", "70")
                Index("doc_tag_key", "tag", unique: true).nullsNotDistinct()
                Index("doc_body_trgm_idx", expressions: ["lower(body)"]).key("lower(body)", opclass: "gin_trgm_ops")
                    .using("gin")
            }
        }
    }

    @Test func optionsAreWrittenAsSQLAndSwift() throws {
        let table = Self.postgresModel(createdDescending: true).tables[0]
        let sql = table.indexes.map { PostgresDialect.createIndexSQL($0, on: table) }
        #expect(sql.contains(#"CREATE INDEX "doc_created_idx" ON "doc" ("created" DESC NULLS LAST)"#), "\(sql)")
        #expect(sql.contains(#"CREATE INDEX "doc_tag_c_idx" ON "doc" ("tag" COLLATE "C")"#), "\(sql)")
        #expect(
            sql.contains(#"CREATE INDEX "doc_score_idx" ON "doc" ("score") INCLUDE ("title") WITH (fillfactor = 70)"#),
            "\(sql)")
        #expect(sql.contains(#"CREATE UNIQUE INDEX "doc_tag_key" ON "doc" ("tag") NULLS NOT DISTINCT"#), "\(sql)")
        #expect(
            PostgresDialect.uniqueSQL(table.uniques[0])
                == #"CONSTRAINT "doc_body_key" UNIQUE NULLS NOT DISTINCT ("body")"#)
        // NULLS FIRST is DESC's own default: not an option of its own.
        #expect(IndexKeyOptions(descending: true, nullsFirst: true) == IndexKeyOptions(descending: true))
        #expect(
            SwiftSchemaSource.index(try #require(table.indexes.first { $0.name == "doc_created_idx" }))
                == #"Index("doc_created_idx", "created").key("created", descending: true, nullsFirst: false)"#)
        // A key option for an element the index does not have is a model error.
        let wrong = Schema {
            Table("t") {
                Column("a", .integer); Index("t_a_idx", "a").key("b", descending: true)
            }
        }
        #expect(wrong.problems() == [#"table "t": index "t_a_idx": .key("b") names no key of the index"#])
        #expect(
            SQLiteDialect.identifierProblems(Self.postgresModel(createdDescending: true)).contains(
                #"table "doc": index "doc_score_idx" uses INCLUDE, storage parameters, which SQLite indexes do not have"#
            ))
    }

    @Test(.enabled(if: TestPostgres.isConfigured)) func onPostgreSQLTheyConvergeAndReverse() async throws {
        try await withTemporaryPostgres { url in
            let connection = try PostgresConnection(url)
            defer { connection.close() }
            try connection.execute(
                """
                CREATE TABLE doc (id integer PRIMARY KEY, title text, body text, created timestamp, tag varchar(20),
                    score integer);
                INSERT INTO doc VALUES (1, 'a', 'x', now(), 'p', 1), (2, 'b', 'y', NULL, NULL, 2)
                """)
            let migration = try OneRevisionMigration(.postgresql(url))
            let descending = Self.postgresModel(createdDescending: true)
            let add = try migration.compare(descending)
            try await migration.upgrade(add)
            #expect(try migration.compare(descending).isEmpty)
            // NULLS NOT DISTINCT holds: a second NULL tag is refused.
            #expect(throws: (any Error).self) {
                try connection.execute("INSERT INTO doc (id, tag) VALUES (3, NULL)")
            }

            // What inspect writes reads back as the same schema.
            let read = try PostgresCatalogReader(connection: connection).read()
            let doc = try #require(read.table("doc"))
            #expect(Set(doc.indexes.map(\.name)) == Set(descending.tables[0].indexes.map(\.name)))
            let source = ModelSourceRenderer.render(Schema(tables: [doc], extensions: read.extensions))
            let reread = try #require(try ModelReader(source: source).schemas["schema"])
            #expect(
                reread.tables[0].indexes.sorted { $0.name! < $1.name! } == doc.indexes.sorted { $0.name! < $1.name! })
            #expect(reread.tables[0].uniques == doc.uniques)

            // A sort order change is a change: the index is dropped and created again.
            try await migration.runner.stamp(["base"])
            let ascending = Self.postgresModel(createdDescending: false)
            let reorder = try migration.compare(ascending)
            #expect(reorder.count == 2, "\(reorder)")
            try await migration.upgrade(reorder)
            #expect(try migration.compare(ascending).isEmpty)
            try await migration.downgrade(reorder)
            #expect(try migration.compare(descending).isEmpty)
            #expect(try connection.query("SELECT count(*) FROM doc").int(0, 0) == 2)
        }
    }

    @Test func onSQLiteTheyConvergeAndReverse() async throws {
        let (url, path) = temporarySQLiteURL()
        defer { try? FileManager.default.removeItem(atPath: path) }
        func model(_ descending: Bool) -> Schema {
            Schema {
                Table("doc") {
                    Column("id", .integer).primaryKey()
                    Column("title", .text)
                    Index("doc_title_idx", "title").key("title", descending: descending, collation: "NOCASE")
                }
            }
        }
        let migration = try OneRevisionMigration(url)
        let create = try migration.compare(model(true))
        try await migration.upgrade(create)
        #expect(try migration.compare(model(true)).isEmpty)
        let reorder = try migration.compare(model(false))
        #expect(reorder.count == 2, "\(reorder)")
        try await migration.runner.stamp(["base"])
        try await migration.upgrade(reorder)
        #expect(try migration.compare(model(false)).isEmpty)
        try await migration.downgrade(reorder)
        #expect(try migration.compare(model(true)).isEmpty)
    }
}

/// Review findings on index options.
@Suite(.serialized) struct IndexKeyOptionsReviewTests {
    /// A collation name holds dots of its own (`C.utf8`); it is one identifier.
    @Test(.enabled(if: TestPostgres.isConfigured)) func aCollationWithADotConverges() async throws {
        try await withTemporaryPostgres { url in
            let model = Schema {
                Table("t") {
                    Column("name", .text)
                    Index("t_name_idx", "name").key("name", collation: "C.utf8").with("fillfactor", "80")
                }
            }
            let migration = try OneRevisionMigration(.postgresql(url))
            try await migration.upgrade(try migration.compare(model))
            #expect(try migration.compare(model).isEmpty)
        }
    }

    /// A generated column dropped and added again takes an index that INCLUDEs it along.
    @Test func anIncludedRegeneratedColumnRecreatesTheIndex() {
        func table(_ expression: String) -> Table {
            Table("t") {
                Column("a", .integer)
                Column("g", .integer).generated(expression)
                Index("t_a_idx", "a").include("g")
            }
        }
        let result = Comparer.compare(
            model: Schema(tables: [table("a * 3")]),
            database: PostgresDialect.storedForm(of: Schema(tables: [table("a * 2")])),
            dialect: PostgresDialect.self)
        #expect(result.ops.contains { if case .createIndex = $0 { true } else { false } }, "\(result.ops)")
    }
}
