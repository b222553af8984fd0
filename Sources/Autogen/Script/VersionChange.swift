/// One change to the version table, which holds one row per current head revision.
///
/// The runtime executes exactly these, in order, inside the step's transaction:
/// ```sql
/// INSERT INTO <version_table> (version_num) VALUES ('<id>')        -- insert
/// DELETE FROM <version_table> WHERE version_num = '<id>'          -- delete
/// UPDATE <version_table> SET version_num = '<to>' WHERE version_num = '<from>'  -- update
/// ```
public enum VersionChange: Hashable, Sendable, CustomStringConvertible {
    /// A new row: a base was applied, or a branch point gained its second branch.
    case insert(String)
    /// A row removed: a base was rolled back, or a merge's extra parent row gave way.
    case delete(String)
    /// A row moved along its branch.
    case update(from: String, to: String)

    public var description: String {
        switch self {
        case .insert(let id): return "insert \(id)"
        case .delete(let id): return "delete \(id)"
        case .update(let from, let to): return "update \(from) -> \(to)"
        }
    }
}
