/// A model that contradicts itself: each problem names the table and the column or constraint.
public struct ModelError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Every problem found, each one line: `table "account": column "email" is declared twice`.
    public var problems: [String]

    public init(problems: [String]) { self.problems = problems }

    /// The first problem, and how many more there are.
    public var description: String {
        guard let first = problems.first else { return "the model is invalid" }
        let more = problems.count - 1
        return "invalid model: " + first + (more > 0 ? " (and \(more) more problem\(more == 1 ? "" : "s"))" : "")
    }
}
