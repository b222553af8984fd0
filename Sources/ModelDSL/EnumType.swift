/// A PostgreSQL enum type: `Enum("account_status", ["active", "suspended", "closed"])`.
///
/// On SQLite, which has no enum types, a column of this type is TEXT with a CHECK that lists
/// the values.
public struct EnumType: Sendable, Hashable, Codable {
    public var schema: String?
    public var name: String
    /// The values, in their sort order.
    public var values: [String]

    public init(_ name: String, _ values: [String], schema: String? = nil) {
        self.schema = schema
        self.name = name
        self.values = values
    }

    /// `schema.name`, or `name` in the default schema.
    public var qualifiedName: String { schema.map { "\($0).\(name)" } ?? name }
}

/// The DSL's spelling of `EnumType`.
public typealias Enum = EnumType
