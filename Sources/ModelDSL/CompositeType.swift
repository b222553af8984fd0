/// A PostgreSQL composite type: `CompositeType("address", attributes: [Column("street",
/// .text), Column("zip", .varchar(10))])`. Columns use it by name: `Column("home",
/// .raw("address"))`, arrays too (`.array(.raw("address"))`).
///
/// Attributes have a name, a type and a collation; nullability, defaults and constraints do
/// not apply. Created after domains and before tables, dropped after them.
public struct CompositeType: Sendable, Hashable, Codable {
    public var schema: String?
    public var name: String
    public var attributes: [Column]

    public init(_ name: String, schema: String? = nil, attributes: [Column]) {
        self.schema = schema
        self.name = name
        self.attributes = attributes.map {
            var attribute = Column($0.name, $0.type)
            attribute.collation = $0.collation
            return attribute
        }
    }

    /// `schema.name`, or `name` in the default schema.
    public var qualifiedName: String { schema.map { "\($0).\(name)" } ?? name }
}
