import Introspect
import ModelDSL
import TestSupport
import Testing

/// The example model, created by hand-written DDL and read back from the catalog.
@Suite(.enabled(if: TestPostgres.isConfigured))
struct PostgresExampleTests {
    static let model = exampleSchema

    /// The model as a DBA would write it, without help from the dialect.
    static let handWrittenDDL = """
        CREATE TYPE account_status AS ENUM ('active', 'suspended', 'closed');
        CREATE TABLE organization (
            id integer PRIMARY KEY,
            name varchar(100) NOT NULL UNIQUE,
            created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP
        );
        COMMENT ON TABLE organization IS 'Customer organizations';
        CREATE TABLE account (
            id bigint PRIMARY KEY,
            org_id integer NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
            email text NOT NULL,
            balance numeric(10, 2) NOT NULL DEFAULT 0,
            status account_status NOT NULL DEFAULT 'active',
            profile json,
            CONSTRAINT uq_account_org_email UNIQUE (org_id, email),
            CONSTRAINT ck_account_balance_nonneg CHECK (balance >= 0)
        );
        COMMENT ON COLUMN account.email IS 'login e-mail';
        CREATE UNIQUE INDEX ix_account_email_lower ON account (lower(email));
        CREATE INDEX ix_account_org_status ON account (org_id, status) WHERE status <> 'closed';
        """

    @Test func handWrittenDDLReadsBackAsTheModel() throws {
        let read = try TestPostgres.withTemporaryDatabase { _, connection in
            try connection.execute(Self.handWrittenDDL)
            return try PostgresCatalogReader(connection: connection).read()
        }
        let expected = PostgresDialect.normalizedForComparison(PostgresDialect.storedForm(of: Self.model))
        #expect(PostgresDialect.normalizedForComparison(read) == expected)

        let account = try #require(read.table("account"))
        let organization = try #require(read.table("organization"))
        #expect(account.column("status")?.defaultValue == .string("active"))
        #expect(account.column("status")?.type == .enumeration("account_status"))
        #expect(account.column("balance")?.defaultValue == .integer(0))
        #expect(account.column("balance")?.type == .numeric(10, 2))
        #expect(account.column("email")?.comment == "login e-mail")
        #expect(account.column("profile")?.isNullable == true)
        #expect(organization.column("name")?.type == .varchar(100))
        #expect(organization.column("created_at")?.defaultValue == .sql("CURRENT_TIMESTAMP"))
        #expect(organization.comment == "Customer organizations")
        #expect(organization.uniques == [Unique(name: "organization_name_key", columns: ["name"])])
        #expect(organization.primaryKey == PrimaryKey(columns: ["id"], name: "organization_pkey"))
        let key = try #require(account.foreignKeys.first)
        #expect(account.foreignKeys.count == 1)
        #expect(key.name == "account_org_id_fkey")
        #expect(key.onDelete == .cascade)
        #expect(key.onUpdate == .noAction)
        #expect(key.referredTable == "organization" && key.referredColumns == ["id"] && key.referredSchema == nil)
        let partial = try #require(account.indexes.first { $0.name == "ix_account_org_status" })
        #expect(partial.predicate == "(status <> 'closed'::account_status)")
        #expect(partial.elements == [.column("org_id"), .column("status")])
        #expect(partial.unique == false && partial.method == nil)
        let lower = try #require(account.indexes.first { $0.name == "ix_account_email_lower" })
        #expect(lower.elements == [.expression("lower(email)")] && lower.unique)
        #expect(account.checks == [Check(name: "ck_account_balance_nonneg", expression: "(balance >= (0)::numeric)")])
        #expect(read.enums == [EnumType("account_status", ["active", "suspended", "closed"])])
    }

    @Test func generatedDDLReadsBackAsTheModel() throws {
        let read = try TestPostgres.withTemporaryDatabase { _, connection in
            for statement in PostgresDialect.createStatements(for: Self.model) { try connection.execute(statement) }
            return try PostgresCatalogReader(connection: connection).read()
        }
        #expect(
            PostgresDialect.normalizedForComparison(read)
                == PostgresDialect.normalizedForComparison(PostgresDialect.storedForm(of: Self.model)))
    }

    @Test func identitySerialDeferrableAndMethods() throws {
        let read = try TestPostgres.withTemporaryDatabase { _, connection in
            try connection.execute(
                """
                CREATE TABLE parent (id bigserial PRIMARY KEY, code smallint GENERATED ALWAYS AS IDENTITY,
                    tags text[] DEFAULT '{}', doc jsonb, n integer DEFAULT -1, ratio double precision DEFAULT 1.5,
                    flag boolean DEFAULT false, made date DEFAULT '2020-01-01', c character(3) DEFAULT 'ab',
                    u uuid DEFAULT gen_random_uuid());
                CREATE TABLE child (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                    parent_id bigint, CONSTRAINT child_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id)
                    ON UPDATE SET NULL ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED);
                CREATE INDEX parent_doc_gin ON parent USING gin (doc);
                CREATE INDEX parent_multi ON parent (n DESC, lower(c), flag) INCLUDE (ratio);
                """)
            return try PostgresCatalogReader(connection: connection).read()
        }
        let parent = try #require(read.table("parent"))
        let child = try #require(read.table("child"))
        #expect(parent.column("id") == Column("id", .bigint, nullable: false, identity: .serial))
        #expect(parent.column("code") == Column("code", .smallint, nullable: false, identity: .always))
        #expect(child.column("id") == Column("id", .integer, nullable: false, identity: .byDefault))
        #expect(parent.column("tags")?.type == .array(.text))
        #expect(parent.column("tags")?.defaultValue == .string("{}"))
        #expect(parent.column("n")?.defaultValue == .integer(-1))
        #expect(parent.column("ratio")?.defaultValue == .decimal("1.5"))
        #expect(parent.column("flag")?.defaultValue == .boolean(false))
        #expect(parent.column("made")?.defaultValue == .string("2020-01-01"))
        #expect(parent.column("c")?.defaultValue == .string("ab"))
        #expect(parent.column("c")?.type == .char(3))
        #expect(parent.column("u")?.defaultValue == .sql("gen_random_uuid()"))
        #expect(
            child.foreignKeys == [
                ForeignKey(
                    ["parent_id"], references: "parent", ["id"], onDelete: .restrict, onUpdate: .setNull,
                    deferrable: true, initiallyDeferred: true, name: "child_parent_fk")
            ])
        #expect(parent.indexes.first { $0.name == "parent_doc_gin" }?.method == "gin")
        #expect(
            parent.indexes.first { $0.name == "parent_multi" }?.elements == [
                .column("n"), .expression("lower((c)::text)"), .column("flag"),
            ])
    }
}
