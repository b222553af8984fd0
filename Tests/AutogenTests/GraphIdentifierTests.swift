import Testing

@testable import Autogen

/// What resolving gives: the ids joined by `,` (empty for base), or `error: <message>`.
private func outcome(_ graph: RevisionGraph, _ identifier: String, current: Set<String>) -> String {
    do {
        return try graph.resolve(identifier, current: current).joined(separator: ",")
    } catch {
        return "error: \(error)"
    }
}

@Suite("Graph identifiers: every form Alembic accepts")
struct GraphIdentifierTests {
    @Test(
        "absolute forms on the scenario graph",
        arguments: [
            ("m", "m"),
            ("feature", "d"),
            ("other", "x"),
            ("heads", "m,z"),
            ("base", ""),
            (
                "head",
                "error: 'head' is ambiguous: there are 2 heads (m, z); use 'heads', a branch label such as 'label@head', or a revision id"
            ),
            ("feature@head", "m"),
            ("feature@heads", "m"),
            ("other@head", "z"),
            ("e@head", "m"),
            ("x@head", "z"),
            ("a@head", "m"),
            ("feature@base", ""),
            ("other@base", ""),
            ("feature@f", "f"),
            ("feature@b", "b"),
            ("feature@y", "error: revision 'y' is not on branch 'feature'"),
            ("feature@e", "error: revision 'e' is not on branch 'feature'"),
            ("nope@head", "error: no branch label or revision 'nope' (in 'nope@head')"),
            ("nope", "error: no revision or branch label 'nope'"),
        ])
    func absolute(identifier: String, expected: String) throws {
        #expect(outcome(try scenarioGraph(), identifier, current: []) == expected)
    }

    @Test(
        "steps from a named revision, head or base",
        arguments: [
            ("b+1", "c"),
            ("d+2", "m"),
            ("f-2", "c"),
            ("f+0", "f"),
            ("a-1", ""),
            ("a-2", "error: 'a-2' goes below base: only 1 step possible"),
            ("m-1", "error: 'm-1' is ambiguous: revision 'm' is a merge of f, e; name the revision to go to"),
            (
                "c+1",
                "error: 'c+1' is ambiguous: revision 'c' has several next revisions (d, e); use a branch label such as 'label@c+1'"
            ),
            ("feature@c+1", "d"),
            (
                "base+1",
                "error: 'base+1' is ambiguous: base is followed by several bases (a, x); use a branch label such as 'label@base+1'"
            ),
            ("other@base+1", "x"),
            ("other@base+3", "z"),
            ("other@base+4", "error: 'other@base+4' goes past the head: only 3 steps possible"),
            ("other@head-2", "x"),
            ("other@heads-1", "y"),
            ("heads-1", "error: 'heads-1' steps from several revisions (m, z); a relative step needs exactly one"),
            (
                "head-1",
                "error: 'head-1' is ambiguous: there are 2 heads (m, z); use 'heads', a branch label such as 'label@head', or a revision id"
            ),
        ])
    func namedSteps(identifier: String, expected: String) throws {
        #expect(outcome(try scenarioGraph(), identifier, current: []) == expected)
    }

    @Test(
        "steps relative to the current revisions",
        arguments: [
            (
                "+1", [],
                "error: '+1' is ambiguous: base is followed by several bases (a, x); use a branch label such as 'label@+1'"
            ),
            ("-1", [], "error: '-1' needs a current revision, but the database has none there (it is at base)"),
            ("-1", ["f"], "d"),
            ("-3", ["f"], "b"),
            ("-1", ["a"], ""),
            ("-2", ["a"], "error: '-2' goes below base: only 1 step possible"),
            ("+1", ["a"], "b"),
            (
                "+2", ["b"],
                "error: '+2' is ambiguous: revision 'c' has several next revisions (d, e); use a branch label such as 'label@+2'"
            ),
            (
                "+1", ["m", "z"],
                "error: '+1' is ambiguous: the database is at several revisions (m, z); name a branch such as 'm@+1'"
            ),
            (
                "-1", ["m", "z"],
                "error: '-1' is ambiguous: the database is at several revisions (m, z); name a branch such as 'm@-1'"
            ),
            ("other@+1", ["f", "y"], "z"),
            ("other@-1", ["f", "y"], "x"),
            ("feature@-1", ["f", "y"], "d"),
            ("feature@+1", ["c", "y"], "d"),
            ("feature@+2", ["c", "y"], "f"),
            ("feature@+1", ["y"], "a"),
            ("other@+1", ["f"], "x"),
            (
                "other@-1", ["f"],
                "error: 'other@-1' needs a current revision, but the database has none there (it is at base)"
            ),
            (
                "m@-1", ["m", "z"],
                "error: 'm@-1' is ambiguous: revision 'm' is a merge of f, e; name the revision to go to"
            ),
            ("z@-1", ["m", "z"], "y"),
            ("-1", ["qq"], "error: the database is at revision 'qq', which is not in the script directory"),
            ("heads", ["b", "d"], "error: the current revisions overlap: 'b' is an ancestor of 'd'"),
        ] as [(String, Set<String>, String)])
    func currentSteps(identifier: String, current: Set<String>, expected: String) throws {
        #expect(outcome(try scenarioGraph(), identifier, current: current) == expected)
    }

    @Test("on a linear history, head-N, base+N and +N need no branch")
    func linear() throws {
        let graph = try makeGraph("a", "b<a", "c<b")
        #expect(outcome(graph, "head", current: []) == "c")
        #expect(outcome(graph, "head-1", current: []) == "b")
        #expect(outcome(graph, "head-3", current: []) == "")
        #expect(outcome(graph, "head-4", current: []) == "error: 'head-4' goes below base: only 3 steps possible")
        #expect(outcome(graph, "base+1", current: []) == "a")
        #expect(outcome(graph, "base+3", current: []) == "c")
        #expect(outcome(graph, "+1", current: []) == "a")
        #expect(outcome(graph, "+2", current: ["a"]) == "c")
        #expect(outcome(graph, "+3", current: ["a"]) == "error: '+3' goes past the head: only 2 steps possible")
        #expect(try graph.resolveOne("head") == "c")
        #expect(try graph.resolveOne("base") == nil)
    }

    @Test("full and partial ids; an ambiguous prefix lists every candidate")
    func prefixes() throws {
        let graph = try makeGraph("ab12cd000001", "ab34ef000002<ab12cd000001", "ff0011223344<ab34ef000002", "ab3 @ab3x")
        #expect(outcome(graph, "ab12cd000001", current: []) == "ab12cd000001")
        #expect(outcome(graph, "ab1", current: []) == "ab12cd000001")
        #expect(outcome(graph, "f", current: []) == "ff0011223344")
        #expect(
            outcome(graph, "ab", current: [])
                == "error: multiple revisions start with 'ab': ab12cd000001, ab3, ab34ef000002")
        // An exact id wins over the ids it is a prefix of.
        #expect(outcome(graph, "ab3", current: []) == "ab3")
        #expect(outcome(graph, "ab34", current: []) == "ab34ef000002")
        #expect(outcome(graph, "ab1@head", current: []) == "ff0011223344")
        #expect(outcome(graph, "ab1+2", current: []) == "ff0011223344")
        #expect(
            outcome(graph, "a@head", current: [])
                == "error: multiple revisions start with 'a': ab12cd000001, ab3, ab34ef000002")
        #expect(outcome(graph, "zz", current: []) == "error: no revision or branch label 'zz'")
        #expect(outcome(graph, "ab3x", current: []) == "ab3")
    }

    @Test("resolveOne refuses several revisions")
    func resolveOne() throws {
        let graph = try scenarioGraph()
        #expect(try graph.resolveOne("feature@head") == "m")
        #expect(throws: RevisionLookupError.multipleHeads(identifier: "heads", heads: ["m", "z"])) {
            try graph.resolveOne("heads")
        }
    }

    @Test(
        "malformed identifiers",
        arguments: [
            ("", "malformed revision identifier '': it is empty"),
            ("@head", "malformed revision identifier '@head': nothing before '@'"),
            ("feature@", "malformed revision identifier 'feature@': nothing after '@'; use for example 'feature@head'"),
            ("a@b@c", "malformed revision identifier 'a@b@c': more than one '@'"),
            ("a+x", "malformed revision identifier 'a+x': '+x' is not a step such as '+1' or '-2'"),
            ("a-", "malformed revision identifier 'a-': '-' is not a step such as '+1' or '-2'"),
            ("a:b", "malformed revision identifier 'a:b': a range 'a:b' is not accepted here"),
            ("a b", "malformed revision identifier 'a b': it contains whitespace"),
            (
                "+99999999999999999999",
                "malformed revision identifier '+99999999999999999999': '+99999999999999999999' is not a step such as '+1' or '-2'"
            ),
        ])
    func malformed(identifier: String, expected: String) throws {
        #expect(outcome(try scenarioGraph(), identifier, current: []) == "error: \(expected)")
    }
}
