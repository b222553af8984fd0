import Foundation
import Introspect
import ModelDSL
import TestSupport
import Testing

@testable import Autogen

/// Issue #14: functions, procedures and triggers on PostgreSQL are read, written back by
/// inspect, compared in the server's own spelling, created, replaced, renamed and dropped, and
/// triggers are dropped and created again around the changes they depend on.
@Suite(.serialized) struct PostgresRoutineTests {
    static let original = """
        CREATE TABLE account (id integer PRIMARY KEY, email varchar(100) NOT NULL, seen integer DEFAULT 0);
        CREATE TABLE audit (what text NOT NULL);
        INSERT INTO account VALUES (1, 'a@x', 0), (2, 'b@x', 0);
        CREATE FUNCTION audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO audit VALUES (TG_OP || ' ' || NEW.email);
            RETURN NEW;
        END
        $$;
        CREATE FUNCTION twice(n int DEFAULT 1) RETURNS int LANGUAGE sql IMMUTABLE STRICT RETURN n * 2;
        CREATE FUNCTION domain_of(account) RETURNS text LANGUAGE sql STABLE AS 'SELECT split_part($1.email, ''@'', 2)';
        CREATE PROCEDURE forget(before integer) LANGUAGE sql AS $$ DELETE FROM audit WHERE length(what) < before $$;
        COMMENT ON FUNCTION twice(int) IS 'doubles';
        CREATE TRIGGER account_email AFTER UPDATE OF email ON account
            FOR EACH ROW WHEN (OLD.email IS DISTINCT FROM NEW.email) EXECUTE FUNCTION audit_change();
        CREATE TRIGGER account_insert BEFORE INSERT ON account FOR EACH ROW EXECUTE FUNCTION audit_change();
        COMMENT ON TRIGGER account_insert ON account IS 'audits new accounts';
        CREATE FUNCTION audit_batch() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = '' AS $$
        BEGIN
            INSERT INTO public.audit SELECT 'batch ' || count(*) FROM added;
            RETURN NULL;
        END
        $$;
        CREATE TRIGGER account_batch AFTER INSERT ON account REFERENCING NEW TABLE AS added
            FOR EACH STATEMENT EXECUTE FUNCTION audit_batch();
        ALTER TABLE account DISABLE TRIGGER account_batch;
        CREATE FUNCTION concat_step(acc text, item text) RETURNS text LANGUAGE sql IMMUTABLE
            AS $$ SELECT CASE WHEN acc = '' THEN item ELSE acc || ',' || item END $$;
        CREATE AGGREGATE group_concat(text) (SFUNC = concat_step, STYPE = text, INITCOND = '');
        CREATE TABLE legacy_log (what text);
        CREATE TRIGGER legacy_insert BEFORE INSERT ON legacy_log FOR EACH ROW EXECUTE FUNCTION audit_change();
        """

    @Test func renderedAndCompiled() {
        let f = Function(
            "f", schema: "app", arguments: "a int, OUT b text, c text DEFAULT 'x'", returns: "record",
            language: "plpgsql", volatility: .stable, securityDefiner: true, cost: 5,
            settings: ["search_path=app, pg_temp", "work_mem=64MB"], body: "BEGIN b := c; END")
        #expect(f.key == "app.f(a int, c text)")
        #expect(
            PostgresDialect.createFunctionStatements(f) == [
                """
                CREATE FUNCTION "app"."f"(a int, OUT b text, c text DEFAULT 'x') RETURNS record LANGUAGE plpgsql STABLE \
                SECURITY DEFINER COST 5 SET search_path TO app, pg_temp SET work_mem TO '64MB'
                AS $function$BEGIN b := c; END$function$
                """
            ])
        #expect(PostgresDialect.dropFunctionSQL(f) == #"DROP FUNCTION "app"."f"(a int, c text)"#)
        let quoted = Function("g", returns: "text", language: "sql", body: "SELECT '$function$'")
        #expect(
            PostgresDialect.createFunctionStatements(quoted)[0].hasSuffix(
                "AS $function1$SELECT '$function$'$function1$"))
        let t = Trigger(
            "t", on: "account", .after, [.update, .insert], updateOf: ["email"], when: "old.email <> new.email",
            execute: "audit('x')")
        #expect(t.events == [.insert, .update])
        #expect(
            PostgresDialect.createTriggerStatements(t) == [
                #"CREATE TRIGGER "t" AFTER INSERT OR UPDATE OF "email" ON "account" FOR EACH ROW WHEN (old.email <> new.email) EXECUTE FUNCTION audit('x')"#
            ])
        let parts = PostgresCatalogReader.triggerDefinitionParts(
            "CREATE TRIGGER t AFTER UPDATE ON a FOR EACH ROW WHEN ((old.x IS DISTINCT FROM new.x)) EXECUTE FUNCTION f('a b')"
        )
        #expect(parts.when == "(old.x IS DISTINCT FROM new.x)" && parts.function == "f('a b')")
        #expect(
            SwiftRoutineSource.trigger(t.renamed(from: "old"))
                == #"Trigger("t", on: "account", .after, [.insert, .update], updateOf: ["email"], when: "old.email <> new.email", execute: "audit('x')").renamed(from: "old")"#
        )
    }

    /// A view dropped for good takes its INSTEAD OF triggers with it, not the triggers of a
    /// table of another schema that shares its name.
    @Test func aDroppedViewSparesTheTriggersOfATableOfTheSameName() {
        let table = Table(name: "report", schema: "billing", columns: [Column("id", .integer)])
        let trigger = Trigger("report_touch", on: "report", schema: "billing", .before, [.insert], execute: "touch()")
        let database = Schema(
            tables: [table], views: [View("report", "SELECT 1 AS one"), View("kept", "SELECT 2 AS two")],
            triggers: [trigger])
        let model = Schema(tables: [table], views: [View("kept", "SELECT 2 AS two")], triggers: [trigger])
        let ops = Comparer.compare(model: model, database: database, dialect: PostgresDialect.self).ops
        #expect(ops == [.dropView(View("report", "SELECT 1 AS one"))], "\(ops)")
    }

    @Test(.enabled(if: TestPostgres.isConfigured)) func aRealSchemaRoundTrips() async throws {
        try await withTemporaryPostgres { source in
            try OneRevisionMigration.load(Self.original, into: source)
            let read = try OneRevisionMigration.catalog(source)
            #expect(
                read.functions.map(\.key) == [
                    "audit_batch()", "audit_change()", "concat_step(acc text, item text)", "domain_of(account)",
                    "forget(before integer)", "group_concat(text)", "twice(n integer)",
                ])
            let groupConcat = try #require(read.functions.first { $0.kind == .aggregate })
            #expect(groupConcat.body == "SFUNC = concat_step, STYPE = text, INITCOND = ''", "\(groupConcat)")
            #expect(read.functions.first?.settings == ["search_path=\"\""])
            let twice = try #require(read.functions.last)
            #expect(
                twice.standardBody && twice.body == "RETURN (n * 2)" && twice.strict && twice.volatility == .immutable)
            #expect(twice.arguments == "n integer DEFAULT 1" && twice.comment == "doubles")
            #expect(read.functions[4].kind == .procedure && read.functions[4].returns == nil)
            #expect(read.triggers.map(\.name) == ["account_batch", "account_email", "account_insert", "legacy_insert"])
            let batch = try #require(read.triggers.first)
            #expect(batch.referencing == "NEW TABLE AS added" && batch.firing == .disabled && !batch.forEachRow)
            let email = try #require(read.triggers.dropFirst().first)
            #expect(email.when == "((old.email)::text IS DISTINCT FROM (new.email)::text)", "\(email)")
            #expect(email.updateOf == ["email"])
            #expect(email.function == "audit_change()" && email.timing == .after && email.forEachRow)
            #expect(read.triggers[2].comment == "audits new accounts")

            let model = try OneRevisionMigration.inspectedModel(read)
            #expect(model.functions == read.functions && model.triggers == read.triggers)
            #expect(try OneRevisionMigration(.postgresql(source)).compare(model).isEmpty)
            try await withTemporaryPostgres { url in
                let migration = try OneRevisionMigration(.postgresql(url))
                let create = try migration.compare(model)
                try await migration.upgrade(create)
                #expect(try migration.compare(model).isEmpty)
                let rebuilt = try OneRevisionMigration.catalog(url)
                #expect(rebuilt.functions == read.functions && rebuilt.triggers == read.triggers)
                try await migration.downgrade(create)
                let empty = try OneRevisionMigration.catalog(url)
                #expect(empty.functions.isEmpty && empty.triggers.isEmpty)
            }
        }
    }

    @Test(.enabled(if: TestPostgres.isConfigured)) func changesConvergeAndReverse() async throws {
        try await withTemporaryPostgres { url in
            try OneRevisionMigration.load(Self.original, into: url)
            let migration = try OneRevisionMigration(.postgresql(url))
            let read = try OneRevisionMigration.catalog(url)
            var model = read
            func function(_ name: String, _ change: (inout Function) -> Void) {
                if let i = model.functions.firstIndex(where: { $0.name == name }) { change(&model.functions[i]) }
            }
            func trigger(_ name: String, _ change: (inout Trigger) -> Void) {
                if let i = model.triggers.firstIndex(where: { $0.name == name }) { change(&model.triggers[i]) }
            }
            // The user's spelling is no change: the server's form decides.
            function("twice") {
                $0.arguments = "n int = 1"
                $0.returns = "int4"
                $0.body = "RETURN n*2"
            }
            trigger("account_email") { $0.when = "OLD.email IS DISTINCT FROM NEW.email" }
            function("group_concat") { $0.body = "sfunc=concat_step, stype=text, initcond=''" }
            #expect(try migration.compare(model).isEmpty)

            // An aggregate's options changed: dropped and created again, after the function it
            // is made of when both are new.
            function("group_concat") { $0.body = "sfunc = concat_step, stype = text, initcond = '-'" }
            let aggregate = try migration.compare(model)
            #expect(aggregate.count == 2, "\(aggregate)")
            try await migration.upgrade(aggregate)
            #expect(try runtimeQuery(.postgresql(url), "SELECT group_concat(email) FROM account") == [["-,a@x,b@x"]])
            #expect(try migration.compare(model).isEmpty)
            try await migration.downgrade(aggregate)
            #expect(try migration.compare(read).isEmpty)
            function("group_concat") { $0.body = "sfunc=concat_step, stype=text, initcond=''" }

            // A new body: CREATE OR REPLACE, and back.
            function("audit_change") { $0.body = $0.body.replacing("TG_OP || ' '", with: "'changed '") }
            let replace = try migration.compare(model)
            #expect(replace.count == 1, "\(replace)")
            guard case .replaceFunction? = replace.first else {
                Issue.record("\(replace)")
                return
            }
            try await migration.upgrade(replace)
            #expect(try migration.compare(model).isEmpty)
            try await migration.downgrade(replace)
            #expect(try migration.compare(read).isEmpty)

            // Another result type cannot be replaced: the function is dropped and created again
            // (no trigger runs it); new settings are replaced in place.
            model = read
            function("domain_of") { $0.returns = "character varying" }
            function("audit_change") { $0.settings = ["search_path=public"] }
            let around = try migration.compare(model)
            #expect(around.count == 3, "\(around)")
            #expect(around.contains { if case .dropFunction(let f) = $0 { f.name == "domain_of" } else { false } })
            try await migration.upgrade(around)
            #expect(try migration.compare(model).isEmpty)
            try await migration.downgrade(around)
            #expect(try migration.compare(read).isEmpty)

            // Added, dropped and renamed functions and triggers; a trigger that fires differently.
            model = read
            model.functions.append(
                Function("noop", arguments: "x text", returns: "void", language: "plpgsql", body: "BEGIN END"))
            model.functions.removeAll { $0.name == "forget" }
            function("twice") {
                $0.name = "double"; $0.renamedFrom = "twice"
            }
            trigger("account_insert") {
                $0.name = "account_created"; $0.renamedFrom = "account_insert"
            }
            trigger("account_email") {
                $0.when = nil; $0.events = [.insert, .update]
            }
            model.triggers.append(
                Trigger(
                    "audit_truncate", on: "audit", .after, [.truncate], forEachRow: false, execute: "audit_change()"))
            model = Schema(tables: model.tables, functions: model.functions, triggers: model.triggers)
            let many = try migration.compare(model)
            #expect(many.contains(.renameFunction(read.functions[6], to: "double")), "\(many)")
            #expect(many.contains(.renameTrigger(read.triggers[2], to: "account_created")), "\(many)")
            try await migration.upgrade(many)
            var converged = model
            for i in converged.functions.indices { converged.functions[i].renamedFrom = nil }
            for i in converged.triggers.indices { converged.triggers[i].renamedFrom = nil }
            #expect(try migration.compare(converged).isEmpty)
            try await migration.downgrade(many)
            #expect(try migration.compare(read).isEmpty)

            // An argument renamed is another function of the same argument types: the old one
            // goes first. A trigger enabled again is altered in place.
            model = read
            function("twice") {
                $0.arguments = "m integer DEFAULT 1"; $0.body = "RETURN (m * 2)"
            }
            trigger("account_batch") { $0.firing = .origin }
            let renamedArgument = try migration.compare(model)
            #expect(renamedArgument.count == 3, "\(renamedArgument)")
            try await migration.upgrade(renamedArgument)
            #expect(try migration.compare(model).isEmpty)
            try await migration.downgrade(renamedArgument)
            #expect(try migration.compare(read).isEmpty)

            // A trigger on a table compare leaves out is not the model's to drop.
            model = read
            model.tables.removeAll { $0.name == "legacy_log" }
            model.triggers.removeAll { $0.table == "legacy_log" }
            var options = CompareOptions()
            options.excludeTables = ["legacy_*"]
            #expect(try migration.compare(model, options: options).isEmpty)
        }
    }

    @Test(.enabled(if: TestPostgres.isConfigured)) func aColumnChangeUnderATriggerKeepsRows() async throws {
        try await withTemporaryPostgres { url in
            try OneRevisionMigration.load(Self.original, into: url)
            let migration = try OneRevisionMigration(.postgresql(url))
            let read = try OneRevisionMigration.catalog(url)
            var model = read
            let t = try #require(model.tables.firstIndex { $0.name == "account" })
            let c = try #require(model.tables[t].columns.firstIndex { $0.name == "email" })
            model.tables[t].columns[c].type = .text
            let ops = try migration.compare(model)
            // PostgreSQL refuses to retype a column an UPDATE OF trigger names.
            let dropped = ops.compactMap { op -> String? in
                if case .dropTrigger(let t) = op { return t.name }
                return nil
            }
            #expect(dropped == ["account_email"], "\(ops)")
            try await migration.upgrade(ops)
            #expect(try migration.compare(model).isEmpty)
            _ = try runtimeQuery(.postgresql(url), "UPDATE account SET email = 'c@x' WHERE id = 1")
            #expect(try runtimeQuery(.postgresql(url), "SELECT what FROM audit") == [["UPDATE c@x"]])
            try await migration.downgrade(ops)
            #expect(try migration.compare(read).isEmpty)
            #expect(try runtimeQuery(.postgresql(url), "SELECT count(*) FROM account") == [["2"]])

            // Dropping the table a trigger of the model fires on is refused before any SQL.
            var orphan = read
            orphan.tables.removeAll { $0.name == "account" }
            orphan.functions.removeAll { $0.name == "domain_of" }
            #expect(throws: ModelError.self) { try migration.compare(orphan) }
        }
    }
}
