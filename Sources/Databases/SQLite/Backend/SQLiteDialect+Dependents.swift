import Introspect
import ModelDSL

/// The views and triggers a SQLite table rebuild must drop first and recreate last.
///
/// A rebuild drops the table and renames a new one into its place. SQLite refuses the rename
/// while a view names the table (`error in view v: no such table: main.p`), and `DROP TABLE`
/// takes the table's triggers with it. So the rebuild drops every view and trigger that
/// names the table (or a view so dropped) and, after the swap, creates them again from what
/// the catalog holds, views in dependency order and triggers after them, inside the same transaction. A
/// dependent that no longer fits the new table (a view of a dropped column) makes the
/// database refuse the migration, which then rolls back whole.
extension SQLiteDialect {
    /// The dependents of `table` among `objects` (in creation order), in creation order.
    public static func dependents(of table: String, in objects: [CatalogObject]) -> [CatalogObject] {
        guard !objects.isEmpty else { return [] }
        var names: Set<String> = [table.lowercased()]
        var included = Array(repeating: false, count: objects.count)
        let mentioned = objects.map { Set(identifiers(in: $0.sql)) }
        var grew = true
        while grew {
            grew = false
            for (i, object) in objects.enumerated() where !included[i] {
                let fires = object.kind == .trigger && names.contains(object.table.lowercased())
                guard fires || !mentioned[i].isDisjoint(with: names) else { continue }
                included[i] = true
                grew = true
                if object.kind == .view { names.insert(object.name.lowercased()) }
            }
        }
        return objects.indices.filter { included[$0] }.map { objects[$0] }
    }

    public static func rebuildDependents(of table: String, in database: Schema) -> [CatalogObject] {
        dependents(of: table, in: rebuildObjects(in: database))
    }

    /// The views (in an order they can be created in) and then the triggers of `schema`, as
    /// statements to recreate them: triggers last, as one may fire on a view.
    static func rebuildObjects(in schema: Schema) -> [CatalogObject] {
        ViewOrder(schema.views).views.map {
            CatalogObject(kind: .view, name: $0.name, table: $0.name, sql: createViewSQL($0))
        }
            + schema.triggers.map {
                CatalogObject(kind: .trigger, name: $0.name, table: $0.table, sql: createTriggerSQL($0))
            }
    }

    /// `DROP VIEW` / `DROP TRIGGER` for `dependents`, the last created first.
    static func dropDependents(_ dependents: [CatalogObject]) -> [SQLStatement] {
        dependents.reversed().map {
            SQLStatement("DROP \($0.kind == .view ? "VIEW" : "TRIGGER") IF EXISTS " + quoteIdentifier($0.name))
        }
    }

    /// Every word and quoted identifier of `sql`, lowercased.
    private static func identifiers(in sql: String) -> [String] {
        SQLiteTokenizer.tokens(sql).compactMap { token in
            token.kind == .word || token.kind == .quotedIdentifier ? token.value.lowercased() : nil
        }
    }
}
