/// A view or trigger as one `CREATE` statement: what a SQLite table rebuild drops first and
/// creates again after (name, the table a trigger fires on, the statement), and what compare's
/// rebuild note names.
public struct CatalogObject: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case view
        case trigger
    }

    public var kind: Kind
    public var name: String
    /// The table a trigger fires on (a view's own name for a view).
    public var table: String
    /// The `CREATE VIEW` / `CREATE TRIGGER` statement.
    public var sql: String

    public init(kind: Kind, name: String, table: String, sql: String) {
        self.kind = kind
        self.name = name
        self.table = table
        self.sql = sql
    }
}
