import Foundation
import Introspect
import ModelDSL
import TestSupport
import Testing

@testable import Autogen

/// Issue #14: views and materialized views on PostgreSQL are read, written back by inspect,
/// compared in the server's normal form, created, replaced, renamed and dropped, and dropped
/// and created again around the column changes PostgreSQL refuses under them.
@Suite(.serialized) struct PostgresViewTests {
    static let original = """
        CREATE TABLE account (
            id integer PRIMARY KEY, email varchar(100) NOT NULL, active boolean NOT NULL DEFAULT true,
            balance numeric(10,2));
        INSERT INTO account VALUES (1, 'a@x', true, 10.5), (2, 'b@x', false, 3);
        CREATE VIEW active_account AS SELECT id, email FROM account WHERE active;
        CREATE VIEW active_email AS SELECT email FROM active_account;
        COMMENT ON VIEW active_account IS 'who can log in';
        CREATE MATERIALIZED VIEW balance_total AS SELECT sum(balance) AS total, count(*) AS n FROM account;
        CREATE UNIQUE INDEX balance_total_n ON balance_total (n);
        CREATE MATERIALIZED VIEW lazy AS SELECT id FROM account WITH NO DATA;
        """

    @Test func renderedAndCompiled() {
        let view = View("v", schema: "r", "SELECT 1 AS one;\n").renamed(from: "old")
        #expect(view.definition == "SELECT 1 AS one")
        #expect(SwiftSchemaSource.view(view) == #"View("v", schema: "r", "SELECT 1 AS one").renamed(from: "old")"#)
        let lazy = MaterializedView("m", "SELECT 1 AS n", withData: false, indexes: [Index("m_n", "n", unique: true)])
        #expect(
            SwiftSchemaSource.view(lazy)
                == #"MaterializedView("m", "SELECT 1 AS n", withData: false, indexes: [Index("m_n", "n", unique: true)])"#
        )
        #expect(
            PostgresDialect.createViewStatements(lazy) == [
                #"CREATE MATERIALIZED VIEW "m" AS SELECT 1 AS n WITH NO DATA"#,
                #"CREATE UNIQUE INDEX "m_n" ON "m" ("n")"#,
            ])
        #expect(
            PostgresDialect.replaceViewStatements(from: View("v", "SELECT 1"), to: View("v", "SELECT 1, 2"))
                == [#"CREATE OR REPLACE VIEW "v" AS SELECT 1, 2"#])
        #expect(
            SQLiteDialect.createViewSQL(View("v", columns: ["a"], "SELECT 1")) == #"CREATE VIEW "v" ("a") AS SELECT 1"#)
        // Views on views come after the views they read, whatever the names.
        let order = ViewOrder([View("a", "SELECT * FROM \"b\""), View("b", "SELECT * FROM c"), View("c", "SELECT 1")])
        #expect(order.views.map(\.name) == ["c", "b", "a"])
    }

    @Test(.enabled(if: TestPostgres.isConfigured)) func aRealSchemaRoundTrips() async throws {
        try await withTemporaryPostgres { source in
            try OneRevisionMigration.load(Self.original, into: source)
            let read = try OneRevisionMigration.catalog(source)
            #expect(read.views.map(\.name) == ["active_account", "active_email", "balance_total", "lazy"])
            let active = try #require(read.views.first)
            #expect(active.comment == "who can log in" && !active.materialized)
            #expect(active.definition.hasPrefix("SELECT account.id"), "\(active.definition)")
            let total = try #require(read.views.first { $0.name == "balance_total" })
            #expect(total.materialized && total.withData)
            #expect(total.indexes == [Index("balance_total_n", "n", unique: true)])
            #expect(read.views.last?.withData == false)

            let model = try OneRevisionMigration.inspectedModel(read)
            #expect(model.views == read.views)
            #expect(try OneRevisionMigration(.postgresql(source)).compare(model).isEmpty)
            try await withTemporaryPostgres { url in
                let migration = try OneRevisionMigration(.postgresql(url))
                let create = try migration.compare(model)
                try await migration.upgrade(create)
                #expect(try migration.compare(model).isEmpty)
                #expect(try OneRevisionMigration.catalog(url).views == read.views)
                try await migration.downgrade(create)
                #expect(try OneRevisionMigration.catalog(url).views.isEmpty)
            }
        }
    }

    @Test(.enabled(if: TestPostgres.isConfigured)) func changesConvergeAndReverse() async throws {
        try await withTemporaryPostgres { url in
            try OneRevisionMigration.load(Self.original, into: url)
            let migration = try OneRevisionMigration(.postgresql(url))
            let read = try OneRevisionMigration.catalog(url)
            var model = read
            func set(_ name: String, _ change: (inout View) -> Void) {
                if let i = model.views.firstIndex(where: { $0.name == name }) { change(&model.views[i]) }
            }
            // The user's spelling of the same query is no change: the server's form decides.
            set("active_account") { $0.definition = "select id, email\n  from account where active" }
            set("active_email") { $0.definition = "SELECT email FROM active_account" }
            #expect(try migration.compare(model).isEmpty)

            // The same columns from another query: CREATE OR REPLACE, which the reader on it survives.
            set("active_account") { $0.definition = "SELECT id, email FROM account WHERE active AND id > 0" }
            let replace = try migration.compare(model)
            guard case .replaceView? = replace.first, replace.count == 1 else {
                Issue.record("\(replace)")
                return
            }
            try await migration.upgrade(replace)
            #expect(try migration.compare(model).isEmpty)
            try await migration.downgrade(replace)
            #expect(try migration.compare(read).isEmpty)

            // A column taken away (or added, which the downgrade would take away) cannot be
            // replaced: the view and its reader go and come back.
            model = read
            set("active_account") { $0.definition = "SELECT email FROM account WHERE active" }
            set("active_email") { $0.definition = "SELECT email FROM active_account" }
            let recreate = try migration.compare(model)
            #expect(recreate.count == 4, "\(recreate)")
            try await migration.upgrade(recreate)
            #expect(try migration.compare(model).isEmpty)
            try await migration.downgrade(recreate)
            #expect(try migration.compare(read).isEmpty)
            set("active_account") { $0.definition = "SELECT id, email, balance FROM account WHERE active" }
            let added = try migration.compare(model)
            #expect(added.count == 4, "\(added)")
            try await migration.upgrade(added)
            #expect(try migration.compare(model).isEmpty)
            try await migration.downgrade(added)
            #expect(try migration.compare(read).isEmpty)

            // Added, dropped and renamed; a materialized view's index added.
            model = read
            model.views.append(View("inactive", "SELECT id FROM account WHERE NOT active"))
            model.views.removeAll { $0.name == "lazy" }
            set("active_email") {
                $0.name = "login_email"; $0.renamedFrom = "active_email"
            }
            set("balance_total") { $0.indexes.append(Index("balance_total_total", "total")) }
            model = Schema(tables: model.tables, views: model.views)
            let many = try migration.compare(model)
            #expect(many.contains(.renameView(read.views[1], to: "login_email")), "\(many)")
            try await migration.upgrade(many)
            var converged = model
            for i in converged.views.indices { converged.views[i].renamedFrom = nil }
            #expect(try migration.compare(converged).isEmpty)
            try await migration.downgrade(many)
            #expect(try migration.compare(read).isEmpty)
        }
    }

    @Test(.enabled(if: TestPostgres.isConfigured)) func aColumnChangeUnderViewsKeepsRows() async throws {
        try await withTemporaryPostgres { url in
            try OneRevisionMigration.load(Self.original, into: url)
            let migration = try OneRevisionMigration(.postgresql(url))
            let read = try OneRevisionMigration.catalog(url)
            var model = read
            let t = try #require(model.tables.firstIndex { $0.name == "account" })
            let c = try #require(model.tables[t].columns.firstIndex { $0.name == "email" })
            model.tables[t].columns[c].type = .text
            let ops = try migration.compare(model)
            // Both views read email (one through the other); the materialized ones do not.
            let dropped = ops.compactMap { op -> String? in
                if case .dropView(let v) = op { return v.name }
                return nil
            }
            #expect(dropped == ["active_email", "active_account"], "\(ops)")
            try await migration.upgrade(ops)
            #expect(try migration.compare(model).isEmpty)
            #expect(
                try runtimeQuery(.postgresql(url), "SELECT email FROM active_email") == [["a@x"]])
            try await migration.downgrade(ops)
            #expect(try migration.compare(read).isEmpty)
            #expect(try runtimeQuery(.postgresql(url), "SELECT count(*) FROM account") == [["2"]])

            // Dropping the table a view of the model still reads is refused before any SQL.
            var orphan = read
            orphan.tables.removeAll { $0.name == "account" }
            #expect(throws: ModelError.self) { try migration.compare(orphan) }
        }
    }
}
