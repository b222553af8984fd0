import Testing

@testable import Autogen

/// Steps as one line each: `upgrade f, e -> m (delete e; update f -> m)`.
private func lines(_ steps: [RevisionStep]) -> [String] { steps.map(\.description) }

@Suite("Graph paths: upgrade and downgrade steps with their version table changes")
struct GraphPathTests {
    @Test("upgrade from base to heads: merges once after both parents, a second branch inserts a row")
    func upgradeAll() throws {
        let graph = try scenarioGraph()
        let steps = try graph.upgradePath(from: [], to: "heads")
        #expect(steps.map(\.revision) == ["a", "b", "c", "d", "f", "e", "m", "x", "y", "z"])
        #expect(
            lines(steps) == [
                "upgrade <base> -> a (insert a)",
                "upgrade a -> b (update a -> b)",
                "upgrade b -> c (update b -> c)",
                "upgrade c -> d (update c -> d)",
                "upgrade d -> f (update d -> f)",
                "upgrade c -> e (insert e)",
                "upgrade f, e -> m (delete e; update f -> m)",
                "upgrade <base> -> x (insert x)",
                "upgrade x -> y (update x -> y)",
                "upgrade y -> z (update y -> z)",
            ])
        #expect(try applyVersionChanges(steps, to: []).get() == ["m", "z"])
    }

    @Test("downgrade from heads to base reverses it; rolling back a merge leaves two heads")
    func downgradeAll() throws {
        let graph = try scenarioGraph()
        let steps = try graph.downgradePath(from: ["m", "z"], to: "base")
        #expect(
            lines(steps) == [
                "downgrade z -> y (update z -> y)",
                "downgrade y -> x (update y -> x)",
                "downgrade x -> <base> (delete x)",
                "downgrade m -> f, e (update m -> f; insert e)",
                "downgrade e -> c (delete e)",
                "downgrade f -> d (update f -> d)",
                "downgrade d -> c (update d -> c)",
                "downgrade c -> b (update c -> b)",
                "downgrade b -> a (update b -> a)",
                "downgrade a -> <base> (delete a)",
            ])
        #expect(try applyVersionChanges(steps, to: ["m", "z"]).get() == [])
    }

    @Test("downgrading to a revision rolls back what depends on the revisions above it")
    func dependencyBlocksDowngrade() throws {
        let graph = try scenarioGraph()
        let steps = try graph.downgradePath(from: ["m", "z"], to: "c")
        #expect(
            lines(steps) == [
                "downgrade m -> f, e (update m -> f; insert e)",
                "downgrade e -> c (delete e)",
                "downgrade z -> y (update z -> y)",
                "downgrade f -> d (update f -> d)",
                "downgrade d -> c (update d -> c)",
            ])
        #expect(try applyVersionChanges(steps, to: ["m", "z"]).get() == ["c", "y"])
    }

    @Test("upgrading to a dependent applies its dependency first; the dependency keeps its row")
    func dependencyFirst() throws {
        let graph = try scenarioGraph()
        let steps = try graph.upgradePath(from: [], to: "z")
        #expect(steps.map(\.revision) == ["a", "b", "c", "d", "x", "y", "z"])
        #expect(try applyVersionChanges(steps, to: []).get() == ["d", "z"])
        // From there, heads needs only the rest of the first tree.
        let rest = try graph.upgradePath(from: ["d", "z"], to: "heads")
        #expect(
            lines(rest) == [
                "upgrade c -> e (insert e)", "upgrade d -> f (update d -> f)",
                "upgrade f, e -> m (delete e; update f -> m)",
            ])
        #expect(try applyVersionChanges(rest, to: ["d", "z"]).get() == ["m", "z"])
    }

    @Test("a downgrade with a branch label or a relative step stays on that branch")
    func branchDowngrades() throws {
        let graph = try scenarioGraph()
        // d and e are both applied above the branch point c: `-1` from d only rolls back d.
        let relative = try graph.downgradePath(from: ["d", "e", "y"], to: "d@-1")
        #expect(lines(relative) == ["downgrade d -> c (delete d)"])
        #expect(try applyVersionChanges(relative, to: ["d", "e", "y"]).get() == ["e", "y"])
        // Naming c itself rolls back everything above it, on both branches.
        let absolute = try graph.downgradePath(from: ["d", "e", "y"], to: "c")
        #expect(lines(absolute) == ["downgrade e -> c (delete e)", "downgrade d -> c (update d -> c)"])
        #expect(try applyVersionChanges(absolute, to: ["d", "e", "y"]).get() == ["c", "y"])
        // label@base rolls back the label's whole tree, and nothing of the other tree.
        let otherBase = try graph.downgradePath(from: ["f", "y"], to: "other@base")
        #expect(lines(otherBase) == ["downgrade y -> x (update y -> x)", "downgrade x -> <base> (delete x)"])
        let featureBase = try graph.downgradePath(from: ["m", "y"], to: "feature@base")
        #expect(featureBase.map(\.revision) == ["m", "e", "f", "d", "c", "b", "a"])
        #expect(try applyVersionChanges(featureBase, to: ["m", "y"]).get() == ["y"])
        // `-1` from a base goes to base on that branch only.
        let fromBase = try graph.downgradePath(from: ["a", "x"], to: "x@-1")
        #expect(lines(fromBase) == ["downgrade x -> <base> (delete x)"])
    }

    @Test("relative upgrades, upgrades to an applied revision, wrong directions and unapplied targets")
    func relativeAndErrors() throws {
        let graph = try scenarioGraph()
        #expect(
            lines(try graph.upgradePath(from: ["c", "y"], to: "feature@+2")) == [
                "upgrade c -> d (update c -> d)", "upgrade d -> f (update d -> f)",
            ])
        #expect(lines(try graph.upgradePath(from: ["f", "y"], to: "other@+1")) == ["upgrade y -> z (update y -> z)"])
        #expect(try graph.upgradePath(from: ["m", "z"], to: "c") == [])
        #expect(try graph.downgradePath(from: ["c"], to: "c") == [])
        #expect(throws: RevisionLookupError.wrongDirection(identifier: "-1", command: "upgrade")) {
            try graph.upgradePath(from: ["c"], to: "-1")
        }
        #expect(throws: RevisionLookupError.wrongDirection(identifier: "+1", command: "downgrade")) {
            try graph.downgradePath(from: ["c"], to: "+1")
        }
        #expect(throws: RevisionLookupError.notApplied(target: "e", current: ["d"])) {
            try graph.downgradePath(from: ["d"], to: "e")
        }
        #expect(
            "\(RevisionLookupError.wrongDirection(identifier: "-1", command: "upgrade"))"
                == "'-1' cannot be a target of upgrade; use downgrade")
        #expect(
            "\(RevisionLookupError.notApplied(target: "e", current: ["d"]))"
                == "cannot downgrade to 'e': it is not applied (the database is at d)")
        #expect(
            "\(RevisionLookupError.notApplied(target: "e", current: []))"
                == "cannot downgrade to 'e': it is not applied (the database is at base)")
    }

    @Test("paths between explicit states")
    func explicitStates() throws {
        let graph = try scenarioGraph()
        let up = try graph.upgradePath(from: ["b"], toRevisions: ["d", "e"])
        #expect(
            lines(up) == [
                "upgrade b -> c (update b -> c)", "upgrade c -> d (update c -> d)", "upgrade c -> e (insert e)",
            ])
        #expect(try applyVersionChanges(up, to: ["b"]).get() == ["d", "e"])
        let down = try graph.downgradePath(from: ["d", "e"], toRevisions: ["b"])
        #expect(
            lines(down) == [
                "downgrade e -> c (delete e)", "downgrade d -> c (update d -> c)", "downgrade c -> b (update c -> b)",
            ])
        #expect(throws: RevisionLookupError.unknown(name: "q")) { try graph.upgradePath(from: [], toRevisions: ["q"]) }
    }

    @Test("a merge of three, and a merge whose parents hold a single row")
    func wideMerge() throws {
        let graph = try makeGraph("a", "b<a", "c<a", "d<a", "m<b,c,d", "n<m")
        let steps = try graph.upgradePath(from: [], to: "head")
        #expect(
            lines(steps) == [
                "upgrade <base> -> a (insert a)",
                "upgrade a -> b (update a -> b)",
                "upgrade a -> c (insert c)",
                "upgrade a -> d (insert d)",
                "upgrade b, c, d -> m (delete c; delete d; update b -> m)",
                "upgrade m -> n (update m -> n)",
            ])
        let back = try graph.downgradePath(from: ["n"], to: "a")
        #expect(
            lines(back) == [
                "downgrade n -> m (update n -> m)",
                "downgrade m -> b, c, d (update m -> b; insert c; insert d)",
                "downgrade d -> a (delete d)",
                "downgrade c -> a (delete c)",
                "downgrade b -> a (update b -> a)",
            ])
        #expect(try applyVersionChanges(back, to: ["n"]).get() == ["a"])
    }

    @Test("offline ranges say where the database starts")
    func offlineRanges() throws {
        let graph = try scenarioGraph()
        let up = try graph.upgradePath(range: RevisionRange(parsing: "c:m"))
        #expect(
            lines(up) == [
                "upgrade c -> d (update c -> d)", "upgrade d -> f (update d -> f)", "upgrade c -> e (insert e)",
                "upgrade f, e -> m (delete e; update f -> m)",
            ])
        #expect(
            try graph.upgradePath(range: RevisionRange(parsing: ":feature")).map(\.revision) == ["a", "b", "c", "d"])
        #expect(try graph.upgradePath(range: RevisionRange(parsing: "other@head:")).map(\.revision) == ["e", "f", "m"])
        // z needs d: an offline run from x applies the first tree too.
        #expect(
            try graph.upgradePath(range: RevisionRange(parsing: "x:+2")).map(\.revision) == [
                "a", "b", "c", "d", "y", "z",
            ])
        let down = try graph.downgradePath(range: RevisionRange(parsing: "m:c"))
        #expect(down.map(\.revision) == ["m", "e", "f", "d"])
        #expect(
            try graph.downgradePath(range: RevisionRange(parsing: "z:")).map(\.revision) == [
                "z", "y", "x", "d", "c", "b", "a",
            ])
        #expect(throws: RevisionLookupError.missingStart(range: ":c")) {
            try graph.downgradePath(range: RevisionRange(parsing: ":c"))
        }
        #expect(
            "\(RevisionLookupError.missingStart(range: ":c"))"
                == "an offline downgrade needs the revision to start from: use start:end, not ':c'")
    }

    @Test("the full scenario's paths, as a golden file")
    func golden() throws {
        let graph = try scenarioGraph()
        var text = "upgrade base -> heads\n"
        for step in try graph.upgradePath(from: [], to: "heads") { text += "  \(step)\n" }
        text += "downgrade m, z -> feature@f-1 (d)\n"
        for step in try graph.downgradePath(from: ["m", "z"], to: "feature@f-1") { text += "  \(step)\n" }
        text += "upgrade d, y -> heads\n"
        for step in try graph.upgradePath(from: ["d", "y"], to: "heads") { text += "  \(step)\n" }
        assertSnapshot(text, named: "scenario-paths", suite: "GraphPathTests")
    }
}
