/// A column: `Column("email", .text).notNull().comment("login e-mail")`.
///
/// A column is nullable unless `.notNull()` is called or it is part of the primary key.
/// Column-level constraints (`.primaryKey()`, `.unique()`, `.references(...)`, `.index()`) are
/// moved into the table's constraint lists when the table is built.
public struct Column: Sendable, Hashable, Codable {
    public var name: String
    public var type: ColumnType
    public var isNullable: Bool
    public var defaultValue: DefaultValue?
    public var identity: Identity?
    public var comment: String?
    /// The expression the database computes the column from, for a generated column.
    public var generated: Generated?
    /// The options of an identity or serial column's sequence, defaults (for the column's
    /// type) left out; nil when all are default.
    public var sequence: SequenceOptions?
    /// The column's collation when not its type's default (`"C"`, `"und-x-icu"`, SQLite's
    /// `NOCASE`).
    public var collation: String?
    /// The column's statistics target (PostgreSQL's `ALTER COLUMN ... SET STATISTICS`), how
    /// much `ANALYZE` samples it; nil for the server's default (`default_statistics_target`).
    public var statistics: Int?
    /// The column's previous name, when the model renames it: compare then emits a rename
    /// instead of a drop and an add, so no data is lost. Model intent only, never reflected.
    public var renamedFrom: String?
    /// Column-level constraints waiting to be moved into the table; nil once it is built, so
    /// that copying a column (compare copies many) costs no reference counting for them.
    var pendingInline: InlineConstraints?

    /// The pending column-level constraints (empty when there are none).
    var inline: InlineConstraints {
        get { pendingInline ?? InlineConstraints() }
        set { pendingInline = newValue.isEmpty ? nil : newValue }
    }

    private enum CodingKeys: String, CodingKey {
        case name, type, isNullable = "nullable", defaultValue = "default", identity, comment, generated, sequence,
            collation, statistics
    }

    public init(
        _ name: String, _ type: ColumnType, nullable: Bool = true, default defaultValue: DefaultValue? = nil,
        identity: Identity? = nil, comment: String? = nil
    ) {
        self.name = name
        self.type = type
        self.isNullable = nullable
        self.defaultValue = defaultValue
        self.identity = identity
        self.comment = comment
    }

    /// The options of the sequence behind an identity or serial column:
    /// `.identity(.always).sequence(start: 10_000_000)`, `.serial().sequence(type: .bigint)`.
    public func sequence(
        type: ColumnType? = nil, start: Int? = nil, increment: Int? = nil, minValue: Int? = nil, maxValue: Int? = nil,
        cache: Int? = nil, cycle: Bool = false
    ) -> Column {
        with {
            let options = SequenceOptions(
                type: type, start: start, increment: increment, minValue: minValue, maxValue: maxValue, cache: cache,
                cycle: cycle
            ).normalized(defaultType: $0.type)
            $0.sequence = options.isDefault ? nil : options
        }
    }

    /// The column's collation: `.collation("C")` (SQLite: `.collation("NOCASE")`).
    public func collation(_ name: String?) -> Column {
        with { $0.collation = name }
    }

    /// The column's statistics target: `.statistics(1000)` samples it more finely than the
    /// server's default (PostgreSQL; 0 collects none).
    public func statistics(_ target: Int?) -> Column {
        with { $0.statistics = target }
    }

    /// The column refuses NULL.
    public func notNull() -> Column {
        with {
            $0.isNullable = false; $0.inline.explicitNullable = false
        }
    }

    /// The column accepts NULL (the default, except in a primary key).
    public func nullable() -> Column {
        with {
            $0.isNullable = true; $0.inline.explicitNullable = true
        }
    }

    /// The column is the table's primary key (or part of it, with other `.primaryKey()` columns).
    public func primaryKey() -> Column { with { $0.inline.primaryKey = true } }

    /// The column's values are unique; the constraint is named by the convention unless named.
    public func unique(name: String? = nil) -> Column {
        with { $0.inline.uniques.append(Unique(name: name, columns: [$0.name])) }
    }

    /// The column has an index of its own; named by the convention unless named.
    public func index(name: String? = nil, unique: Bool = false) -> Column {
        with { $0.inline.indexes.append(Index(name: name, elements: [.column($0.name)], unique: unique)) }
    }

    /// The column's server default.
    public func `default`(_ value: DefaultValue) -> Column { with { $0.defaultValue = value } }

    /// The column generates its values (identity, serial or autoincrement).
    public func identity(_ kind: Identity = .byDefault) -> Column { with { $0.identity = kind } }

    /// The column is a PostgreSQL `serial` (a sequence it owns supplies its default).
    public func serial() -> Column { identity(.serial) }

    /// The column is SQLite's `INTEGER PRIMARY KEY AUTOINCREMENT`.
    public func autoincrement() -> Column { identity(.autoincrement) }

    /// The database computes the column from `expression` (`GENERATED ALWAYS AS (...)`);
    /// `stored: false` is SQLite's `VIRTUAL` (PostgreSQL 15 has stored ones only).
    public func generated(_ expression: String, stored: Bool = true) -> Column {
        with { $0.generated = Generated(expression, stored: stored) }
    }

    /// The column used to be called `oldName`: compare renames it rather than dropping it.
    public func renamed(from oldName: String) -> Column { with { $0.renamedFrom = oldName } }

    /// The column's comment (PostgreSQL `COMMENT ON COLUMN`).
    public func comment(_ text: String?) -> Column { with { $0.comment = text } }

    /// The column references `table(column)`.
    public func references(
        _ table: String, _ column: String, schema: String? = nil,
        onDelete: ReferentialAction = .noAction, onUpdate: ReferentialAction = .noAction,
        deferrable: Bool = false, initiallyDeferred: Bool = false, name: String? = nil
    ) -> Column {
        with {
            $0.inline.foreignKeys.append(
                ForeignKey(
                    [$0.name], references: table, [column], schema: schema, onDelete: onDelete,
                    onUpdate: onUpdate, deferrable: deferrable, initiallyDeferred: initiallyDeferred,
                    name: name))
        }
    }

    private func with(_ change: (inout Column) -> Void) -> Column {
        var copy = self
        change(&copy)
        return copy
    }
}

/// Column-level constraints as declared, before the table hoists them.
struct InlineConstraints: Sendable, Hashable {
    var primaryKey = false
    var explicitNullable: Bool?
    var uniques: [Unique] = []
    var indexes: [Index] = []
    var foreignKeys: [ForeignKey] = []

    var isEmpty: Bool {
        !primaryKey && explicitNullable == nil && uniques.isEmpty && indexes.isEmpty && foreignKeys.isEmpty
    }
}
