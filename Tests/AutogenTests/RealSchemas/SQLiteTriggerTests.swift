import Foundation
import Introspect
import ModelDSL
import Testing

@testable import Autogen

/// Issue #14 on SQLite: triggers are read from the statements SQLite keeps (their statements
/// as written), written back by inspect, created, replaced, renamed and dropped, carried
/// through a table rebuild, and dropped and created again around a column they name.
@Suite struct SQLiteTriggerTests {
    static let original = """
        CREATE TABLE account (id INTEGER PRIMARY KEY, email VARCHAR(100) NOT NULL, seen INTEGER DEFAULT 0);
        CREATE TABLE log (what TEXT);
        INSERT INTO account VALUES (1, 'a@x', 0), (2, 'b@x', 0);
        CREATE VIEW mail AS SELECT id, email FROM account;
        CREATE TRIGGER account_email AFTER UPDATE OF email ON account FOR EACH ROW
            WHEN old.email <> new.email
        BEGIN
            INSERT INTO log VALUES ('email ' || new.email);
        END;
        CREATE TRIGGER IF NOT EXISTS main."account_new" BEFORE INSERT ON account BEGIN INSERT INTO log VALUES ('new'); END;
        CREATE TRIGGER mail_insert INSTEAD OF INSERT ON mail BEGIN INSERT INTO account (id, email) VALUES (new.id, new.email); END;
        """

    static func load() throws -> DatabaseURL {
        let (url, path) = temporarySQLiteURL()
        try SQLiteConnection(path: path).execute(original)
        return url
    }

    static func catalog(_ url: DatabaseURL) throws -> Schema {
        var schema = try Introspector.read(url: url).schema
        schema.tables.removeAll { $0.name.hasPrefix("autogen_") }
        return schema
    }

    @Test func rendered() {
        let t = Trigger("t", on: "a", .after, [.update], updateOf: ["x"], when: "new.x > 0", body: "SELECT 1;")
        #expect(
            SQLiteDialect.createTriggerSQL(t)
                == "CREATE TRIGGER \"t\" AFTER UPDATE OF \"x\" ON \"a\" FOR EACH ROW WHEN new.x > 0 BEGIN\nSELECT 1;\nEND"
        )
        #expect(
            SQLiteDialect.triggerProblem(Trigger("t", on: "a", .after, [.insert, .delete], body: "SELECT 1;")) != nil)
        #expect(SQLiteDialect.triggerProblem(Trigger("t", on: "a", .after, [.insert], execute: "f()")) != nil)
    }

    @Test func aRealSchemaRoundTrips() async throws {
        let url = try Self.load()
        let read = try Self.catalog(url)
        #expect(
            read.triggers == [
                Trigger(
                    "account_email", on: "account", .after, [.update], updateOf: ["email"],
                    when: "old.email <> new.email", body: "INSERT INTO log VALUES ('email ' || new.email);"),
                Trigger("account_new", on: "account", .before, [.insert], body: "INSERT INTO log VALUES ('new');"),
                Trigger(
                    "mail_insert", on: "mail", .insteadOf, [.insert],
                    body: "INSERT INTO account (id, email) VALUES (new.id, new.email);"),
            ], "\(read.triggers)")
        let model = try OneRevisionMigration.inspectedModel(read)
        #expect(model.triggers == read.triggers)
        #expect(try OneRevisionMigration(url).compare(model).isEmpty)

        let (empty, _) = temporarySQLiteURL()
        let migration = try OneRevisionMigration(empty)
        let create = try migration.compare(model)
        try await migration.upgrade(create)
        #expect(try migration.compare(model).isEmpty)
        #expect(try Self.catalog(empty).triggers == read.triggers)
        try await migration.downgrade(create)
        #expect(try Self.catalog(empty).triggers.isEmpty)
    }

    @Test func changesConvergeAndReverse() async throws {
        let url = try Self.load()
        let migration = try OneRevisionMigration(url)
        let read = try Self.catalog(url)
        var model = read
        func trigger(_ name: String, _ change: (inout Trigger) -> Void) {
            if let i = model.triggers.firstIndex(where: { $0.name == name }) { change(&model.triggers[i]) }
        }
        // Another body, another condition: dropped and created again, and back.
        trigger("account_email") {
            $0.body = "INSERT INTO log VALUES ('changed ' || new.email);"
            $0.when = nil
        }
        let replace = try migration.compare(model)
        #expect(replace.count == 1, "\(replace)")
        try await migration.upgrade(replace)
        #expect(try migration.compare(model).isEmpty)
        _ = try runtimeQuery(url, "UPDATE account SET email = 'c@x' WHERE id = 1")
        #expect(try runtimeQuery(url, "SELECT what FROM log") == [["changed c@x"]])
        try await migration.downgrade(replace)
        #expect(try migration.compare(read).isEmpty)

        // Added, dropped and renamed.
        model = read
        model.triggers.removeAll { $0.name == "mail_insert" }
        trigger("account_email") {
            $0.name = "account_mail"; $0.renamedFrom = "account_email"
        }
        model.triggers.append(
            Trigger("log_delete", on: "log", .before, [.delete], body: "SELECT RAISE(ABORT, 'kept');"))
        model = Schema(tables: model.tables, views: model.views, triggers: model.triggers)
        let many = try migration.compare(model)
        #expect(many.contains(.renameTrigger(read.triggers[0], to: "account_mail")), "\(many)")
        try await migration.upgrade(many)
        var converged = model
        for i in converged.triggers.indices { converged.triggers[i].renamedFrom = nil }
        #expect(try migration.compare(converged).isEmpty)
        try await migration.downgrade(many)
        #expect(try migration.compare(read).isEmpty)
    }

    @Test func aColumnChangeUnderATriggerKeepsRows() async throws {
        let url = try Self.load()
        let migration = try OneRevisionMigration(url)
        let read = try Self.catalog(url)
        var model = read
        // A type change is a rebuild: the trigger naming the column is dropped first and created
        // again after by compare, the other one by the rebuild; rows kept.
        let t = try #require(model.tables.firstIndex { $0.name == "account" })
        let c = try #require(model.tables[t].columns.firstIndex { $0.name == "email" })
        model.tables[t].columns[c].type = .text
        let ops = try migration.compare(model)
        let dropped = ops.compactMap { op -> String? in
            if case .dropTrigger(let t) = op { return t.name }
            return nil
        }
        // The view on the column goes and comes back too, and the INSTEAD OF trigger on it.
        #expect(dropped == ["account_email", "mail_insert"], "\(ops)")
        try await migration.upgrade(ops)
        #expect(try migration.compare(model).isEmpty)
        _ = try runtimeQuery(url, "UPDATE account SET email = 'c@x' WHERE id = 1")
        #expect(try runtimeQuery(url, "SELECT what FROM log") == [["email c@x"]])
        _ = try runtimeQuery(url, "INSERT INTO account (id, email) VALUES (3, 'd@x')")
        #expect(try runtimeQuery(url, "SELECT count(*) FROM log") == [["2"]])
        try await migration.downgrade(ops)
        #expect(try migration.compare(read).isEmpty)
        #expect(try runtimeQuery(url, "SELECT count(*) FROM account") == [["3"]])

        var orphan = read
        orphan.tables.removeAll { $0.name == "account" }
        orphan.views = []
        #expect(throws: ModelError.self) { try migration.compare(orphan) }
    }
}
