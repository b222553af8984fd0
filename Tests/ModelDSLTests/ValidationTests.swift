import ModelDSL
import Testing

@Suite struct ValidationTests {
    @Test func twoColumnsWithOneName() {
        let schema = Schema {
            Table("account") {
                Column("email", .text)
                Column("email", .varchar(10))
            }
        }
        #expect(schema.problems() == ["table \"account\": column \"email\" is declared twice"])
        #expect(throws: ModelError.self) { try schema.validate() }
    }

    @Test func indexAndForeignKeyOnMissingColumns() {
        let schema = Schema {
            Table("organization") { Column("id", .integer).primaryKey() }
            Table("account") {
                Column("id", .integer).primaryKey()
                Index("ix_account_nope", "nope")
                ForeignKey(["org"], references: "organization", ["id"], name: "fk_org")
                ForeignKey(["id"], references: "organization", ["uuid"], name: "fk_uuid")
                Unique("uq_x", "missing")
            }
        }
        let problems = schema.problems()
        #expect(
            problems.contains(
                "table \"account\": index \"ix_account_nope\" names column \"nope\", which the table does not have"))
        #expect(
            problems.contains(
                "table \"account\": foreign key \"fk_org\" names column \"org\", which the table does not have"))
        #expect(
            problems.contains(
                "table \"account\": foreign key \"fk_uuid\" refers to \"organization.uuid\", which does not exist"))
        #expect(
            problems.contains(
                "table \"account\": unique constraint \"uq_x\" names column \"missing\", which the table does not have")
        )
        #expect(problems.count == 4)
    }

    @Test func twoPrimaryKeys() {
        let schema = Schema {
            Table("t") {
                Column("a", .integer).primaryKey()
                Column("b", .integer)
                PrimaryKey("b")
            }
        }
        #expect(schema.problems().count == 1)
        #expect(schema.problems().first?.hasPrefix("table \"t\": has 2 primary keys") == true)
        do {
            try schema.validate()
            Issue.record("validate() should throw")
        } catch {
            #expect(error.description.hasPrefix("invalid model: table \"t\": has 2 primary keys"))
        }
    }

    @Test func undeclaredEnumDuplicateTablesAndNames() {
        let schema = Schema {
            Table("t") {
                Column("s", .enumeration("mood"))
                Column("n", .text).identity()
                Index("same", "s")
            }
            Table("u") {
                Column("id", .integer).primaryKey()
                Index("same", "id")
            }
            Table("u") { Column("x", .integer) }
        }
        let problems = schema.problems()
        #expect(problems.contains("table \"t\": column \"s\" uses enum \"mood\", which the schema does not declare"))
        #expect(problems.contains("table \"t\": column \"n\" is byDefault but its type text is not an integer type"))
        #expect(problems.contains("table \"u\" is declared twice"))
        #expect(problems.contains { $0.contains("the name \"same\" is already used by table \"t\"") })
    }

    @Test func nullablePrimaryKeyColumnIsRejected() {
        let schema = Schema { Table("t") { Column("id", .integer).nullable().primaryKey() } }
        #expect(schema.problems() == ["table \"t\": column \"id\" is in the primary key and cannot be nullable"])
    }
}
