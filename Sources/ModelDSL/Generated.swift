/// A generated (computed) column: `GENERATED ALWAYS AS (expression) STORED` on PostgreSQL,
/// `GENERATED ALWAYS AS (expression) STORED | VIRTUAL` on SQLite. The database computes the
/// value; it is not a default and cannot be written.
public struct Generated: Sendable, Hashable, Codable {
    /// The expression, as SQL of the column's own table.
    public var expression: String
    /// Stored on disk (PostgreSQL's only kind), or computed when read (SQLite's `VIRTUAL`).
    public var stored: Bool

    public init(_ expression: String, stored: Bool = true) {
        self.expression = expression
        self.stored = stored
    }
}
