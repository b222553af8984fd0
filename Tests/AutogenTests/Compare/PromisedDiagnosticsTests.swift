import Introspect
import ModelDSL
import Testing

@testable import Autogen

/// What the README's "How compare decides" promises, one finding each (issue #11 item 15).
@Suite struct PromisedDiagnosticsTests {
    static func compare(
        _ model: Schema, _ database: Schema, _ dialect: any SchemaDialect.Type = PostgresDialect.self
    ) -> CompareResult {
        Comparer.compare(model: model, database: database, dialect: dialect)
    }

    static func kinds(_ result: CompareResult) -> [Diagnostic.Kind] { result.diagnostics.map(\.kind) }

    static let base = Schema {
        Table("t") {
            Column("id", .integer).primaryKey()
            Column("a", .text)
        }
    }

    @Test func aNotNullColumnAddedWithoutADefault() {
        let model = Schema {
            Table("t") {
                Column("id", .integer).primaryKey()
                Column("a", .text)
                Column("b", .text).notNull()
            }
        }
        let result = Self.compare(model, Self.base)
        #expect(
            result.diagnostics.map(\.description) == [
                "warning: adding NOT NULL column t.b without a default fails if the table has rows [not-null-without-default]"
            ])
        let withDefault = Schema {
            Table("t") {
                Column("id", .integer).primaryKey()
                Column("a", .text)
                Column("b", .text).notNull().default("x")
            }
        }
        #expect(Self.compare(withDefault, Self.base).diagnostics == [])
    }

    @Test func aRemovedEnumValue() {
        let database = Schema {
            Enum("mood", ["sad", "ok", "happy"])
            Table("t") { Column("m", .enumeration("mood")) }
        }
        let model = Schema {
            Enum("mood", ["sad", "happy"])
            Table("t") { Column("m", .enumeration("mood")) }
        }
        let result = Self.compare(model, database)
        #expect(Self.kinds(result) == [.enumValueRemoved], "\(result.diagnostics)")
        #expect(result.diagnostics.first?.description.contains("loses the value 'ok'") == true, "\(result.diagnostics)")
    }

    @Test func aTypeChangeThatMayFail() {
        let model = Schema {
            Table("t") {
                Column("id", .integer).primaryKey()
                Column("a", .integer)
            }
        }
        #expect(Self.kinds(Self.compare(model, Self.base)) == [.typeChangeMayFail])
    }

    @Test func aDropAndAnAddOfOneTypeIsAPossibleRename() {
        let model = Schema {
            Table("t") {
                Column("id", .integer).primaryKey()
                Column("b", .text)
            }
        }
        let result = Self.compare(model, Self.base)
        #expect(Self.kinds(result).contains(.possibleRename), "\(result.diagnostics)")
        #expect(Self.kinds(result).contains(.dropsData))
    }

    @Test func aPrimaryKeyChangeIsADropAndAnAdd() {
        let model = Schema {
            Table("t") {
                Column("id", .integer).notNull()
                Column("a", .text).notNull()
                PrimaryKey("id", "a", name: "t_pkey")
            }
        }
        let ops = Self.compare(model, Self.base).ops
        #expect(ops.contains { if case .dropPrimaryKey = $0 { true } else { false } }, "\(ops)")
        #expect(ops.contains { if case .addPrimaryKey = $0 { true } else { false } }, "\(ops)")
    }

    @Test func aForeignKeyDeferrabilityChange() {
        func schema(deferrable: Bool) -> Schema {
            Schema {
                Table("p") { Column("id", .integer).primaryKey() }
                Table("c") {
                    Column("id", .integer).primaryKey()
                    Column("p_id", .integer).references("p", "id", deferrable: deferrable, name: "c_p_id_fkey")
                }
            }
        }
        let ops = Self.compare(schema(deferrable: true), schema(deferrable: false)).ops
        #expect(ops.count == 2, "\(ops)")
        #expect(ops.contains { if case .dropForeignKey = $0 { true } else { false } })
        #expect(ops.contains { if case .addForeignKey(_, let key) = $0 { key.deferrable } else { false } })
    }

    @Test func anIndexMethodChange() {
        func schema(_ method: String?) -> Schema {
            Schema {
                Table("t") {
                    Column("id", .integer).primaryKey()
                    Column("a", .jsonb)
                    method.map { Index("ix_t_a", "a").using($0) } ?? Index("ix_t_a", "a")
                }
            }
        }
        let ops = Self.compare(schema("gin"), schema(nil)).ops
        #expect(ops.count == 2, "\(ops)")
        #expect(ops.contains { if case .createIndex(_, let index, _) = $0 { index.method == "gin" } else { false } })
    }

    /// SQLite keeps no names for inline constraints: a named unique in the model matches the
    /// database's unnamed one on the same columns.
    @Test func unnamedConstraintsMatchByShape() throws {
        let connection = try SQLiteConnection(path: nil)
        try connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT UNIQUE, CHECK (id > 0))")
        let database = try SQLiteCatalogReader(connection: connection).read()
        let model = Schema {
            Table("t") {
                Column("id", .integer).primaryKey()
                Column("a", .text)
                Unique("t_a_key", "a")
                Check("ck_t_id", "id > 0")
            }
        }
        #expect(Self.compare(model, database, SQLiteDialect.self).ops == [])
        let other = Schema {
            Table("t") {
                Column("id", .integer).primaryKey()
                Column("a", .text)
                Unique("t_id_a_key", "id", "a")
                Check("ck_t_id", "id > 0")
            }
        }
        // Another shape is another constraint: the unnamed one goes, the new one comes.
        let ops = Self.compare(other, database, SQLiteDialect.self).ops
        #expect(ops.count == 2, "\(ops)")
        #expect(ops.contains { if case .addUnique(_, let u) = $0 { u.columns == ["id", "a"] } else { false } })
    }
}
