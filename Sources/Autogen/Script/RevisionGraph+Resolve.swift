/// Resolving the identifiers people type (`head`, `ab12`, `label@head`, `-1`, ...) to revisions.
extension RevisionGraph {
    /// What an identifier selects, with what a downgrade to it needs to know.
    struct Selection: Hashable, Sendable {
        /// The revisions, ascending; empty for base.
        var revisions: [Int]
        /// The revision whose branch a downgrade is restricted to (`label@...`, and `-N`
        /// from the current revision), nil for all branches.
        var lineage: Int?
        /// True for base on a branch (`label@base`): downgrading removes that branch's base too.
        var branchBase: Bool = false
    }

    /// The revision ids an identifier names, sorted; empty for base.
    ///
    /// Forms, as Alembic resolves them: a full id, a unique id prefix (any length; an
    /// ambiguous one lists the candidates), a branch label (that revision), `head` (the only
    /// head), `heads`, `base`; `label@head`, `label@heads`, `label@base`, `label@rev` (rev,
    /// checked to be on the branch) and `rev@head` (the head of rev's branch); steps
    /// `rev+N`, `rev-N`, `head-N`, `base+N`, `label@+N`; and `+N`, `-N`, `label@-N`
    /// relative to `current`, the revisions the database is at (its version table rows).
    /// Throws `RevisionLookupError`.
    public func resolve(_ identifier: String, current: Set<String> = []) throws -> [String] {
        let selection = try select(RevisionIdentifier(identifier), current: currentIndices(current))
        return selection.revisions.map { headers[$0].id }
    }

    /// The one revision an identifier names, or nil for base; throws when it names several
    /// (`heads` with two heads), with the same message as `head`.
    public func resolveOne(_ identifier: String, current: Set<String> = []) throws -> String? {
        let ids = try resolve(identifier, current: current)
        guard ids.count <= 1 else { throw RevisionLookupError.multipleHeads(identifier: identifier, heads: ids) }
        return ids.first
    }

    func select(_ identifier: RevisionIdentifier, current: [Int]) throws -> Selection {
        let branch = try identifier.branch.map { try lookupBranch($0, in: identifier.text) }
        let line = branch.map(lineage(of:))
        func onBranch(_ index: Int) -> Bool { line?[index] ?? true }

        guard let offset = identifier.offset else {
            switch identifier.symbol {
            case .heads:
                return Selection(revisions: headIndices.filter(onBranch), lineage: branch)
            case .head:
                let heads = headIndices.filter(onBranch)
                if heads.count > 1 {
                    throw RevisionLookupError.multipleHeads(
                        identifier: identifier.text, heads: heads.map { headers[$0].id })
                }
                return Selection(revisions: heads, lineage: branch)
            case .base, nil:
                return Selection(revisions: [], lineage: branch, branchBase: branch != nil)
            case .name(let name):
                let index = try lookupName(name)
                if let branchName = identifier.branch, !onBranch(index) {
                    throw RevisionLookupError.notOnBranch(revision: headers[index].id, branch: branchName)
                }
                return Selection(revisions: [index], lineage: branch)
            }
        }

        var start: Int?
        var restriction = branch
        switch identifier.symbol {
        case .base:
            start = nil
        case .head, .heads:
            let heads = headIndices.filter(onBranch)
            if heads.count > 1 {
                let ids = heads.map { headers[$0].id }
                if identifier.symbol == .head {
                    throw RevisionLookupError.multipleHeads(identifier: identifier.text, heads: ids)
                }
                throw RevisionLookupError.severalStarts(identifier: identifier.text, revisions: ids)
            }
            start = heads.first
        case .name(let name):
            let index = try lookupName(name)
            if let branchName = identifier.branch, !onBranch(index) {
                throw RevisionLookupError.notOnBranch(revision: headers[index].id, branch: branchName)
            }
            start = index
        case nil:
            var candidates = current.filter(onBranch)
            if offset >= 0, candidates.isEmpty, let line {
                // Nothing current on the branch itself: start from the branch's latest applied
                // revision (e.g. the branch point it leaves from), or from base.
                let applied = ancestry(of: current)
                let onLine = headers.indices.filter { applied[$0] && line[$0] }
                candidates = onLine.filter { index in !children[index].contains { applied[$0] && line[$0] } }
            }
            if candidates.count > 1 {
                throw RevisionLookupError.ambiguousCurrent(
                    identifier: identifier.text, current: candidates.map { headers[$0].id })
            }
            if offset < 0, candidates.isEmpty { throw RevisionLookupError.noCurrent(identifier: identifier.text) }
            start = candidates.first
            if offset < 0, restriction == nil { restriction = start }
        }

        var position = start
        for step in 0..<offset.magnitude {
            if offset > 0 {
                let next = (position.map { children[$0] } ?? baseIndices).filter(onBranch)
                guard let first = next.first else {
                    throw RevisionLookupError.walkedTooFar(identifier: identifier.text, steps: Int(step), up: true)
                }
                guard next.count == 1 else {
                    throw RevisionLookupError.ambiguousStepUp(
                        identifier: identifier.text, from: position.map { headers[$0].id } ?? "base",
                        candidates: next.map { headers[$0].id })
                }
                position = first
            } else {
                guard let current = position else {
                    throw RevisionLookupError.walkedTooFar(identifier: identifier.text, steps: Int(step), up: false)
                }
                guard parents[current].count <= 1 else {
                    throw RevisionLookupError.ambiguousStepDown(
                        identifier: identifier.text, from: headers[current].id,
                        candidates: parents[current].map { headers[$0].id })
                }
                position = parents[current].first
            }
        }
        return Selection(
            revisions: position.map { [$0] } ?? [], lineage: restriction,
            branchBase: position == nil && restriction != nil)
    }

    /// A branch label, or else a revision (full id or unique prefix), before `@`.
    func lookupBranch(_ name: String, in identifier: String) throws -> Int {
        if let index = indexByLabel[name] { return index }
        do {
            return try lookupName(name)
        } catch RevisionLookupError.unknown {
            throw RevisionLookupError.unknownBranch(branch: name, identifier: identifier)
        }
    }

    /// A branch label, a full id, or a prefix of exactly one id.
    func lookupName(_ name: String) throws -> Int {
        if let index = indexByLabel[name] ?? indexByID[name] { return index }
        var low = 0
        var high = headers.count
        while low < high {
            let middle = (low + high) / 2
            if headers[middle].id < name { low = middle + 1 } else { high = middle }
        }
        var matches: [Int] = []
        var index = low
        while index < headers.count, headers[index].id.hasPrefix(name) {
            matches.append(index)
            index += 1
        }
        guard let first = matches.first else { throw RevisionLookupError.unknown(name: name) }
        guard matches.count == 1 else {
            throw RevisionLookupError.ambiguousPrefix(prefix: name, candidates: matches.map { headers[$0].id })
        }
        return first
    }

    /// The database's current revisions as indices, ascending; throws for an id no file
    /// declares and for revisions of which one is an ancestor of another.
    func currentIndices(_ current: Set<String>) throws -> [Int] {
        var indices: [Int] = []
        for id in current.sorted() {
            guard let index = indexByID[id] else { throw RevisionLookupError.unknownCurrent(id: id) }
            indices.append(index)
        }
        indices.sort()
        guard indices.count > 1 else { return indices }
        let applied = ancestry(of: indices)
        let isCurrent = Set(indices)
        for index in indices where children[index].contains(where: { applied[$0] }) {
            // Find the current revision above it, to name it.
            var stack = children[index].filter { applied[$0] }
            var seen = Set<Int>()
            while let next = stack.popLast() {
                if isCurrent.contains(next) {
                    throw RevisionLookupError.overlappingCurrent(
                        ancestor: headers[index].id, descendant: headers[next].id)
                }
                if seen.insert(next).inserted {
                    stack.append(contentsOf: (children[next] + dependents[next]).filter { applied[$0] })
                }
            }
        }
        return indices
    }
}
