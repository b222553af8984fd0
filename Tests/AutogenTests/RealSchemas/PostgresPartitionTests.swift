import Foundation
import Introspect
import ModelDSL
import ModelReader
import TestSupport
import Testing

@testable import Autogen

/// Issue #13 item 7: partitioned tables (RANGE, LIST, HASH) and their partitions (bounds,
/// DEFAULT) are read as partitions, not as unrelated tables; what a partition inherits (its
/// columns, the parent's keys and indexes) is the parent's; partitions are created after
/// their parent and dropped before it; a change of key or bound is reported.
@Suite(.serialized) struct PostgresPartitionTests {
    static let original = """
        CREATE TABLE customer (id integer PRIMARY KEY);
        CREATE TABLE payment (
            payment_id serial, customer_id integer NOT NULL REFERENCES customer (id), amount numeric(5,2) NOT NULL,
            payment_date timestamptz NOT NULL, PRIMARY KEY (payment_date, payment_id)
        ) PARTITION BY RANGE (payment_date);
        CREATE TABLE payment_p2022_01 PARTITION OF payment
            FOR VALUES FROM ('2022-01-01 00:00:00+00') TO ('2022-02-01 00:00:00+00');
        CREATE TABLE payment_p2022_02 PARTITION OF payment
            FOR VALUES FROM ('2022-02-01 00:00:00+00') TO ('2022-03-01 00:00:00+00');
        CREATE TABLE payment_default PARTITION OF payment DEFAULT;
        CREATE INDEX payment_customer_idx ON payment (customer_id);
        CREATE INDEX payment_p2022_01_amount_idx ON payment_p2022_01 (amount);
        CREATE TABLE region_sales (region text NOT NULL, total integer) PARTITION BY LIST (region);
        CREATE TABLE region_sales_eu PARTITION OF region_sales FOR VALUES IN ('eu', 'uk');
        CREATE TABLE bucket (id integer NOT NULL) PARTITION BY HASH (id);
        CREATE TABLE bucket_0 PARTITION OF bucket FOR VALUES WITH (modulus 2, remainder 0);
        CREATE TABLE bucket_1 PARTITION OF bucket FOR VALUES WITH (modulus 2, remainder 1);
        INSERT INTO customer VALUES (1);
        INSERT INTO payment (customer_id, amount, payment_date) VALUES (1, 9.99, '2022-01-15'), (1, 1.50, '2023-05-01')
        """

    /// A sub-partition's key types come from the table at the top (a partition has no columns
    /// of its own): its bound spelled otherwise is no change either.
    @Test(.enabled(if: TestPostgres.isConfigured)) func subPartitionBoundsCompareByMeaning() async throws {
        try await withTemporaryPostgres { url in
            try OneRevisionMigration.load(
                """
                CREATE TABLE event (at date NOT NULL, kind integer NOT NULL) PARTITION BY RANGE (at);
                CREATE TABLE event_2024 PARTITION OF event
                    FOR VALUES FROM ('2024-01-01') TO ('2025-01-01') PARTITION BY LIST (kind);
                CREATE TABLE event_2024_k1 PARTITION OF event_2024 FOR VALUES IN (1);
                """, into: url)
            var model = try OneRevisionMigration.inspectedModel(try OneRevisionMigration.catalog(url))
            let k = try #require(model.tables.firstIndex { $0.name == "event_2024_k1" })
            #expect(model.tables[k].partitionOf?.bound == "FOR VALUES IN (1)")
            model.tables[k].partitionOf?.bound = "FOR VALUES IN ('1')"
            let migration = try OneRevisionMigration(.postgresql(url))
            let result = try DatabaseComparison.compare(
                model: model, url: .postgresql(url), options: CompareOptions(), config: migration.config)
            #expect(result.ops.isEmpty && result.diagnostics.isEmpty, "\(result)")
            model.tables[k].partitionOf?.bound = "FOR VALUES IN ('2')"
            let other = try DatabaseComparison.compare(
                model: model, url: .postgresql(url), options: CompareOptions(), config: migration.config)
            #expect(other.diagnostics.map(\.kind) == [.partitionChange], "\(other)")
        }
    }

    /// Bound values are compared by meaning only where the key is plain columns, in the same
    /// places of the same bound.
    @Test func boundValuesPairUp() {
        #expect(PartitionBoundComparison.keyColumns("RANGE (at, \"Region\")") == ["at", "Region"])
        #expect(PartitionBoundComparison.keyColumns("RANGE (lower(name))") == nil)
        #expect(
            PartitionBoundComparison.tokens("FOR VALUES FROM ('it''s', -1) TO (MAXVALUE)") == [
                .word("FOR"), .word("VALUES"), .word("FROM"), .punctuation("("), .value("'it''s'"),
                .punctuation(","), .value("-1"), .punctuation(")"), .word("TO"), .punctuation("("),
                .word("MAXVALUE"), .punctuation(")"),
            ])
        // Only numbers go to the server bare; `1/*` is a word, compared as text.
        #expect(PartitionBoundComparison.isNumber("-1.5e3") && PartitionBoundComparison.isNumber("42"))
        #expect(!PartitionBoundComparison.isNumber("1/*") && !PartitionBoundComparison.isNumber("1--"))
        #expect(!PartitionBoundComparison.isNumber("1::text") && !PartitionBoundComparison.isNumber("-"))
        let types = PartitionBoundComparison(keyTypes: ["date", "integer"])
        var questions = Set<DefaultQuestion>()
        // Same text: same. Other values: asked, different until answered.
        #expect(
            types.compare(
                model: "FOR VALUES FROM ('a', 1) TO ('b', 2)", database: "FOR VALUES FROM ('a', 1) TO ('b', 2)",
                answers: [:], questions: &questions) == .same)
        #expect(
            types.compare(
                model: "FOR VALUES FROM ('a', 1) TO ('b', 2)", database: "FOR VALUES FROM ('a', 1) TO ('b', 02)",
                answers: [:], questions: &questions) == .different)
        let question = DefaultQuestion(model: "2", database: "02", type: "integer")
        #expect(questions == [question])
        #expect(
            types.compare(
                model: "FOR VALUES FROM ('a', 1) TO ('b', 2)", database: "FOR VALUES FROM ('a', 1) TO ('b', 02)",
                answers: [question: true], questions: &questions) == .same)
        // Another shape, or a key of expressions: different, nothing asked.
        questions = []
        #expect(
            types.compare(
                model: "FOR VALUES FROM ('a', 1) TO ('b', 2)", database: "DEFAULT", answers: [:], questions: &questions)
                == .different)
        #expect(
            PartitionBoundComparison(keyTypes: nil).compare(
                model: "FOR VALUES IN ('a')", database: "FOR VALUES IN ('b')", answers: [:], questions: &questions)
                == .different)
        #expect(questions.isEmpty)
    }

    @Test func partitionsAreWritten() {
        let parent = Table("event") { Column("at", .timestamp(withTimeZone: true)).notNull() }
            .partitioned(by: "RANGE (at)")
        let partition = Table("event_2024") {}.partition(
            of: "event", "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')")
        #expect(PostgresDialect.createTableSQL(parent).hasSuffix(") PARTITION BY RANGE (at)"))
        #expect(
            PostgresDialect.createTableSQL(partition)
                == #"CREATE TABLE "event_2024" PARTITION OF "event" FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"#)
        // Created after the parent whatever the names; dropped before it.
        let create = Comparer.compare(
            model: Schema {
                partition; parent
            }, database: Schema(tables: []), dialect: PostgresDialect.self)
        #expect(create.ops.map { $0.table?.name } == ["event", "event_2024"])
        #expect(
            Schema {
                Table("p") { Column("a", .integer) }.partition(of: "event", "DEFAULT"); parent
            }.problems()
                == [#"table "p" is a partition and declares columns; a partition has its parent's"#])
        // A database partition the model does not declare (nor any partition of its parent) is
        // left alone; declared partitions of that parent make the model the list.
        let database = PostgresDialect.storedForm(
            of: Schema {
                parent; partition
            })
        let plainParent = Comparer.compare(model: Schema { parent }, database: database, dialect: PostgresDialect.self)
        #expect(plainParent.ops.isEmpty, "\(plainParent.ops)")
        let other = Table("event_2025") {}.partition(of: "event", "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')")
        let replaced = Comparer.compare(
            model: Schema {
                parent; other
            }, database: database, dialect: PostgresDialect.self)
        #expect(replaced.ops.map { $0.table?.name } == ["event_2025", "event_2024"], "\(replaced.ops)")
        // Review: a foreign-key cycle beside a partition waiting for its parent does not hang.
        let cycle = CreationOrder([
            Table("a_p1") {}.partition(of: "p", "DEFAULT"),
            Table("p") {
                Column("id", .integer); Column("q_id", .integer).references("q", "id")
            }.partitioned(by: "LIST (id)"),
            Table("q") {
                Column("id", .integer); Column("p_id", .integer).references("p", "id")
            },
        ])
        #expect(cycle.tables.map(\.name) == ["p", "a_p1", "q"] || cycle.tables.map(\.name) == ["p", "q", "a_p1"])
        #expect(
            SQLiteDialect.identifierProblems(Schema { parent })
                == [#"table "event" is partitioned or a partition; SQLite has no partitions"#])
    }

    @Test(.enabled(if: TestPostgres.isConfigured)) func partitionedSchemasRoundTripAndChangesConverge() async throws {
        try await withTemporaryPostgres { source in
            try OneRevisionMigration.load(Self.original, into: source)
            let read = try OneRevisionMigration.catalog(source)
            #expect(read.table("payment")?.partitionKey == "RANGE (payment_date)")
            let january = try #require(read.table("payment_p2022_01"))
            #expect(january.partitionOf?.table == "payment" && january.columns.isEmpty)
            #expect(january.primaryKey == nil && january.foreignKeys.isEmpty)
            #expect(january.indexes.map(\.name) == ["payment_p2022_01_amount_idx"])
            #expect(read.table("payment_default")?.partitionOf?.bound == "DEFAULT")
            #expect(read.table("bucket_1")?.partitionOf?.bound == "FOR VALUES WITH (modulus 2, remainder 1)")
            let model = try OneRevisionMigration.inspectedModel(read)
            let sourceMigration = try OneRevisionMigration(.postgresql(source))
            let same = try DatabaseComparison.compare(
                model: model, url: .postgresql(source), options: CompareOptions(), config: sourceMigration.config)
            #expect(same.ops.isEmpty && same.diagnostics.isEmpty, "\(same)")

            try await withTemporaryPostgres { url in
                let connection = try PostgresConnection(url)
                defer { connection.close() }
                let migration = try OneRevisionMigration(.postgresql(url))
                let create = try migration.compare(model)
                try await migration.upgrade(create)
                let rebuiltResult = try DatabaseComparison.compare(
                    model: model, url: .postgresql(url), options: CompareOptions(), config: migration.config)
                #expect(rebuiltResult.ops.isEmpty && rebuiltResult.diagnostics.isEmpty, "\(rebuiltResult)")
                let rebuilt = try OneRevisionMigration.catalog(url)
                #expect(rebuilt == read)
                try connection.execute("INSERT INTO customer VALUES (1)")
                try connection.execute(
                    "INSERT INTO payment (customer_id, amount, payment_date) VALUES (1, 2, '2022-02-03')")

                // A new partition is created; a changed bound is reported, not applied.
                try await migration.runner.stamp(["base"])
                var more = model
                more.tables.append(
                    Table("payment_p2022_03") {}.partition(
                        of: "payment", "FOR VALUES FROM ('2022-03-01 00:00:00+00') TO ('2022-04-01 00:00:00+00')"))
                more = Schema(tables: more.tables, sequences: more.sequences)
                let add = try migration.compare(more)
                #expect(add.count == 1, "\(add)")
                try await migration.upgrade(add)
                #expect(try migration.compare(more).isEmpty)
                try await migration.downgrade(add)
                #expect(try migration.compare(model).isEmpty)
                #expect(try runtimeQuery(.postgresql(url), "SELECT count(*) FROM payment") == [["1"]])

                var moved = model
                let i = try #require(moved.tables.firstIndex { $0.name == "region_sales_eu" })
                moved.tables[i].partitionOf?.bound = "FOR VALUES IN ('eu')"
                let result = try DatabaseComparison.compare(
                    model: moved, url: .postgresql(url), options: CompareOptions(), config: migration.config)
                #expect(result.ops.isEmpty && result.diagnostics.map(\.kind) == [.partitionChange], "\(result)")

                // The timestamp bounds spelled as dates, as a hand-written model would: the
                // server says they are the same instants, so no change and no finding.
                var dated = model
                for k in dated.tables.indices where dated.tables[k].name.hasPrefix("payment_p2022") {
                    let bound = dated.tables[k].partitionOf?.bound ?? ""
                    dated.tables[k].partitionOf?.bound = bound.replacingOccurrences(of: " 00:00:00+00", with: "")
                }
                #expect(
                    dated.tables.contains {
                        $0.partitionOf?.bound == "FOR VALUES FROM ('2022-01-01') TO ('2022-02-01')"
                    })
                let datedResult = try DatabaseComparison.compare(
                    model: dated, url: .postgresql(url), options: CompareOptions(), config: migration.config)
                #expect(datedResult.ops.isEmpty && datedResult.diagnostics.isEmpty, "\(datedResult)")
                // Another instant is still a change.
                let j = try #require(dated.tables.firstIndex { $0.name == "payment_p2022_01" })
                dated.tables[j].partitionOf?.bound = "FOR VALUES FROM ('2022-01-02') TO ('2022-02-01')"
                let later = try DatabaseComparison.compare(
                    model: dated, url: .postgresql(url), options: CompareOptions(), config: migration.config)
                #expect(later.ops.isEmpty && later.diagnostics.map(\.kind) == [.partitionChange], "\(later)")
            }
        }
    }
}
