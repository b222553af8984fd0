import ModelDSL

/// One schema operation. The list is exhaustive, so reversing, rendering Swift and compiling
/// SQL are `switch`es the compiler checks. Every drop carries the full definition it removes,
/// so that every op can be reversed.
public enum MigrationOp: Sendable, Hashable {
    case createTable(Table)
    case dropTable(Table)
    case renameTable(TableRef, to: String)
    case addColumn(TableRef, Column)
    case dropColumn(TableRef, Column)
    case alterColumn(ColumnAlteration)
    case createIndex(TableRef, Index, concurrently: Bool = false)
    case dropIndex(TableRef, Index, concurrently: Bool = false)
    case addPrimaryKey(TableRef, PrimaryKey)
    case dropPrimaryKey(TableRef, PrimaryKey)
    case addUnique(TableRef, Unique)
    case dropUnique(TableRef, Unique)
    case addForeignKey(TableRef, ForeignKey)
    case dropForeignKey(TableRef, ForeignKey)
    case addCheck(TableRef, Check)
    case dropCheck(TableRef, Check)
    /// PostgreSQL `ALTER TABLE ... ADD / DROP CONSTRAINT ... EXCLUDE`.
    case addExclusion(TableRef, Exclusion)
    case dropExclusion(TableRef, Exclusion)
    /// A NOT VALID check or foreign key validated (`to: true`: `VALIDATE CONSTRAINT`, which
    /// checks the rows already there), or made NOT VALID again (dropped and added NOT VALID).
    /// `separately`: validated in a step of its own, after the transaction that added it
    /// committed (the online plan), so that the scan holds no lock that blocks writes.
    case setConstraintValidated(TableRef, TableConstraint, Change<Bool>, separately: Bool = false)
    /// A PostgreSQL schema (namespace) the model names and the database lacks.
    case createSchema(String)
    /// Drops an empty schema (the database refuses one that still holds objects).
    case dropSchema(String)
    /// `CREATE EXTENSION IF NOT EXISTS` (PostgreSQL), before what may use it.
    case createExtension(Extension)
    /// `DROP EXTENSION` without CASCADE: the database refuses while objects depend on it.
    case dropExtension(Extension)
    /// A standalone PostgreSQL sequence, before the tables whose defaults use it.
    case createSequence(DatabaseSequence)
    /// `DROP SEQUENCE` without CASCADE: the database refuses while a default uses it.
    case dropSequence(DatabaseSequence)
    /// `ALTER SEQUENCE` to new options (its current value stays).
    case alterSequence(DatabaseSequence, Change<SequenceOptions>)
    /// PostgreSQL domains: created before the tables, altered in place (default, NOT NULL,
    /// checks), dropped after without CASCADE.
    case createDomain(Domain)
    case dropDomain(Domain)
    case alterDomain(Change<Domain>)
    /// PostgreSQL composite types, likewise (attributes added, dropped and retyped in place).
    case createCompositeType(CompositeType)
    case dropCompositeType(CompositeType)
    case alterCompositeType(Change<CompositeType>)
    /// Views and materialized views: created after the tables they read, dropped before.
    case createView(View)
    /// `DROP VIEW` / `DROP MATERIALIZED VIEW` without CASCADE: the database refuses while
    /// another view uses it.
    case dropView(View)
    /// A view's query changed in a way `CREATE OR REPLACE VIEW` can take (the same columns
    /// first, PostgreSQL); compare writes a drop and a create for any other change.
    case replaceView(Change<View>)
    /// `ALTER VIEW ... RENAME TO`: the view, then its new name.
    case renameView(View, to: String)
    /// PostgreSQL functions and procedures, each op carrying the whole definition (so that a
    /// drop reverses to the function it dropped).
    case createFunction(Function)
    /// `DROP FUNCTION` / `DROP PROCEDURE` without CASCADE: the database refuses while a
    /// trigger, default or view uses it.
    case dropFunction(Function)
    /// `CREATE OR REPLACE FUNCTION` (same arguments and result; compare drops and creates for
    /// any other change), or only its comment when the definition is the same.
    case replaceFunction(Change<Function>)
    /// `ALTER FUNCTION ... RENAME TO`: the function, then its new name.
    case renameFunction(Function, to: String)
    /// Triggers, on the table (or view) each names.
    case createTrigger(Trigger)
    case dropTrigger(Trigger)
    /// A trigger that fires differently or does something else: dropped and created again
    /// (SQLite cannot alter one), or only its comment on PostgreSQL when nothing else changed.
    case replaceTrigger(Change<Trigger>)
    /// `ALTER TRIGGER ... ON table RENAME TO` (PostgreSQL; SQLite drops and creates it).
    case renameTrigger(Trigger, to: String)
    /// PostgreSQL row-level security policies, on the table each names.
    case createPolicy(Policy)
    case dropPolicy(Policy)
    /// A policy that allows something else: dropped and created again.
    case replacePolicy(Change<Policy>)
    /// `ALTER POLICY ... ON table RENAME TO`.
    case renamePolicy(Policy, to: String)
    case createEnum(EnumType)
    case dropEnum(EnumType)
    /// The enum's values change; `usedBy` lists the columns of that type (needed when values
    /// are removed or reordered, which PostgreSQL can only do by recreating the type).
    case alterEnum(EnumType, values: Change<[String]>, usedBy: [EnumColumnUse])
    case setTableComment(TableRef, Change<String?>)
    /// PostgreSQL `ALTER TABLE ... SET (...)` / `RESET (...)` of storage parameters.
    case setTableStorage(TableRef, Change<[String: String]>)
    /// PostgreSQL `ALTER TABLE ... SET UNLOGGED` / `SET LOGGED` (the table is rewritten, rows kept).
    case setTableUnlogged(TableRef, Change<Bool>)
    /// PostgreSQL `ALTER TABLE ... ENABLE / DISABLE` and `FORCE / NO FORCE ROW LEVEL SECURITY`.
    case setRowLevelSecurity(TableRef, Change<RowLevelSecurity>)
    /// Raw SQL; `reverse` is the SQL that undoes it, if any.
    case execute(sql: String, reverse: String?)
    case bulkInsert(TableRef, columns: [String], rows: [[DefaultValue?]])
    case bulkDelete(TableRef, columns: [String], rows: [[DefaultValue?]])

    /// The table the op works on, if it works on one.
    public var table: TableRef? {
        switch self {
        case .createTable(let t), .dropTable(let t): return TableRef(t)
        case .renameTable(let t, _), .addColumn(let t, _), .dropColumn(let t, _), .createIndex(let t, _, _),
            .dropIndex(let t, _, _), .addPrimaryKey(let t, _), .dropPrimaryKey(let t, _), .addUnique(let t, _),
            .dropUnique(let t, _), .addForeignKey(let t, _), .dropForeignKey(let t, _), .addCheck(let t, _),
            .dropCheck(let t, _), .setConstraintValidated(let t, _, _, _), .addExclusion(let t, _),
            .dropExclusion(let t, _), .setTableComment(let t, _), .setTableStorage(let t, _),
            .setTableUnlogged(let t, _), .setRowLevelSecurity(let t, _), .bulkInsert(let t, _, _),
            .bulkDelete(let t, _, _):
            return t
        case .alterColumn(let a): return a.table
        case .createSchema, .dropSchema, .createExtension, .dropExtension, .createSequence, .dropSequence,
            .alterSequence, .createDomain, .dropDomain, .alterDomain, .createCompositeType, .dropCompositeType,
            .alterCompositeType, .createEnum, .dropEnum, .alterEnum, .execute, .createView, .dropView, .replaceView,
            .renameView, .createFunction, .dropFunction, .replaceFunction, .renameFunction, .createTrigger,
            .dropTrigger, .replaceTrigger, .renameTrigger, .createPolicy, .dropPolicy, .replacePolicy, .renamePolicy:
            return nil
        }
    }
}

/// A column whose type is an enum, by table and column name.
public struct EnumColumnUse: Sendable, Hashable {
    public var table: TableRef
    public var column: String

    public init(table: TableRef, column: String) {
        self.table = table
        self.column = column
    }
}

/// A CHECK or a foreign key: the constraints PostgreSQL can hold NOT VALID.
public enum TableConstraint: Sendable, Hashable {
    case check(Check)
    case foreignKey(ForeignKey)

    public var name: String? {
        switch self {
        case .check(let c): return c.name
        case .foreignKey(let k): return k.name
        }
    }

    /// The same constraint, NOT VALID or not.
    public func notValid(_ notValid: Bool) -> TableConstraint {
        switch self {
        case .check(let c): return .check(c.notValid(notValid))
        case .foreignKey(let k): return .foreignKey(k.notValid(notValid))
        }
    }
}
