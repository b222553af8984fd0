import Introspect
import ModelDSL

/// Asks PostgreSQL for its own form of the model's functions and triggers, so that compare
/// sees no difference where the server would store the same thing (`a int` is kept as
/// `a integer`, `WHEN (NEW.a <> OLD.a)` as `WHEN ((new.a <> old.a))`).
///
/// Inside a transaction that is always rolled back, each model function that differs from
/// every catalog function of its name is created in a scratch schema (first on the search
/// path, with `check_function_bodies` off, as pg_dump restores) and read back through the
/// reader's own query; each model trigger that differs from the catalog's of its table and
/// name is created on a copy of its table (`CREATE TABLE ... (LIKE ...)`, a view over it for
/// `INSTEAD OF`) and read back with `pg_get_triggerdef`; each changed policy likewise, read
/// back through the reader's query. The model then holds the server's
/// spelling of those parts. What the server refuses keeps the model's text.
public enum PostgresRoutineNormalizer {
    public static func normalize(_ model: inout Schema, database: Schema, connection: PostgresConnection) {
        let functionNames = Dictionary(grouping: database.functions) { "\($0.schema ?? "").\($0.name)" }
        // Functions before aggregates, which are made of them.
        let asked = model.functions.indices.sorted {
            (model.functions[$0].kind == .aggregate ? 1 : 0) < (model.functions[$1].kind == .aggregate ? 1 : 0)
        }.filter { i in
            let f = model.functions[i]
            let candidates = functionNames["\(f.schema ?? "").\(f.renamedFrom ?? f.name)"] ?? []
            return !candidates.contains { $0.key == f.key && $0.sameDefinition(as: f) }
        }
        let existing = Dictionary(database.triggers.map { ($0.key, $0) }) { a, _ in a }
        let askedTriggers = model.triggers.indices.filter { i in
            let t = model.triggers[i]
            var key = t
            if let old = t.renamedFrom { key.name = old }
            guard let found = existing[t.key] ?? existing[key.key] else { return false }
            return !found.sameDefinition(as: t) && t.function != nil
        }
        let existingPolicies = Dictionary(database.policies.map { ($0.key, $0) }) { a, _ in a }
        let askedPolicies = model.policies.indices.filter { i in
            let p = model.policies[i]
            var key = p
            if let old = p.renamedFrom { key.name = old }
            guard let found = existingPolicies[p.key] ?? existingPolicies[key.key] else { return false }
            return !found.sameDefinition(as: p)
        }
        guard !asked.isEmpty || !askedTriggers.isEmpty || !askedPolicies.isEmpty, connection.isIdle else { return }
        do {
            try connection.execute("BEGIN")
            defer { try? connection.execute("ROLLBACK") }
            let scratch = try scratchSchema(connection)
            if !asked.isEmpty {
                let forms = try functions(asked.map { model.functions[$0] }, scratch: scratch, connection)
                for (i, form) in zip(asked, forms) {
                    guard var form else { continue }
                    form.schema = model.functions[i].schema
                    form.name = model.functions[i].name
                    form.comment = model.functions[i].comment
                    form.renamedFrom = model.functions[i].renamedFrom
                    model.functions[i] = form
                }
            }
            for i in askedTriggers {
                if let form = try trigger(model.triggers[i], scratch: scratch, number: i, connection) {
                    model.triggers[i].when = form.when
                    model.triggers[i].function = form.function
                    model.triggers[i].referencing = form.referencing
                }
            }
            for i in askedPolicies {
                if let form = try policy(model.policies[i], scratch: scratch, number: i, connection) {
                    model.policies[i].roles = form.roles
                    model.policies[i].using = form.using
                    model.policies[i].withCheck = form.withCheck
                }
            }
        } catch {
            try? connection.execute("ROLLBACK")
        }
    }

    /// A new schema, first on the search path for the rest of the transaction.
    private static func scratchSchema(_ connection: PostgresConnection) throws(IntrospectError) -> String {
        let path = try connection.query("SELECT pg_catalog.current_setting('search_path')").string(0, 0)
        let name = "autogen_scratch_" + String(UInt32.random(in: 0...UInt32.max), radix: 36)
        try connection.execute("CREATE SCHEMA " + PostgresDialect.quoteIdentifier(name))
        try connection.execute(
            "SET LOCAL search_path = " + PostgresDialect.quoteIdentifier(name) + (path.isEmpty ? "" : ", " + path))
        try connection.execute("SET LOCAL check_function_bodies = off")
        return name
    }

    /// The server's form of each of `asked`, or nil where it refused one.
    private static func functions(_ asked: [Function], scratch: String, _ connection: PostgresConnection)
        throws(IntrospectError) -> [Function?]
    {
        var created: [Int] = []
        for (i, function) in asked.enumerated() {
            var trial = function
            trial.schema = scratch
            trial.comment = nil
            if try attempt(PostgresDialect.createFunctionStatements(trial)[0], connection) { created.append(i) }
        }
        guard !created.isEmpty else { return asked.map { _ in nil } }
        let read = try PostgresCatalogReader(connection: connection).functions(in: scratch)
        var out: [Function?] = asked.map { _ in nil }
        guard read.count == created.count else { return out }
        for (i, form) in zip(created, read) { out[i] = form }
        return out
    }

    /// The server's form of `trigger` on a copy of its table, or nil where it refused it.
    private static func trigger(
        _ trigger: Trigger, scratch: String, number: Int, _ connection: PostgresConnection
    ) throws(IntrospectError) -> Trigger? {
        let copy = "autogen_trigger_\(number)"
        let copyName = PostgresDialect.qualifiedName(copy, schema: scratch)
        let source = PostgresDialect.qualifiedName(trigger.table, schema: trigger.schema)
        let table =
            trigger.timing == .insteadOf
            ? "CREATE VIEW \(copyName) AS SELECT * FROM \(source)"
            : "CREATE TABLE \(copyName) (LIKE \(source))"
        guard try attempt(table, connection) else { return nil }
        var trial = trigger
        trial.schema = scratch
        trial.table = copy
        trial.comment = nil
        guard try attempt(PostgresDialect.createTriggerStatements(trial)[0], connection) else { return nil }
        let rows = try connection.query(
            """
            SELECT pg_catalog.pg_get_triggerdef(t.oid) FROM pg_catalog.pg_trigger t
            WHERE t.tgrelid = pg_catalog.to_regclass($1) AND t.tgname = $2
            """, [copyName, trigger.name])
        guard rows.rowCount == 1 else { return nil }
        let parts = PostgresCatalogReader.triggerDefinitionParts(rows.string(0, 0))
        var form = trigger
        form.when = parts.when
        form.function = parts.function
        form.referencing = parts.referencing
        return form
    }

    /// The server's form of `policy` on a copy of its table, or nil where it refused it.
    private static func policy(_ policy: Policy, scratch: String, number: Int, _ connection: PostgresConnection)
        throws(IntrospectError) -> Policy?
    {
        let copy = "autogen_policy_\(number)"
        let copyName = PostgresDialect.qualifiedName(copy, schema: scratch)
        let source = PostgresDialect.qualifiedName(policy.table, schema: policy.schema)
        guard try attempt("CREATE TABLE \(copyName) (LIKE \(source))", connection) else { return nil }
        var trial = policy
        trial.schema = scratch
        trial.table = copy
        guard try attempt(PostgresDialect.createPolicySQL(trial), connection) else { return nil }
        let rows = try connection.query(
            PostgresCatalogReader.policyQuery + " AND p.polrelid = pg_catalog.to_regclass($2)",
            [PostgresCatalogReader.textArrayLiteral([scratch]), copyName])
        return PostgresCatalogReader.policies(rows, local: { $0 }).first
    }

    /// Runs `sql` under a savepoint: whether the server took it.
    private static func attempt(_ sql: String, _ connection: PostgresConnection) throws(IntrospectError) -> Bool {
        try connection.execute("SAVEPOINT autogen_routine")
        do {
            _ = try connection.query(sql)
            try connection.execute("RELEASE SAVEPOINT autogen_routine")
            return true
        } catch {
            try connection.execute("ROLLBACK TO SAVEPOINT autogen_routine")
            return false
        }
    }
}
