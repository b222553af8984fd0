import Foundation
import Introspect
import ModelDSL
import TestSupport
import Testing

@testable import Autogen

/// Issue #14: row-level security on PostgreSQL (ENABLE / FORCE on a table, CREATE POLICY) is
/// read, written back by inspect, compared in the server's own spelling, set, created,
/// replaced, renamed and dropped, and policies are carried around the column changes
/// PostgreSQL refuses under them.
@Suite(.serialized) struct PostgresPolicyTests {
    static let original = """
        CREATE TABLE document (id integer PRIMARY KEY, owner varchar(40) NOT NULL, body text);
        INSERT INTO document VALUES (1, 'ada', 'a'), (2, 'bob', 'b');
        ALTER TABLE document ENABLE ROW LEVEL SECURITY;
        CREATE POLICY own_rows ON document FOR SELECT USING (owner = current_user);
        CREATE POLICY short_body ON document AS RESTRICTIVE FOR INSERT WITH CHECK (length(body) < 100);
        """

    @Test func rendered() {
        let p = Policy(
            "p", on: "t", for: .update, permissive: false, to: ["b", "a"], using: "x > 0", withCheck: "true")
        #expect(p.roles == ["a", "b"])
        #expect(
            PostgresDialect.createPolicySQL(p)
                == #"CREATE POLICY "p" ON "t" AS RESTRICTIVE FOR UPDATE TO "a", "b" USING (x > 0) WITH CHECK (true)"#)
        #expect(
            PostgresDialect.rowLevelSecuritySQL(
                "t", schema: nil, from: .off, to: RowLevelSecurity(enabled: true, forced: true))
                == [#"ALTER TABLE "t" ENABLE ROW LEVEL SECURITY"#, #"ALTER TABLE "t" FORCE ROW LEVEL SECURITY"#])
        #expect(
            SwiftRoutineSource.policy(Policy("p", on: "t", using: "true"))
                == #"Policy("p", on: "t", using: "true")"#)
    }

    @Test(.enabled(if: TestPostgres.isConfigured)) func aRealSchemaRoundTrips() async throws {
        try await withTemporaryPostgres { source in
            try OneRevisionMigration.load(Self.original, into: source)
            let read = try OneRevisionMigration.catalog(source)
            #expect(read.tables.first?.rowLevelSecurity == RowLevelSecurity(enabled: true))
            #expect(
                read.policies == [
                    Policy("own_rows", on: "document", for: .select, using: "(owner)::text = CURRENT_USER"),
                    Policy(
                        "short_body", on: "document", for: .insert, permissive: false, withCheck: "length(body) < 100"),
                ], "\(read.policies)")
            let model = try OneRevisionMigration.inspectedModel(read)
            #expect(model.policies == read.policies && model.tables == read.tables)
            #expect(try OneRevisionMigration(.postgresql(source)).compare(model).isEmpty)
            try await withTemporaryPostgres { url in
                let migration = try OneRevisionMigration(.postgresql(url))
                let create = try migration.compare(model)
                try await migration.upgrade(create)
                #expect(try migration.compare(model).isEmpty)
                let rebuilt = try OneRevisionMigration.catalog(url)
                #expect(rebuilt.policies == read.policies && rebuilt.tables == read.tables)
                try await migration.downgrade(create)
                #expect(try OneRevisionMigration.catalog(url).policies.isEmpty)
            }
        }
    }

    @Test(.enabled(if: TestPostgres.isConfigured)) func changesConvergeAndReverse() async throws {
        try await withTemporaryPostgres { url in
            try OneRevisionMigration.load(Self.original, into: url)
            let migration = try OneRevisionMigration(.postgresql(url))
            let read = try OneRevisionMigration.catalog(url)
            var model = read
            func policy(_ name: String, _ change: (inout Policy) -> Void) {
                if let i = model.policies.firstIndex(where: { $0.name == name }) { change(&model.policies[i]) }
            }
            // The user's spelling is no change.
            policy("own_rows") { $0.using = "owner = CURRENT_USER" }
            policy("short_body") { $0.withCheck = "length(body)<100" }
            #expect(try migration.compare(model).isEmpty)

            // Forced, another condition, a rename, a new policy and one gone.
            model.tables[0].rowLevelSecurity = RowLevelSecurity(enabled: true, forced: true)
            policy("own_rows") { $0.using = "owner = current_user OR owner = 'ada'" }
            policy("short_body") {
                $0.name = "tiny_body"; $0.renamedFrom = "short_body"
            }
            model.policies.append(Policy("no_delete", on: "document", for: .delete, permissive: false, using: "false"))
            let many = try migration.compare(model)
            #expect(many.contains(.renamePolicy(read.policies[1], to: "tiny_body")), "\(many)")
            #expect(many.count == 4, "\(many)")
            try await migration.upgrade(many)
            var converged = model
            for i in converged.policies.indices { converged.policies[i].renamedFrom = nil }
            #expect(try migration.compare(converged).isEmpty)
            try await migration.downgrade(many)
            #expect(try migration.compare(read).isEmpty)

            // Row-level security off, its two policies replaced by one: RLS set, two drops, a create.
            model = read
            model.tables[0].rowLevelSecurity = .off
            model = Schema(tables: model.tables, policies: [Policy("any", on: "document", using: "true")])
            let off = try migration.compare(model)
            #expect(off.count == 4, "\(off)")
            try await migration.upgrade(off)
            #expect(try migration.compare(model).isEmpty)
            try await migration.downgrade(off)
            #expect(try migration.compare(read).isEmpty)
        }
    }

    @Test(.enabled(if: TestPostgres.isConfigured)) func aColumnChangeUnderAPolicyKeepsRows() async throws {
        try await withTemporaryPostgres { url in
            try OneRevisionMigration.load(Self.original, into: url)
            let migration = try OneRevisionMigration(.postgresql(url))
            let read = try OneRevisionMigration.catalog(url)
            var model = read
            let c = try #require(model.tables[0].columns.firstIndex { $0.name == "owner" })
            model.tables[0].columns[c].type = .text
            let ops = try migration.compare(model)
            let dropped = ops.compactMap { op -> String? in
                if case .dropPolicy(let p) = op { return p.name }
                return nil
            }
            #expect(dropped == ["own_rows"], "\(ops)")
            try await migration.upgrade(ops)
            #expect(try migration.compare(model).isEmpty)
            try await migration.downgrade(ops)
            #expect(try migration.compare(read).isEmpty)
            #expect(try runtimeQuery(.postgresql(url), "SELECT count(*) FROM document") == [["2"]])

            var orphan = read
            orphan.tables = []
            #expect(throws: ModelError.self) { try migration.compare(orphan) }
        }
    }
}
