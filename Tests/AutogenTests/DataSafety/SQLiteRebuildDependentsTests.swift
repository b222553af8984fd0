import Introspect
import ModelDSL
import Testing

@testable import Autogen

/// A parent with a child, an index, two views (one on the other), a trigger on the parent and
/// one on the child that writes to the parent's log.
struct RevDependents: Revision {
    static let id = "d1"
    static let downRevisions: [String] = []
    static let branchLabels: [String] = []
    static let dependsOn: [String] = []
    static let message = "parent with views and triggers"
    static let createDate = ""
    func upgrade(_ op: Operations) throws {
        try op.createTable("p") {
            Column("id", .integer).primaryKey()
            Column("name", .varchar(20))
            Index("ix_p_name", "name")
        }
        try op.createTable("c") {
            Column("id", .integer).primaryKey()
            Column("p_id", .integer).references("p", "id", name: "c_p_id_fkey")
        }
        try op.createTable("log") { Column("what", .text) }
        try op.execute("INSERT INTO p VALUES (1, 'ada'), (2, 'bob')")
        try op.execute("INSERT INTO c VALUES (10, 1)")
        try op.execute("CREATE VIEW v AS SELECT id, name FROM p")
        try op.execute("CREATE VIEW v2 AS SELECT name FROM v WHERE id > 0")
        try op.execute("CREATE TRIGGER t_p AFTER INSERT ON p BEGIN INSERT INTO log VALUES ('p ' || new.name); END")
        try op.execute(
            "CREATE TRIGGER t_c AFTER INSERT ON c BEGIN INSERT INTO log SELECT 'c ' || name FROM p WHERE id = new.p_id; END"
        )
    }
    func downgrade(_ op: Operations) throws {
        try op.execute("DROP VIEW v2")
        try op.execute("DROP VIEW v")
        try op.dropTable("log")
        try op.dropTable("c")
        try op.dropTable("p")
    }
}

/// Widens p.name: on SQLite a table rebuild.
struct RevRebuildParent: Revision {
    static let id = "d2"
    static let downRevisions = ["d1"]
    static let branchLabels: [String] = []
    static let dependsOn: [String] = []
    static let message = "rebuild p"
    static let createDate = ""
    func upgrade(_ op: Operations) throws {
        try op.alterColumn("p", "name", type: .varchar(40), nullable: false, existing: Column("name", .varchar(20)))
    }
    func downgrade(_ op: Operations) throws {
        try op.alterColumn(
            "p", "name", type: .varchar(20), nullable: true, existing: Column("name", .varchar(40)).notNull())
    }
}

/// Item 2 of the data-safety issue: a SQLite table rebuild keeps the rows, foreign keys,
/// indexes, views and triggers of the table, upgrade and downgrade, and compare names them.
@Suite struct SQLiteRebuildDependentsTests {
    static let objects = [
        "index ix_p_name", "trigger t_c", "trigger t_p", "view v", "view v2",
    ]

    static func objectsOf(_ url: DatabaseURL) throws -> [String] {
        try runtimeQuery(
            url,
            "SELECT type || ' ' || name FROM sqlite_schema WHERE type IN ('index', 'view', 'trigger') AND name NOT LIKE 'sqlite_%' ORDER BY 1"
        ).map { $0[0] ?? "" }
    }

    @Test func rebuildKeepsViewsAndTriggersBothWays() async throws {
        let (url, _) = temporarySQLiteURL()
        let runner = try runtimeRunner(url, [RevDependents.self, RevRebuildParent.self])
        try await runner.upgrade(to: "d1")
        try await runner.upgrade()
        #expect(try Self.objectsOf(url) == Self.objects)
        #expect(try runtimeQuery(url, "SELECT name FROM v2 ORDER BY name") == [["ada"], ["bob"]])
        #expect(try runtimeQuery(url, "PRAGMA foreign_key_check") == [])
        // The triggers fire after the rebuild.
        _ = try runtimeQuery(url, "INSERT INTO p VALUES (3, 'cyd')")
        _ = try runtimeQuery(url, "INSERT INTO c VALUES (11, 3)")
        #expect(try runtimeQuery(url, "SELECT what FROM log") == [["p cyd"], ["c cyd"]])
        let rebuilt = try Introspector.read(url: url).schema
        #expect(rebuilt.table("p")?.column("name")?.type == .varchar(40))

        try await runner.downgrade(to: "-1")
        #expect(try runner.current().heads == ["d1"])
        #expect(try Self.objectsOf(url) == Self.objects)
        #expect(try runtimeQuery(url, "SELECT count(*) FROM v") == [["3"]])
        _ = try runtimeQuery(url, "INSERT INTO p VALUES (4, 'dee')")
        #expect(try runtimeQuery(url, "SELECT count(*) FROM log") == [["3"]])
        #expect(try Introspector.read(url: url).schema.table("p")?.column("name")?.type == .varchar(20))
    }

    /// A view of a column the rebuild drops: SQLite refuses the new view, the migration rolls
    /// back whole, and nothing is lost.
    @Test func aViewOfADroppedColumnMakesTheRebuildFailCleanly() async throws {
        struct DropName: Revision {
            static let id = "d3"
            static let downRevisions = ["d1"]
            static let branchLabels: [String] = []
            static let dependsOn: [String] = []
            static let message = "drop name"
            static let createDate = ""
            func upgrade(_ op: Operations) throws { try op.dropColumn("p", "name") }
            func downgrade(_ op: Operations) throws {}
        }
        let (url, _) = temporarySQLiteURL()
        let runner = try runtimeRunner(url, [RevDependents.self, DropName.self])
        try await runner.upgrade(to: "d1")
        await #expect(throws: MigrationError.self) { try await runner.upgrade() }
        #expect(try runner.current().heads == ["d1"])
        #expect(try Self.objectsOf(url) == Self.objects)
        #expect(try runtimeQuery(url, "SELECT name FROM v ORDER BY id") == [["ada"], ["bob"]])
    }

    @Test func compareNamesWhatTheRebuildRecreates() async throws {
        let (url, _) = temporarySQLiteURL()
        try await runtimeRunner(url, [RevDependents.self]).upgrade()
        let database = try Introspector.read(url: url).schema
        var model = database
        model.triggers = []
        model.tables = model.tables.filter { !$0.name.hasPrefix("autogen_") }.map { table in
            guard table.name == "p" else { return table }
            var changed = table
            changed.columns = changed.columns.map { column in
                var c = column
                if c.name == "name" { c.type = .varchar(40) }
                return c
            }
            return changed
        }
        var options = CompareOptions()
        options.excludeTables = ["autogen_*"]
        let result = Comparer.compare(model: model, database: database, dialect: SQLiteDialect.self, options: options)
        // The views and the trigger on p that reads the changed column are dropped and created
        // by compare around the rebuild (the model declares no trigger: the database's are
        // carried); the trigger on c that reads p by the rebuild itself.
        #expect(
            result.diagnostics.map(\.description) == [
                "note: view v is dropped and created again around the changes it depends on [view-recreated]",
                "note: view v2 is dropped and created again around the changes it depends on [view-recreated]",
                "note: trigger t_p on p is dropped and created again around the changes it depends on [trigger-recreated]",
                "note: sqlite will rebuild table p to alter column name; it drops and recreates trigger t_c [table-rebuild]",
            ], "\(result.diagnostics)")
    }
}
