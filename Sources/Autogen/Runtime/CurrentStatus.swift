/// What `current` reports: the version table's rows and, verbose, the applied history and
/// the revisions whose files changed after they were applied.
public struct CurrentStatus: Sendable, Hashable {
    /// The version table's rows, sorted.
    public var heads: [String]
    /// Every history row, oldest first (empty unless verbose).
    public var history: [HistoryEntry]
    /// Applied revisions whose file's checksum differs from the one recorded when they ran.
    public var edited: [EditedRevision]

    public init(heads: [String], history: [HistoryEntry] = [], edited: [EditedRevision] = []) {
        self.heads = heads
        self.history = history
        self.edited = edited
    }
}
