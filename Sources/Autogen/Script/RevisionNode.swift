/// A revision's header with its place in the graph: what revises it, what it depends on and
/// what depends on it, and whether it is a head, a base, a branch point or a merge point.
///
/// The header's fields read through: `node.id`, `node.message`, `node.downRevisions`.
@dynamicMemberLookup
public struct RevisionNode: Hashable, Sendable {
    /// What the file declares.
    public let header: RevisionHeader
    /// Revisions that list this one as a down revision, sorted by id.
    public let nextRevisions: [String]
    /// The revisions its `dependsOn` entries resolve to (labels become ids), minus its down
    /// revisions, in declared order.
    public let dependencies: [String]
    /// Revisions that depend on this one, sorted by id.
    public let dependents: [String]

    public subscript<Value>(dynamicMember keyPath: KeyPath<RevisionHeader, Value>) -> Value {
        header[keyPath: keyPath]
    }

    /// No revision revises it (dependents do not count).
    public var isHead: Bool { nextRevisions.isEmpty }
    /// It has no down revisions.
    public var isBase: Bool { header.downRevisions.isEmpty }
    /// Several revisions revise it.
    public var isBranchPoint: Bool { nextRevisions.count > 1 }
    /// It revises several revisions.
    public var isMergePoint: Bool { header.downRevisions.count > 1 }
}
