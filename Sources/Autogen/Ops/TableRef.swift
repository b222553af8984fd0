import ModelDSL

/// A table by name, in an optional schema (PostgreSQL namespace).
public struct TableRef: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var schema: String?
    public var name: String

    public init(_ name: String, schema: String? = nil) {
        self.name = name
        self.schema = schema
    }

    public init(_ table: Table) { self.init(table.name, schema: table.schema) }

    /// `schema.name`, or `name` in the default schema.
    public var description: String { schema.map { "\($0).\(name)" } ?? name }

    public static func < (a: TableRef, b: TableRef) -> Bool { (a.schema ?? "", a.name) < (b.schema ?? "", b.name) }
}
