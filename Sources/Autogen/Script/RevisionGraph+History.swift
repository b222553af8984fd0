/// The history listing: revisions in a range, newest first.
extension RevisionGraph {
    /// The revisions in `range` (`start:end`, either side optional; nil for all), newest
    /// first: the reverse of the order an upgrade from base applies them in, so a revision
    /// is listed before its down revisions and a branch is listed whole before the next.
    ///
    /// The range holds the end and everything it needs, from the start on: revisions that
    /// are the start or come after it through down revisions. `current` is for relative
    /// identifiers (`-2:`). Throws `RevisionLookupError`, also when the start is not an
    /// ancestor of the end.
    public func history(range: String? = nil, current: Set<String> = []) throws -> [RevisionNode] {
        let parsed = try range.map { try RevisionRange(parsing: $0) } ?? RevisionRange(lower: nil, upper: nil)
        return try history(parsed, current: current)
    }

    /// `history(range:)` for a parsed range.
    public func history(_ range: RevisionRange, current: Set<String> = []) throws -> [RevisionNode] {
        let start = try currentIndices(current)
        let upper: [Int]
        if let text = range.upper {
            upper = try select(RevisionIdentifier(text), current: start).revisions
        } else {
            upper = headIndices
        }
        var members = ancestry(of: upper)
        if let text = range.lower {
            let selection = try select(RevisionIdentifier(text), current: start)
            var lower = selection.revisions
            if lower.isEmpty, selection.branchBase, let branch = selection.lineage {
                let line = lineage(of: branch)
                lower = baseIndices.filter { line[$0] }
            }
            if !lower.isEmpty {
                for index in lower where !members[index] {
                    let end = range.upper ?? "heads"
                    throw RevisionLookupError.notAncestor(lower: headers[index].id, upper: end)
                }
                let after = versionedDescendants(of: lower)
                for index in headers.indices where !after[index] { members[index] = false }
            }
        }
        return topologicalOrder(of: members).reversed().map(node(at:))
    }
}
