/// A place in a template's source: a 1-based line and column.
///
/// Columns count Unicode scalars, so a tab or an `é` is one column.
public struct TemplatePosition: Sendable, Hashable, CustomStringConvertible {
    /// The line, starting at 1.
    public var line: Int
    /// The column, starting at 1.
    public var column: Int

    /// Creates a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }
}
