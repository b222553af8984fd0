import Introspect
import ModelDSL
import Testing

/// PostgreSQL's spellings, without a server.
@Suite struct PostgresDialectTests {
    @Test(arguments: [
        ("balance >= 0", "(balance >= (0)::numeric)"),
        ("status <> 'closed'", "(status <> 'closed'::account_status)"),
        ("lower(email)", "lower(email)"),
        ("amount >= 0 AND qty > 1", "((amount >= (0)::numeric) AND (qty > 1))"),
        ("code <> 'x'", "((code)::text <> 'x'::text)"),
        (
            "code2 IN ('a', 'b')",
            "((code2)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))"
        ),
        ("n1 BETWEEN 1 AND 5", "((n1 >= 1) AND (n1 <= 5))"),
        ("n2 LIKE 'a%'", "(n2 ~~ 'a%'::text)"),
        ("NOT (n3 = 1)", "(NOT (n3 = 1))"),
        ("n4 IS NOT NULL and n4 > -1", "((n4 IS NOT NULL) AND (n4 > '-1'::integer))"),
        ("j != 'b' AND a > 0", "((j <> 'b'::st) AND (a > 0))"),
        ("\"Email\" IS NULL", "(\"Email\" IS NULL)"),
        ("\"email\"  =  'A  B'", "(email = 'A  B'::text)"),
        ("lower(name::text)", "lower((name)::text)"),
        ("(a OR b) AND c", "((a OR b) AND c)"),
        ("price * (1 + tax) > 10.5", "((price * ((1)::numeric + tax)) > 10.5)"),
        ("created::date = CURRENT_DATE", "((created)::date = CURRENT_DATE)"),
        ("x::varchar(10) = 'a'", "((x)::character varying(10) = 'a')"),
    ])
    func writtenAndCatalogFormsNormalizeAlike(written: String, catalog: String) {
        #expect(PostgresDialect.normalizeExpression(written) == PostgresDialect.normalizeExpression(catalog))
    }

    @Test(arguments: [
        ("a OR b AND c", "(a OR b) AND c"),
        ("a - (b - c)", "a - b - c"),
        ("status <> 'closed'", "status <> 'Closed'"),
        ("\"Email\" IS NULL", "email IS NULL"),
        ("x > 1", "x >= 1"),
        ("lower(a)", "upper(a)"),
    ])
    func differentExpressionsStayDifferent(a: String, b: String) {
        #expect(PostgresDialect.normalizeExpression(a) != PostgresDialect.normalizeExpression(b))
    }

    @Test func normalizedTextIsCanonical() {
        #expect(PostgresDialect.normalizeExpression("((balance >= (0)::numeric))") == "balance >= 0")
        #expect(PostgresDialect.normalizeExpression("((a OR b) AND c)") == "(a or b) and c")
        #expect(PostgresDialect.normalizeExpression("  LOWER( Email )") == "lower(email)")
        #expect(
            PostgresDialect.normalizeExpression("CASE WHEN (a > (0)::numeric) THEN 1 ELSE 2 END")
                == "case when (a > 0) then 1 else 2 end")
        #expect(
            PostgresDialect.normalizeExpression("CASE WHEN a > 'x'::character varying THEN lower(b) END")
                == "case when a > 'x' then lower(b) end")
        #expect(PostgresDialect.normalizeExpression("") == "")
    }

    @Test func identifiersAndLiteralsAreQuoted() {
        #expect(PostgresDialect.quoteIdentifier("account") == "\"account\"")
        #expect(PostgresDialect.quoteIdentifier("my \"col\"") == "\"my \"\"col\"\"\"")
        #expect(PostgresDialect.quoteLiteral("it's") == "'it''s'")
        #expect(PostgresDialect.quoteLiteral("a\\b") == "'a\\b'")
    }

    @Test func typesHaveTheirDDLSpelling() {
        #expect(PostgresDialect.typeSQL(.varchar(100)) == "character varying(100)")
        #expect(PostgresDialect.typeSQL(.timestamp(withTimeZone: true)) == "timestamp with time zone")
        #expect(PostgresDialect.typeSQL(.binary) == "bytea")
        #expect(PostgresDialect.typeSQL(.numeric(10, 2)) == "numeric(10,2)")
        #expect(PostgresDialect.typeSQL(.enumeration("state", schema: "billing")) == "\"billing\".\"state\"")
        #expect(PostgresDialect.typeSQL(.array(.integer)) == "integer[]")
        #expect(PostgresDialect.typeSQL(.raw("tsvector")) == "tsvector")
        for type: ColumnType in [
            .smallint, .integer, .bigint, .numeric(10, 2), .numeric(), .real, .double, .boolean, .text, .varchar(40),
            .varchar(), .char(8), .date, .time(), .time(withTimeZone: true), .timestamp(), .interval, .json, .jsonb,
            .uuid, .binary, .array(.text),
        ] {
            #expect(PostgresDialect.columnType(formatType: PostgresDialect.typeSQL(type), isEnum: false) == type)
        }
        #expect(
            PostgresDialect.columnType(formatType: "account_status[]", isEnum: true, typeName: "account_status")
                == .array(.enumeration("account_status")))
        #expect(
            PostgresDialect.columnType(
                formatType: "billing.state", isEnum: true, typeName: "state", typeSchema: "billing")
                == .enumeration("state", schema: "billing"))
    }

    @Test(arguments: [
        ("'active'::account_status", ColumnType.enumeration("account_status"), DefaultValue.string("active")),
        ("'it''s'::text", .text, .string("it's")),
        ("'y'::character varying", .varchar(5), .string("y")),
        ("''::text", .text, .string("")),
        ("0", .numeric(10, 2), .integer(0)),
        ("(-1)", .integer, .integer(-1)),
        ("'-1'::integer", .integer, .integer(-1)),
        ("'-7'::integer", .bigint, .integer(-7)),
        ("'9999999999'::bigint", .bigint, .integer(9_999_999_999)),
        ("10.50", .numeric(), .decimal("10.50")),
        ("'-2.5'::numeric", .numeric(), .decimal("-2.5")),
        ("true", .boolean, .boolean(true)),
        ("false", .boolean, .boolean(false)),
        ("CURRENT_TIMESTAMP", .timestamp(withTimeZone: true), .sql("CURRENT_TIMESTAMP")),
        ("now()", .timestamp(withTimeZone: true), .sql("now()")),
        ("gen_random_uuid()", .uuid, .sql("gen_random_uuid()")),
        ("(1 + 2)", .integer, .sql("(1 + 2)")),
        ("'x'::other_type", .integer, .sql("'x'::other_type")),
        ("'a'::text || 'b'::text", .text, .sql("'a'::text || 'b'::text")),
    ])
    func catalogDefaultsBecomeLiterals(catalog: String, type: ColumnType, expected: DefaultValue) {
        #expect(PostgresDialect.parseDefault(catalog, for: type) == expected)
    }

    @Test func defaultsHaveTheirSQLSpelling() {
        #expect(PostgresDialect.defaultSQL(.string("it's"), for: .text) == "'it''s'")
        #expect(PostgresDialect.defaultSQL(.integer(-1), for: .integer) == "-1")
        #expect(PostgresDialect.defaultSQL(.decimal("10.50"), for: .numeric()) == "10.50")
        #expect(PostgresDialect.defaultSQL(.boolean(true), for: .boolean) == "TRUE")
        #expect(PostgresDialect.defaultSQL(.sql("CURRENT_TIMESTAMP"), for: .timestamp()) == "CURRENT_TIMESTAMP")
    }

    @Test func ddlForTheExampleModel() {
        let statements = PostgresDialect.createStatements(for: PostgresExampleTests.model)
        #expect(
            statements == [
                "CREATE TYPE \"account_status\" AS ENUM ('active', 'suspended', 'closed')",
                """
                CREATE TABLE "organization" (
                    "id" integer NOT NULL,
                    "name" character varying(100) NOT NULL,
                    "created_at" timestamp with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,
                    CONSTRAINT "organization_pkey" PRIMARY KEY ("id"),
                    CONSTRAINT "organization_name_key" UNIQUE ("name")
                )
                """,
                """
                CREATE TABLE "account" (
                    "id" bigint NOT NULL,
                    "org_id" integer NOT NULL,
                    "email" text NOT NULL,
                    "balance" numeric(10,2) NOT NULL DEFAULT 0,
                    "status" "account_status" NOT NULL DEFAULT 'active',
                    "profile" json,
                    CONSTRAINT "account_pkey" PRIMARY KEY ("id"),
                    CONSTRAINT "uq_account_org_email" UNIQUE ("org_id", "email"),
                    CONSTRAINT "ck_account_balance_nonneg" CHECK (balance >= 0),
                    CONSTRAINT "account_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization" ("id") ON DELETE CASCADE
                )
                """,
                "CREATE UNIQUE INDEX \"ix_account_email_lower\" ON \"account\" ((lower(email)))",
                "CREATE INDEX \"ix_account_org_status\" ON \"account\" (\"org_id\", \"status\") WHERE status <> 'closed'",
                // Tables in schema order: account's comments come first.
                "COMMENT ON COLUMN \"account\".\"email\" IS 'login e-mail'",
                "COMMENT ON TABLE \"organization\" IS 'Customer organizations'",
            ])
    }

    @Test func foreignKeyCyclesAreAddedAfterTheTables() {
        let schema = Schema {
            Table("a") {
                Column("id", .integer).primaryKey()
                Column("b_id", .integer).references("b", "id")
            }
            Table("b") {
                Column("id", .integer).primaryKey()
                Column("a_id", .integer).references("a", "id", initiallyDeferred: true)
                Column("parent", .integer).references("b", "id")
            }
        }
        let statements = PostgresDialect.createStatements(for: schema)
        #expect(statements.count == 3)
        #expect(statements[0].hasPrefix("CREATE TABLE \"a\"") && !statements[0].contains("FOREIGN KEY"))
        #expect(statements[1].hasPrefix("CREATE TABLE \"b\"") && statements[1].contains("REFERENCES \"a\""))
        #expect(statements[1].contains("DEFERRABLE INITIALLY DEFERRED") && statements[1].contains("REFERENCES \"b\""))
        #expect(
            statements[2]
                == "ALTER TABLE \"a\" ADD CONSTRAINT \"a_b_id_fkey\" FOREIGN KEY (\"b_id\") REFERENCES \"b\" (\"id\")")
    }

    @Test func storedFormDocumentsWhatTheCatalogChanges() {
        let model = Schema(tables: [
            Table(
                name: "t", schema: "public",
                columns: [
                    Column("id", .integer, identity: .byDefault), Column("c", .char()), Column("n", .numeric(5)),
                    Column("d", .double, default: .decimal("1.50")), Column("s", .text, default: .sql("'x'::text")),
                ],
                foreignKeys: [ForeignKey(["id"], references: "t", ["id"], schema: "public", name: "f")],
                indexes: [Index(name: "i", elements: [.expression("\"c\"")], method: "BTREE")], comment: "")
        ])
        let stored = PostgresDialect.storedForm(of: model)
        let table = stored.tables[0]
        #expect(table.schema == nil && table.comment == nil)
        #expect(table.columns[0] == Column("id", .integer, nullable: false, identity: .byDefault))
        #expect(table.columns[1].type == .char(1))
        #expect(table.columns[2].type == .numeric(5, 0))
        #expect(table.columns[3].defaultValue == .decimal("1.5"))
        #expect(table.columns[4].defaultValue == .string("x"))
        #expect(table.foreignKeys[0].referredSchema == nil)
        #expect(table.indexes[0] == Index(name: "i", elements: [.column("c")]))
    }
}
