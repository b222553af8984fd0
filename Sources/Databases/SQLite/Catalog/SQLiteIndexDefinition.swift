import ModelDSL

/// What the stored `CREATE INDEX` text of a SQLite index says that its pragmas do not: the
/// source text of each key (for expression keys) and the partial predicate.
///
/// Built by `SQLiteSchemaParser.parseIndex(_:)`.
public struct SQLiteIndexDefinition: Sendable, Hashable {
    /// The index's name, unquoted.
    public var name: String
    /// The indexed table's name, unquoted.
    public var table: String
    public var unique: Bool
    /// Each key's source text without a trailing `COLLATE x` / `ASC` / `DESC`:
    /// `lower(email)`, `"org_id"`.
    public var keys: [String]
    /// The `WHERE` predicate exactly as written, or `nil`.
    public var predicate: String?
    /// Each key's trailing `COLLATE x` and `DESC`, in key order.
    public var keyOptions: [IndexKeyOptions] = []

    public init(name: String, table: String, unique: Bool, keys: [String], predicate: String?) {
        self.name = name
        self.table = table
        self.unique = unique
        self.keys = keys
        self.predicate = predicate
    }
}
