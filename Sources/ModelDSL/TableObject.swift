/// A schema object that belongs to a table and is known by the table and its own name: a
/// trigger or a row-level security policy.
public protocol TableObject: Sendable, Hashable {
    var schema: String? { get }
    var table: String { get }
    var name: String { get set }
    var renamedFrom: String? { get }
    /// `schema.table.name`, or `table.name` in the default schema.
    var key: String { get }
}

extension Trigger: TableObject {}
extension Policy: TableObject {}
