/// Upgrade and downgrade paths between two states of the database.
///
/// A state is the set of version table rows: the current heads. What is applied is those
/// revisions and everything they need (down revisions and dependencies, recursively).
///
/// The rows follow Alembic: one row per head of the applied revisions, where only down
/// revisions count (a dependency keeps its own row, as it is no parent). Upgrading a
/// revision whose down revision holds a row updates that row; a merge deletes all its
/// parents' rows but the first and updates that one; a revision whose parents hold no row
/// (a base, or the second branch out of a branch point) inserts one. Downgrading reverses
/// this: the revision's row is updated to its first down revision that becomes a head, the
/// other such down revisions are inserted, and a revision with none is deleted.
extension RevisionGraph {
    /// The steps that bring the database from `current` (its version table rows) to the
    /// target identifier (`head`, `heads`, `label@head`, `+1`, `ab12`, ...): every revision
    /// the target needs that is not applied, each after its down revisions and dependencies.
    public func upgradePath(from current: Set<String>, to target: String) throws -> [RevisionStep] {
        let identifier = try RevisionIdentifier(target)
        if identifier.isRelativeToCurrent, let offset = identifier.offset, offset < 0 {
            throw RevisionLookupError.wrongDirection(identifier: target, command: "upgrade")
        }
        let start = try currentIndices(current)
        let selection = try select(identifier, current: start)
        return upgradeSteps(from: start, to: selection.revisions)
    }

    /// The upgrade steps from `current` to the state where all of `target` (revision ids) is
    /// applied.
    public func upgradePath(from current: Set<String>, toRevisions target: Set<String>) throws -> [RevisionStep] {
        let start = try currentIndices(current)
        let goal = try target.sorted().map { id in
            guard let index = indexByID[id] else { throw RevisionLookupError.unknown(name: id) }
            return index
        }
        return upgradeSteps(from: start, to: goal)
    }

    /// The steps that bring the database from `current` down to the target identifier
    /// (`base`, `-1`, `ab12`, `label@base`, `label@-1`, ...).
    ///
    /// Downgrading to a revision rolls back everything applied above it on its branches
    /// (with a label or a relative step: on that branch only) and whatever depends on those,
    /// newest first; the target itself stays applied. `base` rolls back everything,
    /// `label@base` the label's whole branch.
    public func downgradePath(from current: Set<String>, to target: String) throws -> [RevisionStep] {
        let identifier = try RevisionIdentifier(target)
        if identifier.isRelativeToCurrent, let offset = identifier.offset, offset > 0 {
            throw RevisionLookupError.wrongDirection(identifier: target, command: "downgrade")
        }
        let start = try currentIndices(current)
        let selection = try select(identifier, current: start)
        return try downgradeSteps(from: start, to: selection)
    }

    /// The downgrade steps from `current` to the state where `target` (revision ids; empty
    /// for base) is what remains at the top of its branches.
    public func downgradePath(from current: Set<String>, toRevisions target: Set<String>) throws -> [RevisionStep] {
        let start = try currentIndices(current)
        let goal = try target.sorted().map { id in
            guard let index = indexByID[id] else { throw RevisionLookupError.unknown(name: id) }
            return index
        }
        return try downgradeSteps(from: start, to: Selection(revisions: goal, lineage: nil))
    }

    func upgradeSteps(from start: [Int], to goal: [Int]) -> [RevisionStep] {
        var applied = ancestry(of: start)
        var needed = ancestry(of: goal)
        for index in headers.indices where applied[index] { needed[index] = false }
        var rows = Set(start)
        var steps: [RevisionStep] = []
        for index in topologicalOrder(of: needed) {
            let held = parents[index].filter { rows.contains($0) }
            var changes: [VersionChange] = []
            if let first = held.first {
                for other in held.dropFirst() {
                    changes.append(.delete(headers[other].id))
                    rows.remove(other)
                }
                changes.append(.update(from: headers[first].id, to: headers[index].id))
                rows.remove(first)
            } else {
                changes.append(.insert(headers[index].id))
            }
            rows.insert(index)
            applied[index] = true
            steps.append(
                RevisionStep(
                    revision: headers[index].id, direction: .upgrade,
                    from: headers[index].downRevisions, to: [headers[index].id], versionChanges: changes))
        }
        return steps
    }

    func downgradeSteps(from start: [Int], to selection: Selection) throws -> [RevisionStep] {
        var applied = ancestry(of: start)
        for index in selection.revisions where !applied[index] {
            throw RevisionLookupError.notApplied(target: headers[index].id, current: start.map { headers[$0].id })
        }
        let line = selection.lineage.map(lineage(of:))
        var roots: [Int]
        if selection.revisions.isEmpty {
            roots = selection.branchBase ? baseIndices.filter { line?[$0] ?? true } : baseIndices
        } else {
            roots = selection.revisions.flatMap { children[$0] }.filter { line?[$0] ?? true }
        }
        roots = roots.filter { applied[$0] }
        var removed = descendants(of: roots)
        let kept = ancestry(of: selection.revisions)
        for index in headers.indices where !applied[index] || kept[index] { removed[index] = false }

        var steps: [RevisionStep] = []
        for index in topologicalOrder(of: removed).reversed() {
            applied[index] = false
            steps.append(downgradeStep(of: index, applied: applied))
        }
        return steps
    }

    /// The step that rolls back `index` once `applied` (without it) is what stays: its row
    /// goes to its first down revision nothing applied revises any more, the others such get
    /// rows of their own, and with none its row is deleted.
    func downgradeStep(of index: Int, applied: [Bool]) -> RevisionStep {
        let freed = parents[index].filter { parent in !children[parent].contains { applied[$0] } }
        var changes: [VersionChange] = []
        if let first = freed.first {
            changes.append(.update(from: headers[index].id, to: headers[first].id))
            for other in freed.dropFirst() { changes.append(.insert(headers[other].id)) }
        } else {
            changes.append(.delete(headers[index].id))
        }
        return RevisionStep(
            revision: headers[index].id, direction: .downgrade, from: [headers[index].id],
            to: headers[index].downRevisions, versionChanges: changes)
    }
}
