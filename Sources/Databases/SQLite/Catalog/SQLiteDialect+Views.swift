import ModelDSL

/// SQLite DDL for views. SQLite keeps the statement as written, so the reader gets back the
/// query given here; it has no `CREATE OR REPLACE VIEW`, no `ALTER VIEW` and no materialized
/// views.
extension SQLiteDialect {
    /// `CREATE VIEW "name" ("a", "b") AS query`.
    public static func createViewSQL(_ view: View) -> String {
        let columns =
            view.columns.isEmpty ? "" : " (" + view.columns.map(quoteIdentifier).joined(separator: ", ") + ")"
        return "CREATE VIEW " + quoteIdentifier(view.name) + columns + " AS " + view.definition
    }

    public static func dropViewSQL(_ view: View) -> String {
        "DROP VIEW " + quoteIdentifier(view.name)
    }
}
