// The target schema: what the database should look like. `autogen revision --autogenerate`
// compares it with the database and writes the difference as a new revision;
// `autogen check` fails while they differ.
import Autogen

let schema: Schema = Schema {
    Enum("account_status", ["active", "suspended", "closed"])

    Table("organization") {
        Column("id", .integer).primaryKey()
        Column("name", .varchar(100)).notNull().unique()
        Column("created_at", .timestamp(withTimeZone: true)).notNull().default(.sql("CURRENT_TIMESTAMP"))
    }
    .comment("Customer organizations")

    Table("account") {
        Column("id", .bigint).primaryKey()
        Column("org_id", .integer).notNull().references("organization", "id", onDelete: .cascade)
        Column("email", .text).notNull().comment("login e-mail")
        Column("balance", .numeric(10, 2)).notNull().default(0)
        Column("status", .enumeration("account_status")).notNull().default("active")
        Column("profile", .json)
        Index("ix_account_email_lower", expressions: ["lower(email)"], unique: true)
        Index("ix_account_org_status", "org_id", "status").where("status <> 'closed'")
        Unique("uq_account_org_email", "org_id", "email")
        Check("ck_account_balance_nonneg", "balance >= 0")
    }
}
