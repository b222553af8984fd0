import ModelDSL

/// PostgreSQL DDL for functions, procedures and triggers.
extension PostgresDialect {
    /// `CREATE [OR REPLACE] FUNCTION name(args) RETURNS type LANGUAGE lang ... AS $function$body$function$`,
    /// then its comment when it has one.
    public static func createFunctionStatements(_ f: Function, orReplace: Bool = false) -> [String] {
        if f.kind == .aggregate {
            var out = [
                "CREATE AGGREGATE " + qualifiedName(f.name, schema: f.schema) + "("
                    + (f.arguments.isEmpty ? "*" : f.arguments) + ") (" + f.body + ")"
            ]
            if let comment = f.comment { out.append(functionCommentSQL(f, comment)) }
            return out
        }
        var sql = "CREATE " + (orReplace ? "OR REPLACE " : "") + functionKeyword(f) + " "
        sql += qualifiedName(f.name, schema: f.schema) + "(" + f.arguments + ")"
        if f.kind == .function, let returns = f.returns { sql += " RETURNS " + returns }
        sql += " LANGUAGE " + f.language
        if f.kind == .function {
            if f.volatility != .volatile { sql += " " + f.volatility.rawValue.uppercased() }
            if f.strict { sql += " STRICT" }
        }
        if f.securityDefiner { sql += " SECURITY DEFINER" }
        if f.kind == .function {
            if f.leakproof { sql += " LEAKPROOF" }
            if f.parallel != .unsafe { sql += " PARALLEL " + f.parallel.rawValue.uppercased() }
            if let cost = f.cost { sql += " COST " + SQLText.number(cost) }
            if let rows = f.rows { sql += " ROWS " + SQLText.number(rows) }
        }
        for setting in f.settings { sql += " " + settingClause(setting) }
        if f.standardBody {
            sql += "\n" + f.body
        } else {
            var tag = "$function$"
            var n = 0
            while f.body.contains(tag) {
                n += 1
                tag = "$function\(n)$"
            }
            sql += "\nAS " + tag + f.body + tag
        }
        var out = [sql]
        if let comment = f.comment { out.append(functionCommentSQL(f, comment)) }
        return out
    }

    /// `DROP FUNCTION name(a integer)` / `DROP PROCEDURE`, without CASCADE.
    public static func dropFunctionSQL(_ f: Function) -> String {
        "DROP " + functionKeyword(f) + " " + functionSignature(f)
    }

    /// `CREATE OR REPLACE FUNCTION` when the definition changed, then the comment when it changed.
    public static func replaceFunctionStatements(from: Function, to: Function) -> [String] {
        var out: [String] = []
        if to.kind == .aggregate, !from.sameDefinition(as: to) {
            // No OR REPLACE for an aggregate's options before PostgreSQL 12: dropped and created.
            return [dropFunctionSQL(from)] + createFunctionStatements(to)
        }
        if !from.sameDefinition(as: to) {
            var plain = to
            plain.comment = nil
            out += createFunctionStatements(plain, orReplace: true)
        }
        if from.comment != to.comment { out.append(functionCommentSQL(to, to.comment)) }
        return out
    }

    /// `ALTER FUNCTION name(a integer) RENAME TO new`.
    public static func renameFunctionSQL(_ f: Function, to newName: String) -> String {
        "ALTER " + functionKeyword(f) + " " + functionSignature(f) + " RENAME TO " + quoteIdentifier(newName)
    }

    static func functionKeyword(_ f: Function) -> String {
        switch f.kind {
        case .function: return "FUNCTION"
        case .procedure: return "PROCEDURE"
        case .aggregate: return "AGGREGATE"
        }
    }

    static func functionSignature(_ f: Function) -> String {
        qualifiedName(f.name, schema: f.schema) + "(" + f.identityArguments + ")"
    }

    static func functionCommentSQL(_ f: Function, _ comment: String?) -> String {
        "COMMENT ON " + functionKeyword(f) + " " + functionSignature(f) + " IS " + (comment.map(quoteLiteral) ?? "NULL")
    }

    /// `SET name TO value` from the catalog's `name=value`: a list setting (`search_path`) as its
    /// items, any other as one quoted value.
    static func settingClause(_ setting: String) -> String {
        guard let equals = setting.firstIndex(of: "=") else { return "SET " + setting }
        let name = String(setting[..<equals])
        let value = String(setting[setting.index(after: equals)...])
        let lists: Set<String> = [
            "search_path", "temp_tablespaces", "session_preload_libraries", "local_preload_libraries",
            "shared_preload_libraries",
        ]
        // The catalog keeps an empty list as `""` (`SET search_path = ''`).
        if lists.contains(name.lowercased()) {
            return "SET " + name + " TO " + (value.isEmpty || value == "\"\"" ? "''" : value)
        }
        return "SET " + name + " TO " + quoteLiteral(value)
    }

    /// `CREATE TRIGGER name AFTER INSERT OR UPDATE OF a ON table FOR EACH ROW WHEN (cond)
    /// EXECUTE FUNCTION f()`, then its comment when it has one.
    public static func createTriggerStatements(_ t: Trigger) -> [String] {
        var sql = "CREATE TRIGGER " + quoteIdentifier(t.name) + " " + t.timing.sql + " "
        sql += t.events.map { event in
            var words = event.rawValue.uppercased()
            if event == .update, !t.updateOf.isEmpty {
                words += " OF " + t.updateOf.map(quoteIdentifier).joined(separator: ", ")
            }
            return words
        }.joined(separator: " OR ")
        sql += " ON " + qualifiedName(t.table, schema: t.schema)
        if let referencing = t.referencing { sql += " REFERENCING " + referencing }
        sql += t.forEachRow ? " FOR EACH ROW" : " FOR EACH STATEMENT"
        if let when = t.when { sql += " WHEN (" + when + ")" }
        sql += " EXECUTE FUNCTION " + (t.function ?? "")
        var out = [sql]
        if t.firing != .origin { out.append(triggerFiringSQL(t)) }
        if let comment = t.comment { out.append(triggerCommentSQL(t, comment)) }
        return out
    }

    /// `ALTER TABLE t DISABLE TRIGGER n`, `ENABLE [REPLICA | ALWAYS] TRIGGER n`.
    static func triggerFiringSQL(_ t: Trigger) -> String {
        let words: String
        switch t.firing {
        case .origin: words = "ENABLE"
        case .disabled: words = "DISABLE"
        case .replica: words = "ENABLE REPLICA"
        case .always: words = "ENABLE ALWAYS"
        }
        return "ALTER TABLE " + qualifiedName(t.table, schema: t.schema) + " " + words + " TRIGGER "
            + quoteIdentifier(t.name)
    }

    public static func dropTriggerSQL(_ t: Trigger) -> String {
        "DROP TRIGGER " + quoteIdentifier(t.name) + " ON " + qualifiedName(t.table, schema: t.schema)
    }

    /// The trigger dropped and created again when it fires or runs differently
    /// (`CREATE OR REPLACE TRIGGER` is PostgreSQL 14's), else its comment.
    public static func replaceTriggerStatements(from: Trigger, to: Trigger) -> [String] {
        if !from.sameDefinition(as: to) { return [dropTriggerSQL(from)] + createTriggerStatements(to) }
        var out: [String] = []
        if from.firing != to.firing { out.append(triggerFiringSQL(to)) }
        if from.comment != to.comment { out.append(triggerCommentSQL(to, to.comment)) }
        return out
    }

    public static func renameTriggerSQL(_ t: Trigger, to newName: String) -> String {
        "ALTER TRIGGER " + quoteIdentifier(t.name) + " ON " + qualifiedName(t.table, schema: t.schema)
            + " RENAME TO " + quoteIdentifier(newName)
    }

    static func triggerCommentSQL(_ t: Trigger, _ comment: String?) -> String {
        "COMMENT ON TRIGGER " + quoteIdentifier(t.name) + " ON " + qualifiedName(t.table, schema: t.schema) + " IS "
            + (comment.map(quoteLiteral) ?? "NULL")
    }
}
