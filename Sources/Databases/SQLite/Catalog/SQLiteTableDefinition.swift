import ModelDSL

/// What the stored `CREATE TABLE` text of a SQLite table says that its pragmas do not:
/// constraint names, CHECK expressions, AUTOINCREMENT, deferrability, `WITHOUT ROWID`.
///
/// Built by `SQLiteSchemaParser.parseTable(_:)`. Names are unquoted as written; SQLite
/// compares them case-insensitively, and so should whoever matches them against pragmas.
public struct SQLiteTableDefinition: Sendable, Hashable {
    /// A PRIMARY KEY or UNIQUE constraint: its name (`nil` when unnamed) and its columns.
    public struct KeyConstraint: Sendable, Hashable {
        public var name: String?
        public var columns: [String]

        public init(name: String?, columns: [String]) {
            self.name = name
            self.columns = columns
        }
    }

    /// A FOREIGN KEY constraint as written (the pragma gives the actions).
    public struct ForeignKeyConstraint: Sendable, Hashable {
        public var name: String?
        public var columns: [String]
        public var referredTable: String
        /// Empty when the clause names no columns (it then refers to the primary key).
        public var referredColumns: [String]
        public var deferrable: Bool
        public var initiallyDeferred: Bool

        public init(
            name: String?, columns: [String], referredTable: String, referredColumns: [String], deferrable: Bool,
            initiallyDeferred: Bool
        ) {
            self.name = name
            self.columns = columns
            self.referredTable = referredTable
            self.referredColumns = referredColumns
            self.deferrable = deferrable
            self.initiallyDeferred = initiallyDeferred
        }
    }

    /// The table's name, unquoted.
    public var name: String
    public var primaryKey: KeyConstraint?
    public var uniques: [KeyConstraint] = []
    public var foreignKeys: [ForeignKeyConstraint] = []
    /// CHECK constraints, each expression exactly as written between its parentheses.
    public var checks: [Check] = []
    /// Generated columns (`[GENERATED ALWAYS] AS (expr) [STORED|VIRTUAL]`), by lowercased name.
    public var generatedColumns: [String: Generated] = [:]
    /// Column collations other than BINARY, by lower-cased column name.
    public var columnCollations: [String: String] = [:]
    /// The columns declared `PRIMARY KEY AUTOINCREMENT`.
    public var autoincrementColumns: [String] = []
    /// Whether the key is declared `column INTEGER PRIMARY KEY DESC`, which SQLite (for
    /// compatibility) does not make an alias of the rowid.
    public var primaryKeyDescendingInColumn = false
    /// Whether the table is declared `WITHOUT ROWID`.
    public var withoutRowID = false

    public init(name: String) {
        self.name = name
    }
}
