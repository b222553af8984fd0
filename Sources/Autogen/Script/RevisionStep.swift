/// One revision applied or rolled back, with what it does to the version table.
public struct RevisionStep: Hashable, Sendable, CustomStringConvertible {
    /// Which body runs.
    public enum Direction: String, Hashable, Sendable {
        case upgrade
        case downgrade
    }

    /// The revision whose `upgrade` or `downgrade` runs.
    public let revision: String
    public let direction: Direction
    /// Where the step starts: its down revisions on upgrade (empty for a base), the revision
    /// on downgrade. For log lines: `Running upgrade a, b -> m`.
    public let from: [String]
    /// Where it ends: the revision on upgrade, its down revisions on downgrade.
    public let to: [String]
    /// The version table changes, in order.
    public let versionChanges: [VersionChange]

    public init(revision: String, direction: Direction, from: [String], to: [String], versionChanges: [VersionChange]) {
        self.revision = revision
        self.direction = direction
        self.from = from
        self.to = to
        self.versionChanges = versionChanges
    }

    /// `upgrade a, b -> m (delete b; update a -> m)`.
    public var description: String {
        let start = from.isEmpty ? "<base>" : from.joined(separator: ", ")
        let end = to.isEmpty ? "<base>" : to.joined(separator: ", ")
        return "\(direction.rawValue) \(start) -> \(end) (\(versionChanges.map(\.description).joined(separator: "; ")))"
    }
}
