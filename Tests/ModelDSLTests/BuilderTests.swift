import ModelDSL
import Testing

@Suite struct BuilderTests {
    @Test func ifElseAndForWorkInsideTheBuilders() {
        let withAudit = true
        let schema = Schema {
            for name in ["a", "b"] {
                Table(name) {
                    Column("id", .integer).primaryKey()
                    for i in 0..<3 { Column("c\(i)", .text) }
                    if withAudit {
                        Column("audited_at", .timestamp())
                    } else {
                        Column("never", .text)
                    }
                    if !withAudit { Column("absent", .text) }
                }
            }
            if withAudit {
                Table("audit") { Column("id", .bigint).primaryKey() }
            }
        }
        #expect(schema.tables.map(\.name) == ["a", "audit", "b"])
        #expect(schema.table("a")?.columns.map(\.name) == ["id", "c0", "c1", "c2", "audited_at"])
    }

    @Test func compositePrimaryKeyMakesItsColumnsNotNull() throws {
        let schema = Schema {
            Table("membership") {
                Column("user_id", .integer)
                Column("group_id", .integer)
                PrimaryKey("user_id", "group_id")
            }
        }
        let table = try #require(schema.table("membership"))
        #expect(table.primaryKey == PrimaryKey(columns: ["user_id", "group_id"], name: "membership_pkey"))
        #expect(table.columns.allSatisfy { !$0.isNullable })
    }

    @Test func namingConventionFillsEveryMissingName() throws {
        let schema = Schema {
            Table("account", schema: "billing") {
                Column("id", .integer).primaryKey()
                Column("org_id", .integer).references("organization", "id", schema: "billing")
                Column("email", .text).unique().index()
                Unique(on: "org_id", "email")
                Index(on: "org_id", "email")
            }
            Table("organization", schema: "billing") { Column("id", .integer).primaryKey() }
        }
        let table = try #require(schema.table("account", schema: "billing"))
        #expect(table.primaryKey?.name == "account_pkey")
        #expect(table.foreignKeys.map(\.name) == ["account_org_id_fkey"])
        #expect(table.uniques.compactMap(\.name) == ["account_email_key", "account_org_id_email_key"])
        #expect(table.indexes.compactMap(\.name) == ["ix_account_email", "ix_account_org_id_email"])
        #expect(schema.problems() == [])
    }

    @Test func aCustomConventionIsUsed() throws {
        let naming = NamingConvention(primaryKey: "pk_%(table)s", index: "%(table)s_%(column_0)s_idx")
        let schema = Schema(naming: naming) {
            Table("t") {
                Column("id", .integer).primaryKey()
                Column("x", .text).index()
                Index("explicit", "x")
            }
        }
        #expect(schema.table("t")?.primaryKey?.name == "pk_t")
        #expect(schema.table("t")?.indexes.compactMap(\.name) == ["explicit", "t_x_idx"])
    }

    @Test func longNamesAreShortenedDeterministically() {
        let long = String(repeating: "very_long_name_", count: 6)
        let name = NamingConvention.default.indexName(table: long, elements: [.column("column")])
        #expect(name.utf8.count == 63)
        #expect(name == NamingConvention.default.indexName(table: long, elements: [.column("column")]))
        #expect(name != NamingConvention.default.indexName(table: long, elements: [.column("other")]))
        #expect(NamingConvention.shortened("short") == "short")
    }

    @Test func indexModifiers() {
        let index = Index(on: "doc").using("GIN").unique().where("doc IS NOT NULL")
        #expect(index.method == "GIN")
        #expect(index.unique)
        #expect(index.predicate == "doc IS NOT NULL")
        #expect(Index(on: "a").using("btree").method == nil, "btree is the default method")
    }

    @Test func identityKinds() {
        #expect(Column("id", .integer).identity().identity == .byDefault)
        #expect(Column("id", .integer).identity(.always).identity == .always)
        #expect(Column("id", .integer).serial().identity == .serial)
        #expect(Column("id", .integer).autoincrement().identity == .autoincrement)
    }

    @Test func defaultLiterals() {
        #expect(Column("a", .text).default("x").defaultValue == .string("x"))
        #expect(Column("a", .integer).default(-3).defaultValue == .integer(-3))
        #expect(Column("a", .numeric()).default(1.25).defaultValue == .decimal("1.25"))
        #expect(Column("a", .boolean).default(true).defaultValue == .boolean(true))
        #expect(Column("a", .boolean).default(.sql("now()")).defaultValue == .sql("now()"))
    }
}
