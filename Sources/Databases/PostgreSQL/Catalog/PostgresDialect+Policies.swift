import ModelDSL

/// PostgreSQL DDL for row-level security and policies.
extension PostgresDialect {
    /// `ALTER TABLE ... ENABLE / DISABLE ROW LEVEL SECURITY` and `FORCE / NO FORCE ...`, each
    /// only when it changes.
    public static func rowLevelSecuritySQL(
        _ table: String, schema: String?, from: RowLevelSecurity, to: RowLevelSecurity
    ) -> [String] {
        let name = qualifiedName(table, schema: schema)
        var out: [String] = []
        if from.enabled != to.enabled {
            out.append("ALTER TABLE \(name) \(to.enabled ? "ENABLE" : "DISABLE") ROW LEVEL SECURITY")
        }
        if from.forced != to.forced {
            out.append("ALTER TABLE \(name) \(to.forced ? "FORCE" : "NO FORCE") ROW LEVEL SECURITY")
        }
        return out
    }

    /// `CREATE POLICY name ON table AS RESTRICTIVE FOR SELECT TO role USING (...) WITH CHECK (...)`.
    public static func createPolicySQL(_ p: Policy) -> String {
        var sql = "CREATE POLICY " + quoteIdentifier(p.name) + " ON " + qualifiedName(p.table, schema: p.schema)
        if !p.permissive { sql += " AS RESTRICTIVE" }
        if p.command != .all { sql += " FOR " + p.command.rawValue.uppercased() }
        sql += " TO " + p.roles.map(policyRole).joined(separator: ", ")
        if let using = p.using { sql += " USING (" + using + ")" }
        if let check = p.withCheck { sql += " WITH CHECK (" + check + ")" }
        return sql
    }

    public static func dropPolicySQL(_ p: Policy) -> String {
        "DROP POLICY " + quoteIdentifier(p.name) + " ON " + qualifiedName(p.table, schema: p.schema)
    }

    public static func renamePolicySQL(_ p: Policy, to newName: String) -> String {
        "ALTER POLICY " + quoteIdentifier(p.name) + " ON " + qualifiedName(p.table, schema: p.schema) + " RENAME TO "
            + quoteIdentifier(newName)
    }

    /// `public` and the `current_user`-like keywords as words, any other role quoted.
    static func policyRole(_ role: String) -> String {
        ["public", "current_user", "current_role", "session_user"].contains(role) ? role : quoteIdentifier(role)
    }
}
