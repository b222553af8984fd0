/// A view, `View("active_account", "SELECT id, email FROM account WHERE active")`, or a
/// PostgreSQL materialized view, `MaterializedView("daily_total", "SELECT ...", indexes: [...])`.
///
/// The definition is the query as the user writes it; compare decides equality on the
/// database's own normal form of it (PostgreSQL rewrites what it stores), so spacing, case
/// and qualification do not make a difference. Views are created after the tables and
/// dropped before them, views on views in dependency order; a change to a column a view
/// uses drops the view before and creates it again after, in the same revision.
public struct View: Sendable, Hashable, Codable {
    public var schema: String?
    public var name: String
    /// The query, without a trailing semicolon.
    public var definition: String
    /// The names of the view's columns when given apart (`CREATE VIEW v (a, b) AS ...`; SQLite
    /// keeps them apart, PostgreSQL folds them into the query).
    public var columns: [String]
    /// A PostgreSQL materialized view: its rows are stored, and indexes can be built on them.
    public var materialized: Bool
    /// For a materialized view: whether it is filled when created (`WITH DATA`) or left empty
    /// until `REFRESH MATERIALIZED VIEW` (`WITH NO DATA`).
    public var withData: Bool
    /// A materialized view's indexes, sorted by name.
    public var indexes: [Index]
    public var comment: String?
    /// The view's previous name, to rename it instead of dropping it and creating a new one.
    public var renamedFrom: String?

    public init(
        _ name: String, schema: String? = nil, columns: [String] = [], _ definition: String,
        comment: String? = nil
    ) {
        self.schema = schema
        self.name = name
        self.definition = View.trimmed(definition)
        self.columns = columns
        self.materialized = false
        self.withData = true
        self.indexes = []
        self.comment = comment
    }

    /// `schema.name`, or `name` in the default schema.
    public var qualifiedName: String { schema.map { "\($0).\(name)" } ?? name }

    /// The same view, known before as `oldName` (in the same schema).
    public func renamed(from oldName: String) -> View {
        var copy = self
        copy.renamedFrom = oldName
        return copy
    }

    /// The same view with a comment.
    public func comment(_ text: String?) -> View {
        var copy = self
        copy.comment = text
        return copy
    }

    /// `definition` without surrounding white space or a trailing semicolon: the catalog keeps
    /// neither in a form the user wrote.
    public static func trimmed(_ definition: String) -> String {
        var text = Substring(definition)
        while let last = text.last, last.isWhitespace || last == ";" { text.removeLast() }
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        return String(text)
    }
}

/// A PostgreSQL materialized view: `MaterializedView("daily_total", "SELECT ...", withData: false,
/// indexes: [Index("daily_total_day_idx", on: ["day"], unique: true)])`.
public func MaterializedView(
    _ name: String, schema: String? = nil, _ definition: String, withData: Bool = true, indexes: [Index] = [],
    comment: String? = nil
) -> View {
    var view = View(name, schema: schema, definition, comment: comment)
    view.materialized = true
    view.withData = withData
    view.indexes = indexes.sorted { ($0.name ?? "") < ($1.name ?? "") }
    return view
}
