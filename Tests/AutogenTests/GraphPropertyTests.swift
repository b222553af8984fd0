import TestSupport
import Testing

@testable import Autogen

/// A random DAG: revisions with random hex ids, mostly plain, some bases, merges of 2-3 earlier
/// revisions, dependencies on earlier revisions and a few branch labels.
private func randomHeaders(_ random: inout SeededRandom, count: Int) -> [RevisionHeader] {
    var ids: [String] = []
    var headers: [RevisionHeader] = []
    for index in 0..<count {
        var id = RevisionID.generate(using: &random)
        while ids.contains(id) { id = RevisionID.generate(using: &random) }
        var down: [String] = []
        if index > 0, !random.chance(0.05) {
            let wanted = random.chance(0.12) ? random.int(2...3) : 1
            let recent = Array(ids.suffix(12))
            for _ in 0..<wanted {
                let parent = random.chance(0.7) ? random.pick(recent) : random.pick(ids)
                if !down.contains(parent) { down.append(parent) }
            }
        }
        var deps: [String] = []
        if index > 2, random.chance(0.08) {
            let dependency = random.pick(ids)
            if !down.contains(dependency) { deps.append(dependency) }
        }
        let labels = random.chance(0.05) ? ["l\(index)"] : []
        headers.append(RevisionHeader(id: id, downRevisions: down, branchLabels: labels, dependsOn: deps))
        ids.append(id)
    }
    return headers
}

/// Naive reference computations over headers, independent of the graph's own.
private struct Reference {
    let byID: [String: RevisionHeader]
    let children: [String: [String]]

    init(_ headers: [RevisionHeader]) {
        byID = Dictionary(uniqueKeysWithValues: headers.map { ($0.id, $0) })
        var children: [String: [String]] = [:]
        for header in headers { for parent in header.downRevisions { children[parent, default: []].append(header.id) } }
        self.children = children
    }

    func needs(_ id: String) -> [String] { (byID[id]?.downRevisions ?? []) + (byID[id]?.dependsOn ?? []) }

    /// The revisions and everything they need, recursively.
    func ancestry(_ ids: Set<String>) -> Set<String> {
        var result = Set<String>()
        var stack = Array(ids)
        while let id = stack.popLast() {
            guard result.insert(id).inserted else { continue }
            stack.append(contentsOf: needs(id))
        }
        return result
    }

    /// Revisions that list `id` as a down revision or dependency.
    func neededBy(_ id: String) -> [String] {
        byID.values.filter { $0.downRevisions.contains(id) || $0.dependsOn.contains(id) }.map(\.id)
    }

    /// Heads of an applied set: members no applied member lists as a down revision.
    func rows(_ applied: Set<String>) -> Set<String> {
        applied.filter { id in !(children[id] ?? []).contains { applied.contains($0) } }
    }
}

@Suite("Graph properties on seeded random DAGs")
struct GraphPropertyTests {
    @Test("upgrade base->heads, downgrade heads->base, and random partial paths")
    func randomGraphs() throws {
        var checkedSteps = 0
        for seed in UInt64(1)...40 {
            var random = SeededRandom(seed: seed)
            let size = seed <= 5 ? random.int(1...8) : random.int(20...200)
            let headers = randomHeaders(&random, count: size)
            let graph = try RevisionGraph(headers: headers)
            let reference = Reference(headers)
            let all = Set(headers.map(\.id))

            // Base to heads: every revision once, needs first, ending at exactly the heads.
            let up = try graph.upgradePath(from: [], to: "heads")
            #expect(up.count == size, "seed \(seed)")
            #expect(Set(up.map(\.revision)) == all, "seed \(seed)")
            var position: [String: Int] = [:]
            for (offset, step) in up.enumerated() { position[step.revision] = offset }
            for step in up {
                for need in reference.needs(step.revision) {
                    #expect(
                        (position[need] ?? .max) < (position[step.revision] ?? -1),
                        "seed \(seed): \(need) before \(step.revision)")
                }
            }
            let heads = try applyVersionChanges(up, to: []).get()
            #expect(heads == Set(graph.heads), "seed \(seed)")
            #expect(heads == reference.rows(all), "seed \(seed)")

            // Heads to base: the exact reverse, ending empty.
            let down = try graph.downgradePath(from: heads, to: "base")
            #expect(down.map(\.revision) == up.map(\.revision).reversed(), "seed \(seed)")
            #expect(try applyVersionChanges(down, to: heads).get() == [], "seed \(seed)")
            #expect(try graph.history().map(\.id) == down.map(\.revision), "seed \(seed)")

            // Random states: upgrade to a random target, then down to a random applied revision.
            for _ in 0..<10 {
                let target = Set((0..<random.int(1...3)).map { _ in random.pick(headers).id })
                let startRows = reference.rows(reference.ancestry(Set([random.pick(headers).id])))
                let steps = try graph.upgradePath(from: startRows, toRevisions: target)
                let before = reference.ancestry(startRows)
                let after = before.union(reference.ancestry(target))
                #expect(Set(steps.map(\.revision)) == after.subtracting(before), "seed \(seed)")
                #expect(steps.count == after.count - before.count, "seed \(seed)")
                let rows = try applyVersionChanges(steps, to: startRows).get()
                #expect(rows == reference.rows(after), "seed \(seed)")
                checkedSteps += steps.count

                let keep = random.pick(Array(after).sorted())
                let back = try graph.downgradePath(from: rows, toRevisions: [keep])
                let removed = Set(back.map(\.revision))
                #expect(removed.count == back.count, "seed \(seed)")
                // What goes: applied revisions that need one of keep's children, except what keep needs.
                let roots = Set(reference.children[keep] ?? [])
                let kept = reference.ancestry([keep])
                let expected = after.filter { id in
                    !kept.contains(id) && !reference.ancestry([id]).isDisjoint(with: roots)
                }
                #expect(removed == expected, "seed \(seed): down to \(keep)")
                var stillApplied = after
                for step in back {
                    // Nothing still applied needs the revision being rolled back.
                    stillApplied.remove(step.revision)
                    for other in reference.neededBy(step.revision) {
                        #expect(!stillApplied.contains(other), "seed \(seed): \(other) needs \(step.revision)")
                    }
                }
                let remaining = try applyVersionChanges(back, to: rows).get()
                #expect(remaining == reference.rows(after.subtracting(removed)), "seed \(seed)")
                checkedSteps += back.count
            }
        }
        #expect(checkedSteps > 1000)
    }
}
