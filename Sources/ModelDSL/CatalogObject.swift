/// A view or trigger as the catalog stores it, kept beside the tables the model describes.
///
/// The model does not declare views and triggers yet; the SQLite catalog reader keeps them
/// (name, the table a trigger fires on, the `CREATE` statement as stored, in creation order)
/// so that a table rebuild can drop and recreate what depends on the table, and compare can
/// name them. Compare never adds or drops them.
public struct CatalogObject: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case view
        case trigger
    }

    public var kind: Kind
    public var name: String
    /// The table a trigger fires on (a view's own name for a view).
    public var table: String
    /// The `CREATE VIEW` / `CREATE TRIGGER` statement, as stored.
    public var sql: String

    public init(kind: Kind, name: String, table: String, sql: String) {
        self.kind = kind
        self.name = name
        self.table = table
        self.sql = sql
    }
}
