/// Walks over the graph's edges: closures, lineages, cycle detection and the topological order
/// every listing uses.
extension RevisionGraph {
    /// The revision itself and everything it needs: its down revisions and dependencies,
    /// recursively. `members[i]` is true for the revisions in the set.
    func ancestry(of roots: [Int]) -> [Bool] {
        reach(from: roots) { [parents[$0], dependencies[$0]] }
    }

    /// The revisions themselves and everything that needs them (children and dependents,
    /// recursively).
    func descendants(of roots: [Int]) -> [Bool] {
        reach(from: roots) { [children[$0], dependents[$0]] }
    }

    /// The revisions and what revises them, recursively (down revisions only).
    func versionedDescendants(of roots: [Int]) -> [Bool] {
        reach(from: roots) { [children[$0]] }
    }

    /// Every revision reachable from `roots` along the edge lists `edges` gives for each.
    private func reach(from roots: [Int], along edges: (Int) -> [[Int]]) -> [Bool] {
        var members = Array(repeating: false, count: headers.count)
        var stack = roots
        while let index = stack.popLast() {
            if members[index] { continue }
            members[index] = true
            for list in edges(index) { stack.append(contentsOf: list) }
        }
        return members
    }

    /// The branch a revision is on: itself, what it revises and what revises it, recursively,
    /// through down revisions only (Alembic's "shares lineage").
    func lineage(of revision: Int) -> [Bool] {
        var members = Array(repeating: false, count: headers.count)
        var stack = [revision]
        while let index = stack.popLast() {
            if members[index] { continue }
            members[index] = true
            stack.append(contentsOf: parents[index])
        }
        stack = children[revision]
        while let index = stack.popLast() {
            if members[index] { continue }
            members[index] = true
            stack.append(contentsOf: children[index])
        }
        return members
    }

    /// The members in an order where every revision comes after its down revisions and
    /// dependencies that are members too.
    ///
    /// Ties are broken by id, preferring to continue the branch just taken: the ready
    /// revisions form a stack, the revisions a step makes ready are pushed smallest id on top.
    /// So a branch is listed whole before the next one starts, and the order is the same on
    /// every run.
    func topologicalOrder(of members: [Bool]) -> [Int] {
        var waiting = Array(repeating: 0, count: headers.count)
        var ready: [Int] = []
        var total = 0
        for index in headers.indices where members[index] {
            total += 1
            var count = 0
            for parent in parents[index] where members[parent] { count += 1 }
            for dependency in dependencies[index] where members[dependency] { count += 1 }
            waiting[index] = count
            if count == 0 { ready.append(index) }
        }
        ready.reverse()
        var order: [Int] = []
        order.reserveCapacity(total)
        var released: [Int] = []
        while let index = ready.popLast() {
            order.append(index)
            released.removeAll(keepingCapacity: true)
            for next in children[index] where members[next] {
                waiting[next] -= 1
                if waiting[next] == 0 { released.append(next) }
            }
            for next in dependents[index] where members[next] {
                waiting[next] -= 1
                if waiting[next] == 0 { released.append(next) }
            }
            if released.count > 1 { released.sort(by: >) }
            ready.append(contentsOf: released)
        }
        return order
    }

    /// A cycle through down revisions and dependencies, as indices starting and ending with the
    /// smallest id on it; nil when the graph is acyclic.
    func findCycle() -> [Int]? {
        var waiting = headers.indices.map { parents[$0].count + dependencies[$0].count }
        var ready = headers.indices.filter { waiting[$0] == 0 }
        var done = Array(repeating: false, count: headers.count)
        while let index = ready.popLast() {
            done[index] = true
            for next in children[index] {
                waiting[next] -= 1
                if waiting[next] == 0 { ready.append(next) }
            }
            for next in dependents[index] {
                waiting[next] -= 1
                if waiting[next] == 0 { ready.append(next) }
            }
        }
        guard let start = headers.indices.first(where: { !done[$0] }) else { return nil }
        // Every revision left waits for another one left: follow those edges until one repeats.
        var path: [Int] = []
        var seenAt: [Int: Int] = [:]
        var current = start
        while seenAt[current] == nil {
            seenAt[current] = path.count
            path.append(current)
            let next = (parents[current] + dependencies[current]).first { !done[$0] }
            guard let next else { return nil }
            current = next
        }
        var cycle = Array(path[(seenAt[current] ?? 0)...])
        if let smallest = cycle.indices.min(by: { cycle[$0] < cycle[$1] }) {
            cycle = Array(cycle[smallest...] + cycle[..<smallest])
        }
        return cycle + [cycle[0]]
    }
}
