import Testing

@testable import Autogen

@Suite("Graph: structure of linear, branched, merged and multi-base histories")
struct GraphTests {
    @Test("linear history")
    func linear() throws {
        let graph = try makeGraph("c<b", "a", "b<a")
        #expect(graph.count == 3)
        #expect(graph.heads == ["c"])
        #expect(graph.bases == ["a"])
        #expect(graph.branchPoints == [])
        #expect(graph.mergePoints == [])
        #expect(graph.revisions.map(\.id) == ["a", "b", "c"])
        let b = try #require(graph.node("b"))
        #expect(b.nextRevisions == ["c"])
        #expect(!b.isHead && !b.isBase && !b.isBranchPoint && !b.isMergePoint)
        #expect(b.message == "rev b")
        #expect(b.downRevisions == ["a"])
    }

    @Test("branches, merges, several bases, labels and dependencies")
    func scenario() throws {
        let graph = try scenarioGraph()
        #expect(graph.heads == ["m", "z"])
        #expect(graph.bases == ["a", "x"])
        #expect(graph.branchPoints == ["c"])
        #expect(graph.mergePoints == ["m"])
        #expect(graph.branchLabels.map(\.label) == ["feature", "other"])
        #expect(graph.branchLabels.map(\.id) == ["d", "x"])
        let c = try #require(graph.node("c"))
        #expect(c.isBranchPoint && c.nextRevisions == ["d", "e"])
        let m = try #require(graph.node("m"))
        #expect(m.isMergePoint && m.isHead && m.downRevisions == ["f", "e"])
        // A dependency is no parent: d keeps a single child, z stays a plain revision and a head.
        let d = try #require(graph.node("d"))
        #expect(d.nextRevisions == ["f"] && d.dependents == ["z"] && !d.isBranchPoint)
        let z = try #require(graph.node("z"))
        #expect(z.dependencies == ["d"] && z.isHead && !z.isMergePoint)
    }

    @Test("a dependency named by branch label resolves to the labelled revision")
    func dependencyByLabel() throws {
        let graph = try makeGraph("a @core", "b<a", "x", "y<x ^core")
        #expect(graph.node("y")?.dependencies == ["a"])
        #expect(graph.node("a")?.dependents == ["y"])
        #expect(graph.heads == ["b", "y"])
    }

    @Test("a dependency that is also a down revision is not counted twice")
    func redundantDependency() throws {
        let graph = try makeGraph("a", "b<a ^a")
        #expect(graph.node("b")?.dependencies == [])
        #expect(graph.node("a")?.dependents == [])
    }

    @Test("an empty directory is an empty graph")
    func empty() throws {
        let graph = try RevisionGraph(headers: [])
        #expect(graph.heads == [] && graph.bases == [])
        #expect(try graph.resolve("head") == [])
        #expect(try graph.resolve("heads") == [])
        #expect(try graph.upgradePath(from: [], to: "heads") == [])
        #expect(try graph.history().isEmpty)
    }
}
