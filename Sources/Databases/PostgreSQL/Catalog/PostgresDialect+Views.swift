import ModelDSL

/// PostgreSQL DDL for views and materialized views.
extension PostgresDialect {
    /// `CREATE [MATERIALIZED] VIEW`, a materialized view's indexes, and the comment.
    public static func createViewStatements(_ view: View) -> [String] {
        let name = qualifiedName(view.name, schema: view.schema)
        var out: [String]
        if view.materialized {
            out = [
                "CREATE MATERIALIZED VIEW " + name + columnList(view) + " AS " + view.definition
                    + (view.withData ? " WITH DATA" : " WITH NO DATA")
            ]
            let owner = Table(name: view.name, schema: view.schema, columns: [])
            out += view.indexes.map { createIndexSQL($0, on: owner) }
        } else {
            out = ["CREATE VIEW " + name + columnList(view) + " AS " + view.definition]
        }
        if let comment = view.comment { out.append(viewCommentSQL(view, comment)) }
        return out
    }

    /// `DROP [MATERIALIZED] VIEW` without CASCADE: refused while another view uses it.
    public static func dropViewSQL(_ view: View) -> String {
        "DROP " + viewKeyword(view) + " " + qualifiedName(view.name, schema: view.schema)
    }

    /// `CREATE OR REPLACE VIEW` (and the comment when it changed); a materialized view, which
    /// has no OR REPLACE, is dropped and created.
    public static func replaceViewStatements(from: View, to: View) -> [String] {
        guard !from.materialized, !to.materialized else { return [dropViewSQL(from)] + createViewStatements(to) }
        var out = [
            "CREATE OR REPLACE VIEW " + qualifiedName(to.name, schema: to.schema) + columnList(to) + " AS "
                + to.definition
        ]
        if from.comment != to.comment { out.append(viewCommentSQL(to, to.comment)) }
        return out
    }

    /// `ALTER [MATERIALIZED] VIEW ... RENAME TO`.
    public static func renameViewSQL(_ view: View, to newName: String) -> String {
        "ALTER " + viewKeyword(view) + " " + qualifiedName(view.name, schema: view.schema) + " RENAME TO "
            + quoteIdentifier(newName)
    }

    static func viewKeyword(_ view: View) -> String { view.materialized ? "MATERIALIZED VIEW" : "VIEW" }

    static func columnList(_ view: View) -> String {
        view.columns.isEmpty ? "" : " (" + view.columns.map(quoteIdentifier).joined(separator: ", ") + ")"
    }

    static func viewCommentSQL(_ view: View, _ comment: String?) -> String {
        "COMMENT ON " + viewKeyword(view) + " " + qualifiedName(view.name, schema: view.schema) + " IS "
            + (comment.map(quoteLiteral) ?? "NULL")
    }
}
