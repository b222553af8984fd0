/// What an online run did, and where its time went.
public struct MigrationReport: Sendable, Hashable {
    /// The revisions run, in order (empty when the database was already at the target).
    public var steps: [RevisionStep]
    /// Statements sent, including transaction control and the version and history tables.
    public var statementCount: Int
    /// Time spent inside the database driver (statements, catalog reads).
    public var sqlDuration: Duration
    /// Wall time of the whole run, lock and connection included.
    public var totalDuration: Duration

    public init(steps: [RevisionStep], statementCount: Int, sqlDuration: Duration, totalDuration: Duration) {
        self.steps = steps
        self.statementCount = statementCount
        self.sqlDuration = sqlDuration
        self.totalDuration = totalDuration
    }
}
