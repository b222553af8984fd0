/// A FOREIGN KEY constraint, declared with `ForeignKey(["org_id"], references: "organization",
/// ["id"], onDelete: .cascade)` or with `.references(...)` on a column.
public struct ForeignKey: Sendable, Hashable {
    public var name: String?
    public var columns: [String]
    /// The referenced table's schema (PostgreSQL namespace); `nil` is the default schema.
    public var referredSchema: String?
    public var referredTable: String
    public var referredColumns: [String]
    public var onDelete: ReferentialAction
    public var onUpdate: ReferentialAction
    public var deferrable: Bool
    public var initiallyDeferred: Bool
    /// `MATCH FULL`: a row with some but not all key columns NULL is refused (the default,
    /// MATCH SIMPLE, lets it through).
    public var matchFull = false
    /// `NOT VALID` (PostgreSQL): new rows are checked, rows already there are not until the
    /// constraint is validated. A model key without it validates a NOT VALID one in the database.
    public var notValid = false

    public init(
        _ columns: [String], references referredTable: String, _ referredColumns: [String],
        schema referredSchema: String? = nil,
        onDelete: ReferentialAction = .noAction, onUpdate: ReferentialAction = .noAction,
        deferrable: Bool = false, initiallyDeferred: Bool = false, name: String? = nil
    ) {
        self.name = name
        self.columns = columns
        self.referredSchema = referredSchema
        self.referredTable = referredTable
        self.referredColumns = referredColumns
        self.onDelete = onDelete
        self.onUpdate = onUpdate
        self.deferrable = deferrable || initiallyDeferred
        self.initiallyDeferred = initiallyDeferred
    }

    /// The same key, `MATCH FULL`.
    public func matchFull(_ full: Bool = true) -> ForeignKey {
        var copy = self
        copy.matchFull = full
        return copy
    }

    /// The same key, `NOT VALID` (PostgreSQL): existing rows are not checked.
    public func notValid(_ notValid: Bool = true) -> ForeignKey {
        var copy = self
        copy.notValid = notValid
        return copy
    }
}

extension ForeignKey: Codable {
    private enum CodingKeys: String, CodingKey {
        case name, columns, referredSchema, referredTable, referredColumns, onDelete, onUpdate, deferrable
        case initiallyDeferred, matchFull, notValid
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try c.decode([String].self, forKey: .columns),
            references: try c.decode(String.self, forKey: .referredTable),
            try c.decode([String].self, forKey: .referredColumns),
            schema: try c.decodeIfPresent(String.self, forKey: .referredSchema),
            onDelete: try c.decode(ReferentialAction.self, forKey: .onDelete),
            onUpdate: try c.decode(ReferentialAction.self, forKey: .onUpdate),
            deferrable: try c.decode(Bool.self, forKey: .deferrable),
            initiallyDeferred: try c.decode(Bool.self, forKey: .initiallyDeferred),
            name: try c.decodeIfPresent(String.self, forKey: .name))
        matchFull = try c.decodeIfPresent(Bool.self, forKey: .matchFull) ?? false
        notValid = try c.decodeIfPresent(Bool.self, forKey: .notValid) ?? false
    }

    /// `matchFull` and `notValid` are written only when set.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encode(columns, forKey: .columns)
        try c.encodeIfPresent(referredSchema, forKey: .referredSchema)
        try c.encode(referredTable, forKey: .referredTable)
        try c.encode(referredColumns, forKey: .referredColumns)
        try c.encode(onDelete, forKey: .onDelete)
        try c.encode(onUpdate, forKey: .onUpdate)
        try c.encode(deferrable, forKey: .deferrable)
        try c.encode(initiallyDeferred, forKey: .initiallyDeferred)
        if matchFull { try c.encode(true, forKey: .matchFull) }
        if notValid { try c.encode(true, forKey: .notValid) }
    }
}
