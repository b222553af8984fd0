/// A UNIQUE constraint: `Unique("uq_account_org_email", "org_id", "email")`, or
/// `Unique(on: "org_id", "email")` to take the name from the naming convention.
public struct Unique: Sendable, Hashable, Codable {
    public var name: String?
    public var columns: [String]

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
}
