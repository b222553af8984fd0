import ModelDSL

@testable import Autogen

/// A database and a model that differ in every way compare detects.
enum CompareFixtures {
    /// The database as the catalog reader would return it.
    static let database = Schema(
        tables: [
            Table(
                name: "account",
                columns: [
                    Column("id", .bigint, nullable: false),
                    Column("mail", .text, nullable: false),
                    Column("name", .varchar(50), nullable: true),
                    Column("balance", .numeric(10, 2), nullable: false, default: .integer(0)),
                    Column("status", .enumeration("account_status"), nullable: false, default: .string("active")),
                    Column("legacy", .text),
                    Column("org_id", .integer, nullable: false),
                ],
                primaryKey: PrimaryKey(columns: ["id"], name: "account_pkey"),
                uniques: [Unique(name: "uq_account_mail", columns: ["mail"])],
                foreignKeys: [ForeignKey(["org_id"], references: "organization", ["id"], name: "account_org_id_fkey")],
                checks: [Check(name: "ck_account_balance", expression: "(balance >= (0)::numeric)")],
                indexes: [
                    Index(name: "ix_account_name", elements: [.column("name")]),
                    Index(name: "ix_account_legacy", elements: [.column("legacy")]),
                ],
                comment: "accounts"),
            Table(
                name: "organization", columns: [Column("id", .integer, nullable: false)],
                primaryKey: PrimaryKey(columns: ["id"], name: "organization_pkey")),
            Table(
                name: "old_log", columns: [Column("id", .integer, nullable: false), Column("line", .text)],
                primaryKey: PrimaryKey(columns: ["id"], name: "old_log_pkey"),
                indexes: [Index(name: "ix_old_log_line", elements: [.column("line")])]),
        ],
        enums: [EnumType("account_status", ["active", "closed"]), EnumType("retired", ["a"])])

    /// The model, in the DSL.
    static let model = Schema {
        Enum("account_status", ["active", "suspended", "closed"])
        Enum("mood", ["happy", "sad"])
        Table("organization") {
            Column("id", .integer).primaryKey()
            Column("name", .text).notNull().default("unnamed")
        }
        Table("account") {
            Column("id", .bigint).primaryKey()
            Column("email", .text).notNull().renamed(from: "mail")
            Column("name", .text).notNull()
            Column("balance", .numeric(12, 2)).notNull().default(0)
            Column("status", .enumeration("account_status")).notNull().default("active")
            Column("org_id", .integer).notNull().references("organization", "id", onDelete: .cascade)
            Column("mood", .enumeration("mood"))
            Unique("uq_account_mail", "email")
            Check("ck_account_balance", "balance >= 0")
            Index("ix_account_name", "name").where("name IS NOT NULL")
        }
        .comment("customer accounts")
        Table("audit") {
            Column("id", .bigint).primaryKey().identity()
            Column("account_id", .bigint).references("account", "id")
            Column("at", .timestamp(withTimeZone: true)).notNull().default(.sql("CURRENT_TIMESTAMP"))
            Index("ix_audit_account", "account_id")
        }
    }
}
