/// A PostgreSQL extension the schema needs: `Extension("citext")`, or
/// `Extension("pgcrypto", schema: "extensions")` to install its objects into another schema.
///
/// Created (`CREATE EXTENSION IF NOT EXISTS`) before the enum types and tables that may use
/// its types, operator classes or functions, and dropped after them. Compared by name: an
/// extension is database-wide, and the schema only says where a new one puts its objects.
/// SQLite has no extensions of this kind.
public struct Extension: Sendable, Hashable, Codable {
    public var name: String
    /// The schema its objects go into when created; nil for the current schema.
    public var schema: String?

    public init(_ name: String, schema: String? = nil) {
        self.name = name
        self.schema = schema
    }
}
