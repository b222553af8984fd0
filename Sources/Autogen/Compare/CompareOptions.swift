/// What compare looks at. Defaults compare everything, types and server defaults included.
public struct CompareOptions: Sendable {
    /// Compare column types (Alembic's `compare_type`).
    public var compareTypes = true
    /// Compare server defaults (Alembic's `compare_server_default`).
    public var compareServerDefaults = true
    /// Schemas to compare (`nil` for the default schema as `nil`, i.e. all schemas present in
    /// the inputs); a table in any other schema is left alone.
    public var schemas: Set<String?>?
    /// Glob patterns (`*`, `?`) of table names to compare; empty compares every table.
    public var includeTables: [String] = []
    /// Glob patterns of table names to leave alone (the version table is always left alone).
    public var excludeTables: [String] = []
    /// The named schemas (PostgreSQL namespaces) the database has, among those the model and
    /// `schemas` name; nil when unknown. A schema the model names and this lacks gets a
    /// `createSchema` op before anything is created in it.
    public var databaseSchemas: Set<String>?
    /// A last word on each object: return false to leave it alone (Alembic's `include_object`).
    public var includeObject: (@Sendable (ObjectRef) -> Bool)?
    /// The server's own form of model views, by qualified name (schema `nil` for the current
    /// one): what the catalog would hold for each, asked before compare by the backend (a
    /// view whose text already equals the catalog's is not asked about).
    public var serverViews: [String: ServerViewForm] = [:]
    /// The server's answers to the default comparisons text could not decide, keyed by the
    /// pair; compare treats an unanswered pair as different.
    public var serverDefaultAnswers: [DefaultQuestion: Bool] = [:]

    public init() {}

    /// Whether compare considers a schema-level object (an enum, sequence, domain, composite
    /// type or extension): its schema is one of `schemas` (unless `bySchema` is false, as for
    /// extensions, whose schema only says where their objects live), and `includeObject` keeps it.
    func includes(
        _ kind: ObjectRef.Kind, schema: String?, name: String, reflected: Bool, bySchema: Bool = true
    ) -> Bool {
        if bySchema, let schemas, !schemas.contains(schema) { return false }
        guard let filter = includeObject else { return true }
        return filter(ObjectRef(kind: kind, schema: schema, table: nil, name: name, reflected: reflected))
    }
}

/// A model view as the server would store it.
public struct ServerViewForm: Sendable, Hashable {
    /// The query as the catalog prints it (`pg_get_viewdef`), trimmed as `View` trims.
    public var definition: String
    /// Whether the model's query gives the database view's columns, names and types, no more
    /// and no fewer: `CREATE OR REPLACE VIEW` can then take it, and take it back on downgrade
    /// (PostgreSQL adds columns at the end in place but never drops one).
    public var sameColumns: Bool

    public init(definition: String, sameColumns: Bool) {
        self.definition = definition
        self.sameColumns = sameColumns
    }
}

/// Two default expressions whose equality only the server can decide.
public struct DefaultQuestion: Sendable, Hashable {
    public var model: String
    public var database: String
    /// The column's type, as the dialect spells it, for casting both sides.
    public var type: String

    public init(model: String, database: String, type: String) {
        self.model = model
        self.database = database
        self.type = type
    }
}

/// An object that compare is about to consider, for `CompareOptions.includeObject`.
public struct ObjectRef: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case table, column, index, uniqueConstraint, foreignKey, checkConstraint, primaryKey, exclusionConstraint,
            enumType,
            databaseExtension, sequence, domain, compositeType, view, function, trigger, policy
    }

    public var kind: Kind
    public var schema: String?
    /// The table it belongs to (the table itself for `.table`); nil for enum types and extensions.
    public var table: String?
    public var name: String?
    /// True when the object exists in the database, false when only in the model.
    public var reflected: Bool

    public init(kind: Kind, schema: String?, table: String?, name: String?, reflected: Bool) {
        self.kind = kind
        self.schema = schema
        self.table = table
        self.name = name
        self.reflected = reflected
    }
}

/// Matches `text` against a glob pattern with `*` (any run) and `?` (any one character).
func globMatches(_ pattern: String, _ text: String) -> Bool {
    let p = Array(pattern)
    let t = Array(text)
    var pi = 0
    var ti = 0
    var star = -1
    var mark = 0
    while ti < t.count {
        if pi < p.count, p[pi] == "?" || p[pi] == t[ti] {
            pi += 1
            ti += 1
        } else if pi < p.count, p[pi] == "*" {
            star = pi
            mark = ti
            pi += 1
        } else if star >= 0 {
            pi = star + 1
            mark += 1
            ti = mark
        } else {
            return false
        }
    }
    while pi < p.count, p[pi] == "*" { pi += 1 }
    return pi == p.count
}
