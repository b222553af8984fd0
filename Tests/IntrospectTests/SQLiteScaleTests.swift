import Introspect
import ModelDSL
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("SQLite catalog reader at scale")
struct SQLiteScaleTests {
    /// `count` tables of 12 columns, each with a foreign key to the previous one, a unique
    /// constraint, a check and two indexes (one partial, one on an expression).
    static func schema(tables count: Int) -> Schema {
        Schema {
            for i in 0..<count {
                Table("t\(i)") {
                    Column("id", .integer).primaryKey()
                    if i > 0 { Column("parent", .integer).references("t\(i - 1)", "id", onDelete: .cascade) }
                    for c in 0..<(i > 0 ? 10 : 11) {
                        Column("c\(c)", c % 2 == 0 ? .text : .numeric(12, 2)).notNull().default(c % 2 == 0 ? "x" : 0)
                    }
                    Unique("uq_t\(i)_c0_c2", "c0", "c2")
                    Check("ck_t\(i)_c1", "c1 >= 0")
                    Index("ix_t\(i)_c4", "c4").where("c4 <> 'gone'")
                    Index("ix_t\(i)_lower", expressions: ["lower(c6)"])
                }
            }
        }
    }

    func readCount(tables: Int) throws -> (queries: Int, schema: Schema, model: Schema, seconds: Double) {
        let model = Self.schema(tables: tables)
        let connection = try SQLiteConnection(path: nil)
        try connection.execute(
            "BEGIN; " + SQLiteDialect.createStatements(for: model).joined(separator: ";\n") + "; COMMIT")
        let before = connection.queryCount
        var start = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        let schema = try SQLiteCatalogReader(connection: connection).read()
        var end = timespec()
        clock_gettime(CLOCK_MONOTONIC, &end)
        let seconds = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
        return (connection.queryCount - before, schema, model, seconds)
    }

    @Test("300 tables take as many queries as 3, and read back as the model")
    func queriesDoNotGrow() throws {
        let small = try readCount(tables: 3)
        let large = try readCount(tables: 300)
        #expect(small.queries == large.queries)
        #expect(large.queries <= 10)
        #expect(large.schema.tables.count == 300)
        #expect(large.schema == SQLiteDialect.storedForm(of: large.model))
    }

    @Test("1000 tables read with a fixed number of queries")
    func thousandTables() throws {
        let result = try readCount(tables: 1000)
        print(
            "SQLite: read 1000 tables x 12 columns in \(Int(result.seconds * 1000)) ms with \(result.queries) queries")
        #expect(result.schema.tables.count == 1000)
        #expect(result.queries <= 10)  // how quickly is for the benchmarks (BENCHMARKS.md)
    }
}
