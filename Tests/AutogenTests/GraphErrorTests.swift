import Testing

@testable import Autogen

/// The message a set of specs is rejected with, or "accepted".
private func rejection(_ specs: [String]) -> String {
    do {
        _ = try RevisionGraph(headers: graphHeaders(specs))
        return "accepted"
    } catch {
        return "\(error)"
    }
}

@Suite("Graph errors: every rejection names the file and line")
struct GraphErrorTests {
    @Test(
        "invalid graphs",
        arguments: [
            (
                ["a", "b<a", "c<b,a2"],
                "v/c.swift:11: revision 'c' revises 'a2', which is not a revision in the script directory"
            ),
            (["a", "b<a,a"], "v/b.swift:11: revision 'b' lists down revision 'a' twice"),
            (
                ["a", "b<a ^zz"],
                "v/b.swift:13: revision 'b' depends on 'zz', which is neither a revision id nor a branch label"
            ),
            (
                ["a @x", "b<a @x"],
                "v/b.swift:12: branch label 'x' of revision 'b' is already used by revision 'a' at v/a.swift:12"
            ),
            (["a @x,x"], "v/a.swift:12: branch label 'x' is listed twice in revision 'a'"),
            (
                ["a", "b<a @a"],
                "v/b.swift:12: branch label 'a' of revision 'b' is the id of the revision at v/a.swift:10"
            ),
            (
                ["a @my-branch"],
                "v/a.swift:12: invalid branch label 'my-branch' in revision 'a': a label may not be empty or contain @ - + : / \\ or whitespace"
            ),
            (
                ["a-1"],
                "v/a-1.swift:10: invalid revision id 'a-1': it may not contain '-' (an id may not be empty or contain @ - + : / \\ or whitespace)"
            ),
            (
                ["v1.0", "v1_0"],
                "v/v1_0.swift:10: revision id 'v1_0' gives the Swift type Revision_v1_0, like revision 'v1.0' at v/v1.0.swift:10"
            ),
            (["a<a"], "v/a.swift:11: revisions form a cycle: a -> a (each revises or depends on the next)"),
            (
                ["r", "c<b,r", "b<d", "d<c", "e<d"],
                "v/b.swift:11: revisions form a cycle: b -> d -> c -> b (each revises or depends on the next)"
            ),
            (
                ["a", "b<a ^c", "c<b"],
                "v/b.swift:13: revisions form a cycle: b -> c -> b (each revises or depends on the next)"
            ),
            (["a ^a"], "v/a.swift:13: revisions form a cycle: a -> a (each revises or depends on the next)"),
        ])
    func invalid(specs: [String], message: String) {
        #expect(rejection(specs) == message)
    }

    @Test("duplicate ids name both files")
    func duplicateIDs() {
        var headers = graphHeaders(["a", "b<a"])
        headers.append(RevisionHeader(id: "a", path: "v/other/a_again.swift", lines: .init(id: 7, downRevisions: 8)))
        do {
            _ = try RevisionGraph(headers: headers)
            Issue.record("accepted a duplicate id")
        } catch {
            #expect("\(error)" == "v/other/a_again.swift:7: duplicate revision id 'a', also declared at v/a.swift:10")
        }
    }

    @Test("headers made in code are named by id when they have no file")
    func noFile() {
        do {
            _ = try RevisionGraph(headers: [RevisionHeader(id: "a", downRevisions: ["q"])])
            Issue.record("accepted a missing down revision")
        } catch {
            #expect(
                "\(error)" == "revision a: revision 'a' revises 'q', which is not a revision in the script directory")
        }
    }
}
