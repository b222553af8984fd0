/// A revision file that cannot be read or whose declarations are malformed.
///
/// Names the file and, for a malformed declaration, its line and column:
/// `versions/ab12_x.swift:9:35: malformed 'static let downRevisions': expected '"'`.
public struct RevisionFileError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file.
    public let path: String
    /// 1-based line, 0 when the problem is the whole file.
    public let line: Int
    /// 1-based column, 0 when unknown.
    public let column: Int
    /// What is wrong.
    public let problem: String

    public init(path: String, line: Int = 0, column: Int = 0, problem: String) {
        self.path = path
        self.line = line
        self.column = column
        self.problem = problem
    }

    public var description: String {
        var location = path
        if line > 0 { location += ":\(line)" }
        if column > 0 { location += ":\(column)" }
        return "\(location): \(problem)"
    }
}
