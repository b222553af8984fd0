/// A UNIQUE constraint: `Unique("uq_account_org_email", "org_id", "email")`, or
/// `Unique(on: "org_id", "email")` to take the name from the naming convention.
public struct Unique: Sendable, Hashable {
    public var name: String?
    public var columns: [String]
    /// PostgreSQL 15's `NULLS NOT DISTINCT`: at most one row with NULL in the columns.
    public var nullsNotDistinct = false

    public init(_ name: String, _ columns: String...) {
        self.init(name: name, columns: columns)
    }

    public init(on columns: String...) {
        self.init(name: nil, columns: columns)
    }

    public init(name: String?, columns: [String]) {
        self.name = name
        self.columns = columns
    }

    /// The same constraint, `NULLS NOT DISTINCT` (PostgreSQL 15).
    public func nullsNotDistinct(_ notDistinct: Bool = true) -> Unique {
        var copy = self
        copy.nullsNotDistinct = notDistinct
        return copy
    }
}

extension Unique: Codable {
    private enum CodingKeys: String, CodingKey { case name, columns, nullsNotDistinct }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decodeIfPresent(String.self, forKey: .name),
            columns: try container.decode([String].self, forKey: .columns))
        nullsNotDistinct = try container.decodeIfPresent(Bool.self, forKey: .nullsNotDistinct) ?? false
    }

    /// `nullsNotDistinct` is written only when set.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encode(columns, forKey: .columns)
        if nullsNotDistinct { try container.encode(true, forKey: .nullsNotDistinct) }
    }
}
