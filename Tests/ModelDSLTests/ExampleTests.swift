import ModelDSL
import TestSupport
import Testing

@Suite struct ExampleModelTests {
    @Test func declaresTheEnumWithItsValuesInOrder() {
        #expect(exampleSchema.enums == [EnumType("account_status", ["active", "suspended", "closed"])])
    }

    @Test func organizationMeansWhatItSays() throws {
        let org = try #require(exampleSchema.table("organization"))
        #expect(org.comment == "Customer organizations")
        #expect(org.columns.map(\.name) == ["id", "name", "created_at"])
        #expect(org.primaryKey == PrimaryKey(columns: ["id"], name: "organization_pkey"))
        #expect(org.column("id")?.isNullable == false, "a primary-key column is NOT NULL")
        #expect(org.column("name")?.type == .varchar(100))
        #expect(org.column("name")?.isNullable == false)
        #expect(org.uniques == [Unique(name: "organization_name_key", columns: ["name"])])
        #expect(org.column("created_at")?.type == .timestamp(withTimeZone: true))
        #expect(org.column("created_at")?.defaultValue == .sql("CURRENT_TIMESTAMP"))
    }

    @Test func accountMeansWhatItSays() throws {
        let account = try #require(exampleSchema.table("account"))
        #expect(account.primaryKey?.columns == ["id"])
        #expect(account.column("email")?.comment == "login e-mail")
        #expect(account.column("balance")?.type == .numeric(10, 2))
        #expect(account.column("balance")?.defaultValue == .integer(0))
        #expect(account.column("status")?.type == .enumeration("account_status"))
        #expect(account.column("status")?.defaultValue == .string("active"))
        #expect(account.column("profile")?.isNullable == true, "nullable unless notNull()")
        #expect(
            account.foreignKeys == [
                ForeignKey(
                    ["org_id"], references: "organization", ["id"], onDelete: .cascade, name: "account_org_id_fkey")
            ])
        #expect(account.uniques == [Unique(name: "uq_account_org_email", columns: ["org_id", "email"])])
        #expect(account.checks == [Check(name: "ck_account_balance_nonneg", expression: "balance >= 0")])
        #expect(
            account.indexes == [
                Index(name: "ix_account_email_lower", elements: [.expression("lower(email)")], unique: true),
                Index(
                    name: "ix_account_org_status", elements: [.column("org_id"), .column("status")],
                    predicate: "status <> 'closed'"),
            ])
        #expect(exampleSchema.problems() == [])
    }

    @Test func declarationOrderOfConstraintsDoesNotMatter() {
        let a = Schema {
            Table("t") {
                Column("a", .integer)
                Column("b", .integer)
                Index("ix_b", "b")
                Index("ix_a", "a")
            }
        }
        let b = Schema {
            Table("t") {
                Column("a", .integer)
                Column("b", .integer)
                Index("ix_a", "a")
                Index("ix_b", "b")
            }
        }
        #expect(a == b)
    }
}
