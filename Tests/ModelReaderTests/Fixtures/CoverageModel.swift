// Every declaration ModelReader knows, used at least once: the test target compiles this file,
// and ModelReaderCoverageTests reads its text and compares the two results.
import Foundation
import ModelDSL

/* A block comment /* nested */ still a comment. */
let coverageTimestamps = [
    Column("created_at", .timestamp(withTimeZone: true)).notNull().default(.sql("CURRENT_TIMESTAMP")),
    Column("updated_at", .timestamp()).nullable(),
]

private let coverageAccount = Table("account", schema: "app") {
    Column("id", .bigint).primaryKey().identity(.always)
    Column("org_id", .integer).notNull().references(
        "organization", "id", schema: "app", onDelete: .cascade, onUpdate: .restrict, deferrable: true,
        initiallyDeferred: false, name: "fk_org")
    Column("email", .varchar(320), nullable: false, default: "x@example.com", identity: nil, comment: "login")
    Column("balance", .numeric(10, 2)).default(10.50)
    Column("ratio", .numeric()).default(-1.5e3)
    Column("scale_only", .numeric(nil, 2)).default(.decimal("0.00"))
    Column("count", .smallint).default(-42)
    Column("big", .bigint).default(.integer(9_000_000_000))
    Column("flag", .boolean).default(true).comment(nil)
    Column("flag2", .boolean, default: .boolean(false))
    Column("title", .char(3)).default(.string("a\"b\\c\n\t\u{e9}\0'"))
    Column("plain_char", .char())
    Column("plain_varchar", .varchar())
    Column("status", .enumeration("account_status", schema: "app")).default("active")
    Column("tags", .array(.text))
    Column("matrix", .array(.array(.integer)))
    Column("doc", .jsonb)
    Column("raw_json", .json)
    Column("ident", .uuid)
    Column("blob", .binary)
    Column("born", .date)
    Column("wake", .time(withTimeZone: true))
    Column("nap", .time())
    Column("span", .interval)
    Column("price", .real)
    Column("weight", .double)
    Column("note", .text).unique().index()
    Column("note2", .text).unique(name: "uq_note2").index(name: "ix_note2", unique: true)
    Column("ts", .raw("tsvector"))
    Column("parsed", ColumnType(parsing: "character varying(12)"))
    Column("serial_no", .integer).serial().sequence(
        type: .bigint, start: 100, increment: 2, minValue: nil, maxValue: nil, cache: 5, cycle: false)
    Column("total", .integer).generated("count * 2")
    Column("code", .text).collation("C").statistics(500)
    Column("total2", .integer).generated("count * 3", stored: false)
    Column("renamed_col", .text).renamed(from: "old_col")
    Column("identity_default", .integer).identity()
    Column("explicit", ColumnType.text).default(DefaultValue.sql("'x'"))
    Column("action", .text).references("organization", "name", onDelete: ReferentialAction.setNull, onUpdate: .noAction)
    coverageTimestamps
    Unique("uq_account_pair", "org_id", "email")
    Unique(on: "email", "org_id").nullsNotDistinct()
    Unique(name: nil, columns: ["flag", "count"])
    Check("ck_balance", "balance >= 0")
    Check(name: nil, expression: "count < 100").notValid()
    ForeignKey(["org_id", "email"], references: "membership", ["org_id", "email"], onDelete: .setDefault).matchFull()
        .notValid()
    Index("ix_account_email", "email", unique: true).where("email <> ''").using("btree")
    Index("ix_account_lower", expressions: ["lower(email)"]).key("lower(email)", opclass: "text_pattern_ops")
    Index("ix_account_ordered", "org_id", "email").key("org_id", descending: true, nullsFirst: false)
        .key("email", collation: "C").include("status").nullsNotDistinct().with("fillfactor", "70")
    Index(on: "org_id", "status").using("hash").unique()
    Index(
        name: "ix_mixed", elements: [.column("org_id"), .expression("lower(email)")], unique: false, method: "gin",
        predicate: "org_id > 0")
    Index(on: "count").unique(false)
}
.comment("Accounts")

let coverageMembership: Table = Table("membership") {
    Column("org_id", .integer); Column("email", .text)
    PrimaryKey("org_id", "email", name: "membership_pk")
}.renamed(from: "members")

let coverageOrganization = Table("organization", schema: "app") {
    Column("id", .integer).autoincrement()
    Column("name", .text)
    PrimaryKey(columns: ["id"])
}.unlogged()

let coverageLogged = Table("logged") { Column("id", .integer) }.unlogged(false).with("fillfactor", "70")

let coverageEvent = Table("event") {
    Column("at", .date).notNull()
    Exclusion("event_no_overlap", "USING gist (at WITH =)")
}
.partitioned(by: "RANGE (at)")
let coverageEvent2024 = Table("event_2024") {}.partition(
    of: "event", "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')")
let coverageEventOther = Table("event_other", schema: "app") {}.partition(of: "event", schema: "public", "DEFAULT")

let coverageNaming = NamingConvention(primaryKey: "pk_%(table)s", index: "idx_%(table)s_%(columns)s")

let coverageSchema = Schema(naming: coverageNaming) {
    Enum("account_status", ["active", "closed"], schema: "app")
    EnumType("mood", [])
    Extension("pgcrypto", schema: "extensions")
    Extension("citext")
    DatabaseSequence(
        "invoice_no", schema: "app", type: .integer, start: 1000, increment: 5, minValue: 10, maxValue: 100000,
        cache: 20, cycle: true)
    DatabaseSequence("plain_seq")
    Domain("positive", .integer, schema: "app").notNull().default(1).check("positive_check", "VALUE > 0").collation(nil)
    Domain("code", .text).collation("C")
    View("active_code", schema: "app", columns: ["c"], "SELECT code FROM t", comment: "x").renamed(from: "old_code")
        .comment("y")
    View(
        "long_code",
        """
        SELECT code, 'it''s \u{e9}\t' AS note
          FROM t \
        WHERE code <> ''

        ORDER BY 1
        """)
    MaterializedView(
        "code_count", schema: "app", "SELECT 1 AS n", withData: false, indexes: [Index("code_count_n", "n")],
        comment: "m")
    CompositeType("address", attributes: [Column("street", .text), Column("zip", .varchar(10)).collation("C")])
    Function(
        "add_tax", schema: "app", arguments: "amount numeric, rate numeric DEFAULT 0.2", returns: "numeric",
        language: "sql", volatility: .immutable, strict: true, securityDefiner: true, leakproof: true,
        parallel: .safe, cost: 5, rows: nil, settings: ["search_path=app, pg_temp"], standardBody: true,
        comment: "tax", body: "RETURN amount * (1 + rate)"
    ).renamed(from: "plus_tax").comment("with tax")
    Function(
        "touch", returns: "trigger", language: "plpgsql", volatility: .stable, parallel: .restricted, rows: 10.5,
        body: "BEGIN RETURN NEW; END")
    Aggregate("group_concat", schema: "app", arguments: "text", options: "SFUNC = textcat, STYPE = text", comment: "g")
        .renamed(from: "concat_all")
    Function(
        "escapes", returns: "text", language: "sql",
        body: """

            SELECT 'a\\b' || E'\\n' || $q$\"""$q$\u{20}
            \r
            """)
    Function("noop", returns: "void", language: "sql", volatility: .volatile, parallel: .unsafe, body: "")
    Procedure(
        "archive", schema: "app", arguments: "before date", language: "plpgsql", securityDefiner: true,
        settings: ["work_mem=64MB"], standardBody: false, comment: "old rows",
        body: """
            BEGIN
              DELETE FROM t WHERE code < before::text;
            END
            """)
    Trigger(
        "t_touch", on: "t", schema: "app", .before, [.insert, .update, .delete, .truncate], updateOf: ["code"],
        forEachRow: false, when: "true", execute: "touch()", comment: "c"
    ).renamed(from: "t_old").comment("d")
    Trigger("t_view", on: "active_code", .insteadOf, [.insert], execute: "touch()")
    Trigger(
        "t_batch", on: "t", .after, [.insert], referencing: "NEW TABLE AS added", forEachRow: false,
        execute: "touch()", firing: .disabled)
    Trigger("t_replica", on: "t", .after, [.update], execute: "touch()", firing: .replica)
    Trigger("t_always", on: "t", .after, [.update], execute: "touch()", firing: .always)
    Trigger("t_origin", on: "t", .after, [.update], execute: "touch()", firing: .origin)
    Policy(
        "own", on: "t", schema: "app", for: .select, permissive: false, to: ["b_role", "a_role"],
        using: "code = current_user", withCheck: nil
    ).renamed(from: "mine")
    Policy("writes", on: "t", for: .insert, withCheck: "code <> ''")
    Policy("edits", on: "t", for: .update, using: "true")
    Policy("removes", on: "t", for: .delete)
    Policy("any", on: "t", for: .all)
    Trigger("t_log", on: "t", .after, [.delete], updateOf: [], when: "old.code <> ''", body: "SELECT 1;")
        .renamed(from: "t_log_old")
    coverageAccount
    [coverageMembership, coverageOrganization, coverageLogged]
    [coverageEvent, coverageEvent2024, coverageEventOther]
    Table("empty") {}.rowLevelSecurity(force: true)
    Table("secured") { Column("id", .integer) }.rowLevelSecurity()
    Table("unsecured") { Column("id", .integer) }.rowLevelSecurity(false)
    Table("nullable_pk") {
        Column("id", .integer).primaryKey().nullable()
    }
}

let coverageDefaultNaming = Schema(naming: .default) {
    Table("t") { Column("id", .integer).primaryKey() }
}

let coverageEmpty = Schema {}

let coverageNames: [String] = ["a", "b"]
let coverageCount = 3
let coverageFlag = true
let coverageRatio = 2.5
let coverageIdentity = Identity.byDefault
let coverageConvention = NamingConvention.default
