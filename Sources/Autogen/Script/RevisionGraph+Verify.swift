/// The walks `autogen verify` takes: every revision once, after all it needs, and the step
/// that rolls back exactly the revision just applied.
extension RevisionGraph {
    /// Every revision in an order that applies each after its down revisions and
    /// dependencies (branches one after the other, merges after their parents); with `from`,
    /// only the revisions that are not `from` or below it.
    public func verificationOrder(from start: String? = nil) throws -> [String] {
        var members = Array(repeating: true, count: headers.count)
        if let start {
            let below = ancestry(of: try resolve(start).map { id in indexByID[id] ?? 0 })
            for index in headers.indices where below[index] { members[index] = false }
        }
        return topologicalOrder(of: members).map { headers[$0].id }
    }

    /// The one downgrade step that rolls back `id`, a head of `current` (the version table's
    /// rows), and nothing else: not its down revisions, not another branch.
    public func undoStep(of id: String, current: Set<String>) throws -> RevisionStep {
        guard let index = indexByID[id] else { throw RevisionLookupError.unknown(name: id) }
        let start = try currentIndices(current)
        var applied = ancestry(of: start)
        let above = descendants(of: [index])
        guard applied[index], !headers.indices.contains(where: { $0 != index && above[$0] && applied[$0] }) else {
            throw RevisionLookupError.notApplied(target: id, current: start.map { headers[$0].id })
        }
        applied[index] = false
        return downgradeStep(of: index, applied: applied)
    }
}
