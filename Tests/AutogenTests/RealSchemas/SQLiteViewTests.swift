import Foundation
import Introspect
import ModelDSL
import Testing

@testable import Autogen

/// Issue #14 on SQLite: views are read from the statements SQLite keeps, written back by
/// inspect, created, dropped (with the views that read them), renamed, and dropped and created
/// again around a table rebuild; a trigger on the table survives it.
@Suite struct SQLiteViewTests {
    static let original = """
        CREATE TABLE account (
            id INTEGER PRIMARY KEY, email VARCHAR(100) NOT NULL, active INTEGER NOT NULL DEFAULT 1, balance NUMERIC);
        CREATE TABLE log (what TEXT);
        INSERT INTO account VALUES (1, 'a@x', 1, 10.5), (2, 'b@x', 0, 3);
        CREATE VIEW active_account AS SELECT id, email FROM account WHERE active;
        CREATE VIEW IF NOT EXISTS "active_email" (mail) AS
            SELECT email FROM active_account;
        CREATE TRIGGER account_log AFTER UPDATE ON account BEGIN INSERT INTO log VALUES (new.email); END;
        """

    static func load() throws -> DatabaseURL {
        let (url, path) = temporarySQLiteURL()
        let connection = try SQLiteConnection(path: path)
        try connection.execute(original)
        return url
    }

    static func catalog(_ url: DatabaseURL) throws -> Schema {
        var schema = try Introspector.read(url: url).schema
        schema.tables.removeAll { $0.name.hasPrefix("autogen_") }
        return schema
    }

    @Test func aRealSchemaRoundTrips() async throws {
        let url = try Self.load()
        let read = try Self.catalog(url)
        #expect(
            read.views == [
                View("active_account", "SELECT id, email FROM account WHERE active"),
                View("active_email", columns: ["mail"], "SELECT email FROM active_account"),
            ])
        let model = try OneRevisionMigration.inspectedModel(read)
        #expect(model.views == read.views)
        #expect(try OneRevisionMigration(url).compare(model).isEmpty)

        let (empty, _) = temporarySQLiteURL()
        let migration = try OneRevisionMigration(empty)
        let create = try migration.compare(model)
        try await migration.upgrade(create)
        #expect(try migration.compare(model).isEmpty)
        #expect(try Self.catalog(empty).views == read.views)
        try await migration.downgrade(create)
        #expect(try Self.catalog(empty).views.isEmpty)
    }

    @Test func changesConvergeAndReverse() async throws {
        let url = try Self.load()
        let migration = try OneRevisionMigration(url)
        let read = try Self.catalog(url)
        // A new query for the first view: SQLite has no OR REPLACE, so it and the view that
        // reads it are dropped and created.
        var model = read
        model.views[0].definition = "SELECT id, email FROM account WHERE active AND id > 0"
        let changed = try migration.compare(model)
        #expect(changed.count == 4, "\(changed)")
        try await migration.upgrade(changed)
        #expect(try migration.compare(model).isEmpty)
        try await migration.downgrade(changed)
        #expect(try migration.compare(read).isEmpty)

        // Added, dropped and renamed.
        model = read
        model.views[1].name = "login_email"
        model.views[1].renamedFrom = "active_email"
        model.views.append(View("inactive", "SELECT id FROM account WHERE NOT active"))
        model = Schema(tables: model.tables, views: model.views)
        let many = try migration.compare(model)
        #expect(many.contains(.renameView(read.views[1], to: "login_email")), "\(many)")
        try await migration.upgrade(many)
        for i in model.views.indices { model.views[i].renamedFrom = nil }
        #expect(try migration.compare(model).isEmpty)
        try await migration.downgrade(many)
        #expect(try migration.compare(read).isEmpty)
        var fewer = read
        fewer.views.removeAll { $0.name == "active_email" }
        let drop = try migration.compare(fewer)
        #expect(drop == [.dropView(read.views[1])])
    }

    @Test func aRebuildUnderViewsKeepsRowsViewsAndTriggers() async throws {
        let url = try Self.load()
        let migration = try OneRevisionMigration(url)
        let read = try Self.catalog(url)
        var model = read
        let t = try #require(model.tables.firstIndex { $0.name == "account" })
        let c = try #require(model.tables[t].columns.firstIndex { $0.name == "email" })
        model.tables[t].columns[c].type = .varchar(200)
        let ops = try migration.compare(model)
        try await migration.upgrade(ops)
        #expect(try migration.compare(model).isEmpty)
        #expect(try runtimeQuery(url, "SELECT mail FROM active_email") == [["a@x"]])
        try await migration.downgrade(ops)
        #expect(try migration.compare(read).isEmpty)
        #expect(try runtimeQuery(url, "SELECT count(*) FROM account") == [["2"]])
        // The trigger came back with the table.
        _ = try runtimeQuery(url, "UPDATE account SET email = 'c@x' WHERE id = 2")
        #expect(try runtimeQuery(url, "SELECT what FROM log") == [["c@x"]])

        // A model that declares no view (written before views were modelled) leaves the
        // database's alone, and still carries them around a rebuild.
        var viewless = read
        viewless.views = []
        #expect(try migration.compare(viewless).isEmpty)
        viewless.tables = model.tables
        let retype = try migration.compare(viewless)
        #expect(retype.contains(.dropView(read.views[1])), "\(retype)")
        try await migration.upgrade(retype)
        #expect(try Self.catalog(url).views == read.views)
        #expect(try runtimeQuery(url, "SELECT mail FROM active_email") == [["a@x"]])
        try await migration.downgrade(retype)
        #expect(try migration.compare(read).isEmpty)

        // A column no view reads goes in place; the views stay as they are.
        var fewer = read
        fewer.tables[t].columns.removeAll { $0.name == "balance" }
        let drop = try migration.compare(fewer)
        #expect(drop.count == 1, "\(drop)")
        try await migration.upgrade(drop)
        #expect(try migration.compare(fewer).isEmpty)
    }
}
