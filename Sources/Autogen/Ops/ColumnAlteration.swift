import ModelDSL

/// The changes to one existing column: any of name, type, nullability, default, comment and
/// identity, each with its value before and after, so the alteration can be reversed.
public struct ColumnAlteration: Sendable, Hashable {
    public var table: TableRef
    /// The column as it is before the alteration (its name is the current name).
    public var existing: Column
    public var name: Change<String>?
    public var type: Change<ColumnType>?
    public var nullable: Change<Bool>?
    public var defaultValue: Change<DefaultValue?>?
    public var comment: Change<String?>?
    public var identity: Change<Identity?>?
    /// The options of an identity or serial column's sequence (PostgreSQL).
    public var sequence: Change<SequenceOptions?>?
    public var collation: Change<String?>?
    /// The statistics target (PostgreSQL).
    public var statistics: Change<Int?>?

    public init(
        table: TableRef, existing: Column, name: Change<String>? = nil, type: Change<ColumnType>? = nil,
        nullable: Change<Bool>? = nil, defaultValue: Change<DefaultValue?>? = nil,
        comment: Change<String?>? = nil, identity: Change<Identity?>? = nil,
        sequence: Change<SequenceOptions?>? = nil, collation: Change<String?>? = nil,
        statistics: Change<Int?>? = nil
    ) {
        self.table = table
        self.existing = existing
        self.name = name
        self.type = type
        self.nullable = nullable
        self.defaultValue = defaultValue
        self.comment = comment
        self.identity = identity
        self.sequence = sequence
        self.collation = collation
        self.statistics = statistics
    }

    /// True when nothing changes.
    public var isEmpty: Bool {
        name == nil && type == nil && nullable == nil && defaultValue == nil && comment == nil && identity == nil
            && sequence == nil && collation == nil && statistics == nil
    }

    /// How many attributes change (a rename, a type, ... each count one).
    public var changeCount: Int {
        [
            name != nil, type != nil, nullable != nil, defaultValue != nil, comment != nil, identity != nil,
            sequence != nil, collation != nil, statistics != nil,
        ]
        .filter { $0 }.count
    }

    /// The column as it is after the alteration.
    public var resulting: Column {
        var column = existing
        if let name { column.name = name.to }
        if let type { column.type = type.to }
        if let nullable { column.isNullable = nullable.to }
        if let defaultValue { column.defaultValue = defaultValue.to }
        if let comment { column.comment = comment.to }
        if let identity { column.identity = identity.to }
        if let sequence { column.sequence = sequence.to }
        if let collation { column.collation = collation.to }
        if let statistics { column.statistics = statistics.to }
        column.renamedFrom = nil
        return column
    }

    /// The alteration that undoes this one.
    public var reversed: ColumnAlteration {
        ColumnAlteration(
            table: table, existing: resulting, name: name?.reversed, type: type?.reversed,
            nullable: nullable?.reversed, defaultValue: defaultValue?.reversed, comment: comment?.reversed,
            identity: identity?.reversed, sequence: sequence?.reversed, collation: collation?.reversed,
            statistics: statistics?.reversed)
    }
}
