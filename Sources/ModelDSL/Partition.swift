/// Where a PostgreSQL partition belongs: its parent (a partitioned table) and its bound,
/// `FOR VALUES FROM ('2024-01-01') TO ('2024-02-01')`, `FOR VALUES IN ('eu')`,
/// `FOR VALUES WITH (MODULUS 4, REMAINDER 0)` or `DEFAULT`, as SQL.
public struct PartitionOf: Sendable, Hashable, Codable {
    public var table: String
    /// The parent's schema, by name (the current schema too); nil for the partition's own.
    public var schema: String?
    public var bound: String

    public init(table: String, schema: String? = nil, bound: String) {
        self.table = table
        self.schema = schema
        self.bound = bound
    }
}

extension Table {
    /// The same table with `other`'s table-level options (UNLOGGED, partitioning, exclusion
    /// constraints, storage parameters): for code
    /// that rebuilds a table value from its parts, so that no option is lost on the way.
    public func withTableOptions(of other: Table) -> Table {
        var copy = self
        copy.unlogged = other.unlogged
        copy.partitionKey = other.partitionKey
        copy.partitionOf = other.partitionOf
        copy.exclusions = other.exclusions
        copy.storage = other.storage
        copy.rowLevelSecurity = other.rowLevelSecurity
        return copy
    }

    /// The same table with the storage parameter `parameter` (PostgreSQL
    /// `WITH (fillfactor = 70)`, `autovacuum_enabled = false`).
    public func with(_ parameter: String, _ value: String) -> Table {
        var copy = self
        // PostgreSQL keeps an unquoted value lower-cased (`OFF` reads back `off`).
        copy.storage[parameter.lowercased()] = value.lowercased()
        return copy
    }

    /// The same table, partitioned (PostgreSQL): `.partitioned(by: "RANGE (created_at)")`, the
    /// text after `PARTITION BY`.
    public func partitioned(by key: String) -> Table {
        var copy = self
        copy.partitionKey = key
        return copy
    }

    /// The same table as a partition of `parent` (PostgreSQL):
    /// `Table("event_2024_01") {}.partition(of: "event", "FOR VALUES FROM ('2024-01-01') TO ('2024-02-01')")`.
    /// A partition has its parent's columns, and the keys and indexes declared on the parent;
    /// it declares none of its own columns.
    public func partition(of parent: String, schema: String? = nil, _ bound: String) -> Table {
        var copy = self
        copy.partitionOf = PartitionOf(table: parent, schema: schema, bound: bound)
        return copy
    }
}
