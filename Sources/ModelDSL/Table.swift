/// A table: its columns in order, its constraints and indexes, and its comment.
///
/// Built with the DSL (`Table("account") { Column(...) ... }`) or, by catalog readers, with the
/// memberwise initializer. Constraint and index lists are kept sorted by name, so two tables
/// that declare the same things in another order are equal.
public struct Table: Sendable, Hashable, Codable {
    /// The PostgreSQL namespace; `nil` is the default schema (and always, on SQLite).
    public var schema: String?
    public var name: String
    public var columns: [Column]
    public var primaryKey: PrimaryKey?
    public var uniques: [Unique]
    public var foreignKeys: [ForeignKey]
    public var checks: [Check]
    public var indexes: [Index]
    public var comment: String?
    /// PostgreSQL `UNLOGGED`: not written to the write-ahead log (faster, emptied after a crash,
    /// not replicated).
    public var unlogged = false
    /// Storage parameters (PostgreSQL `WITH (fillfactor = 70)`), by name, values as the catalog
    /// spells them.
    public var storage: [String: String] = [:]
    /// PostgreSQL row-level security (`ENABLE` / `FORCE ROW LEVEL SECURITY`); the policies are
    /// the schema's (`Policy`).
    public var rowLevelSecurity = RowLevelSecurity.off
    /// PostgreSQL exclusion constraints, sorted by name.
    public var exclusions: [Exclusion] = []
    /// `PARTITION BY ...` of a partitioned table (PostgreSQL): `RANGE (created_at)`.
    public var partitionKey: String?
    /// The parent and bound of a partition (PostgreSQL).
    public var partitionOf: PartitionOf?
    /// The table's previous name, when the model renames it (model intent only, never reflected).
    public var renamedFrom: String?
    /// Contradictions found while the DSL built the table (two primary keys, ...).
    var declarationProblems: [String] = []

    private enum CodingKeys: String, CodingKey {
        case schema, name, columns, primaryKey, uniques, foreignKeys, checks, indexes, comment, unlogged
        case partitionKey, partitionOf, exclusions, storage, rowLevelSecurity
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decode(String.self, forKey: .name), schema: try c.decodeIfPresent(String.self, forKey: .schema),
            columns: try c.decode([Column].self, forKey: .columns),
            primaryKey: try c.decodeIfPresent(PrimaryKey.self, forKey: .primaryKey),
            uniques: try c.decode([Unique].self, forKey: .uniques),
            foreignKeys: try c.decode([ForeignKey].self, forKey: .foreignKeys),
            checks: try c.decode([Check].self, forKey: .checks), indexes: try c.decode([Index].self, forKey: .indexes),
            comment: try c.decodeIfPresent(String.self, forKey: .comment))
        unlogged = try c.decodeIfPresent(Bool.self, forKey: .unlogged) ?? false
        exclusions = try c.decodeIfPresent([Exclusion].self, forKey: .exclusions) ?? []
        storage = try c.decodeIfPresent([String: String].self, forKey: .storage) ?? [:]
        partitionKey = try c.decodeIfPresent(String.self, forKey: .partitionKey)
        partitionOf = try c.decodeIfPresent(PartitionOf.self, forKey: .partitionOf)
        rowLevelSecurity = try c.decodeIfPresent(RowLevelSecurity.self, forKey: .rowLevelSecurity) ?? .off
    }

    /// `unlogged` only when set, so that the JSON of a logged table is as it always was.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(schema, forKey: .schema)
        try c.encode(name, forKey: .name)
        try c.encode(columns, forKey: .columns)
        try c.encodeIfPresent(primaryKey, forKey: .primaryKey)
        try c.encode(uniques, forKey: .uniques)
        try c.encode(foreignKeys, forKey: .foreignKeys)
        try c.encode(checks, forKey: .checks)
        try c.encode(indexes, forKey: .indexes)
        try c.encodeIfPresent(comment, forKey: .comment)
        if unlogged { try c.encode(true, forKey: .unlogged) }
        if !exclusions.isEmpty { try c.encode(exclusions, forKey: .exclusions) }
        if !storage.isEmpty { try c.encode(storage, forKey: .storage) }
        try c.encodeIfPresent(partitionKey, forKey: .partitionKey)
        try c.encodeIfPresent(partitionOf, forKey: .partitionOf)
        if rowLevelSecurity != .off { try c.encode(rowLevelSecurity, forKey: .rowLevelSecurity) }
    }

    public init(
        name: String, schema: String? = nil, columns: [Column], primaryKey: PrimaryKey? = nil,
        uniques: [Unique] = [], foreignKeys: [ForeignKey] = [], checks: [Check] = [],
        indexes: [Index] = [], comment: String? = nil
    ) {
        self.schema = schema
        self.name = name
        self.columns = columns
        self.primaryKey = primaryKey
        self.uniques = uniques
        self.foreignKeys = foreignKeys
        self.checks = checks
        self.indexes = indexes
        self.comment = comment
        sortConstraints()
    }

    public init(_ name: String, schema: String? = nil, @TableBuilder _ content: () -> [TableElement]) {
        self.init(name: name, schema: schema, elements: content())
    }

    /// Builds a table from DSL elements, moving column-level constraints into the table.
    public init(name: String, schema: String? = nil, elements: [TableElement]) {
        self.init(name: name, schema: schema, columns: [])
        var inlinePrimaryKey: [String] = []
        var primaryKeys: [PrimaryKey] = []
        for element in elements {
            switch element {
            case .column(var column):
                let inline = column.inline
                column.inline = InlineConstraints()
                if inline.primaryKey {
                    inlinePrimaryKey.append(column.name)
                    if inline.explicitNullable == true {
                        declarationProblems.append(
                            "column \"\(column.name)\" is in the primary key and cannot be nullable")
                    }
                }
                uniques += inline.uniques
                indexes += inline.indexes
                foreignKeys += inline.foreignKeys
                columns.append(column)
            case .primaryKey(let key): primaryKeys.append(key)
            case .unique(let unique): uniques.append(unique)
            case .foreignKey(let key): foreignKeys.append(key)
            case .check(let check): checks.append(check)
            case .exclusion(let exclusion): exclusions.append(exclusion)
            case .index(let index): indexes.append(index)
            }
        }
        if !inlinePrimaryKey.isEmpty { primaryKeys.insert(PrimaryKey(columns: inlinePrimaryKey), at: 0) }
        if primaryKeys.count > 1 {
            declarationProblems.append(
                "has \(primaryKeys.count) primary keys; declare one (PrimaryKey(\"a\", \"b\") for a composite key)")
        }
        primaryKey = primaryKeys.first
        if let key = primaryKey {
            for index in columns.indices where key.columns.contains(columns[index].name) {
                columns[index].isNullable = false
            }
        }
        sortConstraints()
    }

    /// The same table with a comment (PostgreSQL `COMMENT ON TABLE`).
    public func comment(_ text: String?) -> Table {
        var copy = self
        copy.comment = text
        return copy
    }

    /// The table is PostgreSQL `UNLOGGED` (see `unlogged`).
    public func unlogged(_ isUnlogged: Bool = true) -> Table {
        var copy = self
        copy.unlogged = isUnlogged
        return copy
    }

    /// The table used to be called `oldName`: compare renames it rather than dropping it.
    public func renamed(from oldName: String) -> Table {
        var copy = self
        copy.renamedFrom = oldName
        return copy
    }

    /// `schema.name`, or `name` in the default schema.
    public var qualifiedName: String { schema.map { "\($0).\(name)" } ?? name }

    /// The column called `name`, if the table has one.
    public func column(_ name: String) -> Column? { columns.first { $0.name == name } }

    /// Fills every missing constraint and index name from `convention`.
    public func named(by convention: NamingConvention) -> Table {
        var copy = self
        if var key = copy.primaryKey, key.name == nil {
            key.name = convention.primaryKeyName(table: name, columns: key.columns)
            copy.primaryKey = key
        }
        for i in copy.uniques.indices where copy.uniques[i].name == nil {
            copy.uniques[i].name = convention.uniqueName(table: name, columns: copy.uniques[i].columns)
        }
        for i in copy.foreignKeys.indices where copy.foreignKeys[i].name == nil {
            let key = copy.foreignKeys[i]
            copy.foreignKeys[i].name = convention.foreignKeyName(
                table: name, columns: key.columns, referredTable: key.referredTable)
        }
        for i in copy.indexes.indices where copy.indexes[i].name == nil {
            copy.indexes[i].name = convention.indexName(table: name, elements: copy.indexes[i].elements)
        }
        copy.sortConstraints()
        return copy
    }

    /// Sorts constraints and indexes by name (then by columns), the canonical order.
    mutating func sortConstraints() {
        uniques.sort {
            ($0.name ?? "", $0.columns.joined(separator: ",")) < ($1.name ?? "", $1.columns.joined(separator: ","))
        }
        foreignKeys.sort {
            ($0.name ?? "", $0.columns.joined(separator: ",")) < ($1.name ?? "", $1.columns.joined(separator: ","))
        }
        checks.sort { ($0.name ?? "", $0.expression) < ($1.name ?? "", $1.expression) }
        exclusions.sort { $0.name < $1.name }
        guard indexes.count > 1 else { return }
        func key(_ index: Index) -> String {
            index.elements.map { element -> String in
                switch element {
                case .column(let name): return "c:" + name
                case .expression(let sql): return "e:" + sql
                }
            }.joined(separator: ",")
        }
        indexes.sort { ($0.name ?? "", key($0)) < ($1.name ?? "", key($1)) }
    }
}
