/// A table's primary key: `PrimaryKey("org_id", "id")`, or `.primaryKey()` on a column.
public struct PrimaryKey: Sendable, Hashable, Codable {
    /// The constraint name; a schema fills it from its naming convention when not given.
    public var name: String?
    public var columns: [String]

    public init(_ columns: String..., name: String? = nil) {
        self.init(columns: columns, name: name)
    }

    public init(columns: [String], name: String? = nil) {
        self.columns = columns
        self.name = name
    }
}
