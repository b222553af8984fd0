import Introspect
import ModelDSL
import TestSupport
import Testing

/// The example model, created on SQLite with hand-written SQL, read back.
@Suite("SQLite example schema")
struct SQLiteExampleTests {
    static let model = exampleSchema

    /// The example as a DBA would write it for SQLite: mixed quoting, column- and table-level
    /// named constraints, the enum as TEXT with a CHECK, a partial and an expression index.
    static let handWritten = """
        CREATE TABLE organization (
            id INTEGER CONSTRAINT organization_pkey PRIMARY KEY,
            name VARCHAR(100) NOT NULL CONSTRAINT organization_name_key UNIQUE,
            created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
        );
        CREATE TABLE "account" (
            id BIGINT NOT NULL,
            [org_id] INTEGER NOT NULL
                CONSTRAINT account_org_id_fkey REFERENCES organization (id) ON DELETE CASCADE,
            `email` TEXT NOT NULL, -- login e-mail
            balance NUMERIC(10,2) NOT NULL DEFAULT 0,
            status TEXT NOT NULL DEFAULT 'active'
                CONSTRAINT account_status_enum CHECK (status IN ('active','suspended','closed')),
            profile JSON,
            CONSTRAINT account_pkey PRIMARY KEY (id),
            CONSTRAINT uq_account_org_email UNIQUE (org_id, email),
            CONSTRAINT ck_account_balance_nonneg CHECK ( balance >= 0 )
        );
        CREATE UNIQUE INDEX ix_account_email_lower ON account (LOWER(email));
        CREATE INDEX ix_account_org_status ON account (org_id, status) WHERE status <> 'closed';
        """

    @Test("hand-written SQL reads back as the model's stored form")
    func handWrittenReadsBackAsModel() throws {
        let connection = try SQLiteConnection(path: nil)
        try connection.execute(Self.handWritten)
        let read = try SQLiteCatalogReader(connection: connection).read()
        let expected = SQLiteDialect.storedForm(of: Self.model)
        #expect(SQLiteDialect.normalizedForComparison(read) == SQLiteDialect.normalizedForComparison(expected))
    }

    @Test("exact facts of the read schema")
    func exactFacts() throws {
        let connection = try SQLiteConnection(path: nil)
        try connection.execute(Self.handWritten)
        let read = try SQLiteCatalogReader(connection: connection).read()
        #expect(read.tables.map(\.name) == ["account", "organization"])
        #expect(read.enums.isEmpty)
        let organization = try #require(read.table("organization"))
        #expect(organization.primaryKey == PrimaryKey(columns: ["id"], name: "organization_pkey"))
        #expect(organization.uniques == [Unique(name: "organization_name_key", columns: ["name"])])
        #expect(organization.column("id")?.isNullable == false)  // INTEGER PRIMARY KEY is the rowid
        #expect(organization.column("created_at")?.type == .timestamp(withTimeZone: true))
        #expect(organization.column("created_at")?.defaultValue == .sql("CURRENT_TIMESTAMP"))

        let account = try #require(read.table("account"))
        #expect(account.columns.map(\.name) == ["id", "org_id", "email", "balance", "status", "profile"])
        #expect(account.columns.map(\.type) == [.bigint, .integer, .text, .numeric(10, 2), .text, .json])
        #expect(account.columns.map(\.isNullable) == [false, false, false, false, false, true])
        #expect(account.column("balance")?.defaultValue == .integer(0))
        #expect(account.column("status")?.defaultValue == .string("active"))
        #expect(account.primaryKey == PrimaryKey(columns: ["id"], name: "account_pkey"))
        #expect(account.uniques == [Unique(name: "uq_account_org_email", columns: ["org_id", "email"])])
        #expect(
            account.foreignKeys == [
                ForeignKey(
                    ["org_id"], references: "organization", ["id"], onDelete: .cascade, name: "account_org_id_fkey")
            ])
        #expect(
            account.checks == [
                Check(name: "account_status_enum", expression: "status IN ('active','suspended','closed')"),
                Check(name: "ck_account_balance_nonneg", expression: "balance >= 0"),
            ])
        #expect(
            account.indexes == [
                Index(name: "ix_account_email_lower", elements: [.expression("LOWER(email)")], unique: true),
                Index(
                    name: "ix_account_org_status", elements: [.column("org_id"), .column("status")],
                    predicate: "status <> 'closed'"),
            ])
    }

    @Test("the model created with createStatements reads back as its stored form, without normalizing")
    func createStatementsRoundTrip() throws {
        let connection = try SQLiteConnection(path: nil)
        for statement in SQLiteDialect.createStatements(for: Self.model) {
            try connection.execute(statement)
        }
        let read = try SQLiteCatalogReader(connection: connection).read()
        #expect(read == SQLiteDialect.storedForm(of: Self.model))
        let status = try #require(read.table("account")?.checks.first { $0.name == "account_status_enum" })
        #expect(status.expression == "\"status\" IN ('active', 'suspended', 'closed')")
    }

    @Test("the stored form drops what SQLite cannot hold")
    func storedForm() throws {
        let stored = SQLiteDialect.storedForm(of: Self.model)
        #expect(stored.enums.isEmpty)
        let account = try #require(stored.table("account"))
        #expect(account.column("status")?.type == .text)
        #expect(account.column("email")?.comment == nil)
        #expect(stored.table("organization")?.comment == nil)
        #expect(account.checks.map(\.name) == ["account_status_enum", "ck_account_balance_nonneg"])
    }

    @Test("createStatements writes the documented SQL")
    func createStatementsText() {
        let statements = SQLiteDialect.createStatements(for: Self.model)
        #expect(statements.count == 4)
        #expect(
            statements.first == """
                CREATE TABLE "organization" (
                    "id" INTEGER NOT NULL,
                    "name" VARCHAR(100) NOT NULL,
                    "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
                    CONSTRAINT "organization_pkey" PRIMARY KEY ("id"),
                    CONSTRAINT "organization_name_key" UNIQUE ("name")
                )
                """)
        #expect(
            statements.dropFirst().first == """
                CREATE TABLE "account" (
                    "id" BIGINT NOT NULL,
                    "org_id" INTEGER NOT NULL,
                    "email" TEXT NOT NULL,
                    "balance" NUMERIC(10, 2) NOT NULL DEFAULT 0,
                    "status" TEXT NOT NULL DEFAULT 'active',
                    "profile" JSON,
                    CONSTRAINT "account_pkey" PRIMARY KEY ("id"),
                    CONSTRAINT "uq_account_org_email" UNIQUE ("org_id", "email"),
                    CONSTRAINT "account_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization" ("id") ON DELETE CASCADE,
                    CONSTRAINT "account_status_enum" CHECK ("status" IN ('active', 'suspended', 'closed')),
                    CONSTRAINT "ck_account_balance_nonneg" CHECK (balance >= 0)
                )
                """)
        #expect(
            Array(statements.suffix(2)) == [
                "CREATE UNIQUE INDEX \"ix_account_email_lower\" ON \"account\" (lower(email))",
                "CREATE INDEX \"ix_account_org_status\" ON \"account\" (\"org_id\", \"status\") WHERE status <> 'closed'",
            ])
    }
}
