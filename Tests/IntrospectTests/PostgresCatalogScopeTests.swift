import ModelDSL
import TestSupport
import Testing

@testable import Introspect

/// How many queries the reader sends, and which schemas it reads.
@Suite(.enabled(if: TestPostgres.isConfigured))
struct PostgresCatalogScopeTests {
    /// DDL for `count` tables that each have a key, a foreign key, a check and an index.
    static func tablesDDL(_ count: Int) -> String {
        (0..<count).map { i in
            """
            CREATE TABLE t\(i) (id integer PRIMARY KEY, ref integer REFERENCES t0 (id), name text NOT NULL DEFAULT 'x',
                CONSTRAINT t\(i)_name_check CHECK (name <> ''));
            CREATE INDEX t\(i)_name_idx ON t\(i) (lower(name));
            """
        }.joined(separator: "\n")
    }

    /// On one connection or two (`PostgresSideQueries`), the same number of statements for 3
    /// tables as for 300: the current schema, the transaction that gives every query one
    /// snapshot (begin, export with the session settings, commit), the thirteen catalog queries, and
    /// on a second connection its own begin, snapshot import, settings and commit.
    @Test(arguments: [(Int.max, 18), (0, 22)])
    func queryCountDoesNotGrowWithTables(secondConnectionFromTables: Int, statements: Int) throws {
        func queries(_ count: Int) throws -> (Int, Int) {
            try TestPostgres.withTemporaryDatabase { _, connection in
                try connection.execute(Self.tablesDDL(count))
                let before = connection.queryCount
                let schema = try PostgresCatalogReader(
                    connection: connection, secondConnectionFromTables: secondConnectionFromTables
                ).read()
                return (connection.queryCount - before, schema.tables.count)
            }
        }
        let (few, fewTables) = try queries(3)
        let (many, manyTables) = try queries(300)
        #expect(fewTables == 3)
        #expect(manyTables == 300)
        #expect(few == many)
        #expect(many == statements)
    }

    /// A composite type's attribute collation outside the search path comes back qualified,
    /// as a column's does, so that the type can be created again from it.
    @Test func compositeAttributeCollationsAreQualified() throws {
        try TestPostgres.withTemporaryDatabase { _, connection in
            try connection.execute(
                """
                CREATE SCHEMA i18n;
                CREATE COLLATION i18n.plain FROM "C";
                CREATE TYPE address AS (street text COLLATE i18n.plain, city text COLLATE "C");
                """)
            let schema = try PostgresCatalogReader(connection: connection).read()
            let attributes = try #require(schema.compositeTypes.first?.attributes)
            #expect(attributes.map(\.collation) == ["\"i18n\".\"plain\"", "C"])
        }
    }

    @Test func schemasAreIncludedOrLeftOut() throws {
        try TestPostgres.withTemporaryDatabase { _, connection in
            try connection.execute(
                """
                CREATE SCHEMA billing;
                CREATE SCHEMA "Other";
                CREATE TYPE billing.state AS ENUM ('open', 'paid');
                CREATE TABLE customer (id integer PRIMARY KEY);
                CREATE TABLE billing.invoice (id integer PRIMARY KEY, state billing.state NOT NULL DEFAULT 'open',
                    customer_id integer REFERENCES public.customer (id));
                CREATE TABLE "Other"."Thing" (id integer);
                """)
            let reader = PostgresCatalogReader(connection: connection)

            let defaultOnly = try reader.read()
            #expect(defaultOnly.tables.map(\.qualifiedName) == ["customer"])
            #expect(defaultOnly.enums.isEmpty)

            let billing = try reader.read(schemas: ["billing"])
            #expect(billing.tables.map(\.qualifiedName) == ["billing.invoice"])
            #expect(billing.enums == [EnumType("state", ["open", "paid"], schema: "billing")])
            let invoice = try #require(billing.table("invoice", schema: "billing"))
            #expect(invoice.column("state")?.type == .enumeration("state", schema: "billing"))
            #expect(invoice.column("state")?.defaultValue == .string("open"))
            #expect(invoice.foreignKeys.first?.referredSchema == nil)
            #expect(invoice.foreignKeys.first?.referredTable == "customer")

            let both = try reader.read(schemas: ["public", "billing", "Other"])
            // Sorted by schema (the default schema first), then name.
            #expect(both.tables.map(\.qualifiedName) == ["customer", "Other.Thing", "billing.invoice"])

            let none = try reader.read(schemas: ["no_such_schema"])
            #expect(none.tables.isEmpty && none.enums.isEmpty)
        }
    }
}
