/// A PostgreSQL row-level security policy on a table:
/// `Policy("own_rows", on: "document", for: .select, to: ["app_user"], using: "owner = current_user")`.
///
/// A policy is known by its table and name. `using` filters the rows a command sees, `withCheck`
/// the rows it may write; PostgreSQL gives both back in its own spelling, and compare asks the
/// server for it when the model's differs. The table's policies apply once its row-level
/// security is on (`Table.rowLevelSecurity()`).
public struct Policy: Sendable, Hashable, Codable {
    public enum Command: String, Sendable, Hashable, Codable, CaseIterable {
        case all, select, insert, update, delete
    }

    /// The table's schema (a policy lives in its table's).
    public var schema: String?
    public var table: String
    public var name: String
    public var command: Command
    /// `PERMISSIVE` (rows any permissive policy allows) or `RESTRICTIVE` (rows every
    /// restrictive policy allows).
    public var permissive: Bool
    /// The roles it applies to, sorted; `public` for every role.
    public var roles: [String]
    /// The `USING` condition, without its parentheses.
    public var using: String?
    /// The `WITH CHECK` condition, without its parentheses.
    public var withCheck: String?
    /// The policy's previous name, to rename it instead of dropping it and creating a new one.
    public var renamedFrom: String?

    public init(
        _ name: String, on table: String, schema: String? = nil, for command: Command = .all,
        permissive: Bool = true, to roles: [String] = ["public"], using: String? = nil, withCheck: String? = nil
    ) {
        self.schema = schema
        self.table = table
        self.name = name
        self.command = command
        self.permissive = permissive
        self.roles = roles.isEmpty ? ["public"] : roles.sorted()
        self.using = using
        self.withCheck = withCheck
    }

    /// `schema.table.name`, or `table.name` in the default schema: what identifies it.
    public var key: String { (schema.map { "\($0)." } ?? "") + table + "." + name }

    /// `schema.table`, or `table`.
    public var qualifiedTable: String { schema.map { "\($0).\(table)" } ?? table }

    /// The same policy, known before as `oldName` (on the same table).
    public func renamed(from oldName: String) -> Policy {
        var copy = self
        copy.renamedFrom = oldName
        return copy
    }

    /// Whether `other` allows the same: every part but the name and the rename.
    public func sameDefinition(as other: Policy) -> Bool {
        command == other.command && permissive == other.permissive && roles == other.roles && using == other.using
            && withCheck == other.withCheck
    }
}
