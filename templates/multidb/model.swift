// The target schemas, one per database: what each database should look like.
// `autogen revision --autogenerate` compares each with its database and writes the
// differences as one new revision, with a body per database; `autogen check` fails while any
// database differs from its schema. env.swift pairs them with autogen.ini's `databases`.
import Autogen

/// The database `main`: the application's data.
let mainSchema: Schema = Schema {
    Table("organization") {
        Column("id", .integer).primaryKey()
        Column("name", .varchar(100)).notNull().unique()
        Column("created_at", .timestamp(withTimeZone: true)).notNull().default(.sql("CURRENT_TIMESTAMP"))
    }

    Table("account") {
        Column("id", .bigint).primaryKey()
        Column("org_id", .integer).notNull().references("organization", "id", onDelete: .cascade)
        Column("email", .text).notNull()
        Index("ix_account_org", "org_id")
        Unique("uq_account_email", "email")
    }
}

/// The database `audit`: who did what, kept apart from the application's data.
let auditSchema: Schema = Schema {
    Table("audit_event") {
        Column("id", .bigint).primaryKey()
        Column("account_id", .bigint).notNull()
        Column("action", .varchar(50)).notNull()
        Column("at", .timestamp(withTimeZone: true)).notNull().default(.sql("CURRENT_TIMESTAMP"))
        Index("ix_audit_event_account_at", "account_id", "at")
    }
}
