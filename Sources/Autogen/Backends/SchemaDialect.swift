import ModelDSL

/// What compare and the SQL renderer need to know about one database dialect. Each dialect
/// implements it in its own folder, so that no `if postgres` spreads through compare.
public protocol SchemaDialect: Sendable {
    /// `postgresql` or `sqlite`, as in the URL scheme.
    static var name: String { get }
    /// `"name"` as an identifier in this dialect's SQL.
    static func quoteIdentifier(_ name: String) -> String
    /// `'text'` as a string literal in this dialect's SQL.
    static func quoteLiteral(_ text: String) -> String
    /// Whether the database has enum types (`CREATE TYPE ... AS ENUM`).
    static var hasEnumTypes: Bool { get }
    /// Whether the database has extensions to create and drop (PostgreSQL's CREATE EXTENSION).
    static var hasExtensions: Bool { get }
    /// Whether the database has standalone sequences (`CREATE SEQUENCE`).
    static var hasSequences: Bool { get }
    /// Whether the database has domains and composite types.
    static var hasDomainAndCompositeTypes: Bool { get }
    /// Whether `CREATE OR REPLACE VIEW` exists (else a changed view is dropped and created).
    static var replacesViews: Bool { get }
    /// Whether tables and columns carry comments.
    static var hasComments: Bool { get }
    /// Whether `CREATE TABLE` may name a table that does not exist yet in a foreign key
    /// (SQLite): tables in a foreign-key cycle are then created, and dropped, with their keys,
    /// instead of adding (dropping) the closing keys apart.
    static var acceptsForwardForeignKeys: Bool { get }
    /// `storedForm(of:)` for a connection whose current (default) schema is `currentSchema`
    /// (nil: the dialect's usual one): a model table in that schema named explicitly is the
    /// catalog's unqualified one, and no other schema is.
    static func storedForm(of schema: Schema, currentSchema: String?) -> Schema
    /// The schema the catalog gives back for a model schema created from it (SQLite: enums as
    /// TEXT with a CHECK, no comments, ...).
    static func storedForm(of schema: Schema) -> Schema
    /// The model as the ops of a revision should spell it, given its `stored` form: the model itself where the database
    /// stores what the model says, the stored form where it cannot (SQLite's enums become TEXT
    /// with a CHECK, so a SQLite revision never depends on an enum declared elsewhere).
    static func opForm(of schema: Schema, stored: Schema) -> Schema
    /// An SQL expression in a canonical spelling, so that the model's and the catalog's
    /// spellings of one expression are equal.
    static func normalizeExpression(_ sql: String) -> String
    /// The type as the dialect's DDL spells it.
    static func typeSQL(_ type: ColumnType) -> String
    /// Whether a model type and a catalog type mean the same storage.
    static func typesMatch(model: ColumnType, database: ColumnType) -> Bool
    /// Whether a model default and a catalog default are the same; `.undecided` when only the
    /// server can tell (compare then asks it once for all such pairs).
    static func defaultsMatch(model: DefaultValue?, database: DefaultValue?, type: ColumnType) -> DefaultMatch
    /// Why the op cannot be done in place and needs a table rebuild, or `nil` when it can.
    static func rebuildReason(for op: MigrationOp) -> String?
    /// What changing a column's type does, without an error, to values the new type holds
    /// only approximately ("rounds existing values to 1 decimal place"); nil when the
    /// database keeps every value or refuses the change.
    static func typeChangeLoss(from: ColumnType, to: ColumnType) -> String?
    /// Names the database would not keep as written (PostgreSQL cuts identifiers to 63 bytes),
    /// one line each naming the object.
    static func identifierProblems(_ schema: Schema) -> [String]
    /// The views and triggers of `database` that a rebuild of `table` drops and recreates.
    static func rebuildDependents(of table: String, in database: Schema) -> [CatalogObject]
    /// What `op` can do to a production database on this dialect (`HazardAnalysis` adds the
    /// hazards of its downgrade and the tables' sizes).
    static func hazards(of op: MigrationOp) -> [HazardFinding]
    /// `ops` in the forms that keep a busy database available (`online = true`): the same
    /// end state (`model`), reached with locks that block less, for the tables `eligible`
    /// accepts. Without such forms, `ops`.
    static func onlinePlan(_ ops: [MigrationOp], model: Schema, eligible: (TableRef) -> Bool) -> [MigrationOp]
}

extension SchemaDialect {
    public static var acceptsForwardForeignKeys: Bool { false }
    public static func storedForm(of schema: Schema, currentSchema: String?) -> Schema { storedForm(of: schema) }
    public static func opForm(of schema: Schema, stored: Schema) -> Schema { schema }
    public static func typeChangeLoss(from: ColumnType, to: ColumnType) -> String? { nil }
    public static func rebuildDependents(of table: String, in database: Schema) -> [CatalogObject] { [] }
    public static func identifierProblems(_ schema: Schema) -> [String] { [] }
    public static func onlinePlan(_ ops: [MigrationOp], model: Schema, eligible: (TableRef) -> Bool) -> [MigrationOp] {
        ops
    }
}

/// The outcome of comparing two server defaults.
public enum DefaultMatch: Sendable, Hashable {
    case equal
    case different
    /// Text alone cannot decide; the two SQL expressions to evaluate on the server.
    case undecided(model: String, database: String)
}
