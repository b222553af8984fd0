import Testing

@testable import Autogen

@Suite("Graph history: ranges, newest first")
struct GraphHistoryTests {
    @Test("the whole history is the reverse of the upgrade order, with flags")
    func whole() throws {
        let graph = try scenarioGraph()
        let history = try graph.history()
        #expect(history.map(\.id) == ["z", "y", "x", "m", "e", "f", "d", "c", "b", "a"])
        let upgradeOrder = try graph.upgradePath(from: [], to: "heads").map(\.revision)
        #expect(history.map(\.id) == upgradeOrder.reversed())
        #expect(history.filter(\.isHead).map(\.id) == ["z", "m"])
        #expect(history.filter(\.isBranchPoint).map(\.id) == ["c"])
        #expect(history.filter(\.isMergePoint).map(\.id) == ["m"])
        #expect(history.filter(\.isBase).map(\.id) == ["x", "a"])
        #expect(try graph.history(range: "base:heads").map(\.id) == history.map(\.id))
        #expect(try graph.history(range: ":").map(\.id) == history.map(\.id))
    }

    @Test(
        "ranges",
        arguments: [
            ("c:m", "m,e,f,d,c"),
            ("d:", "m,f,d"),
            (":f", "f,d,c,b,a"),
            (":z", "z,y,x,d,c,b,a"),
            ("y:z", "z,y"),
            ("other@base:other@head", "z,y,x"),
            ("feature@base:feature@head", "m,e,f,d,c,b,a"),
            ("base:base", ""),
            ("f:f", "f"),
            ("e:f", "error: revision 'e' is not an ancestor of 'f'"),
            ("x:m", "error: revision 'x' is not an ancestor of 'm'"),
            ("m:", "m"),
            ("z", "error: malformed revision range 'z': use start:end, start: or :end"),
            ("a:b:c", "error: malformed revision range 'a:b:c': use start:end, start: or :end"),
            (":nope", "error: no revision or branch label 'nope'"),
        ])
    func ranges(range: String, expected: String) throws {
        let graph = try scenarioGraph()
        let result: String
        do {
            result = try graph.history(range: range).map(\.id).joined(separator: ",")
        } catch {
            result = "error: \(error)"
        }
        #expect(result == expected)
    }

    @Test("relative ranges use the current revisions")
    func relative() throws {
        let graph = try makeGraph("a", "b<a", "c<b", "d<c")
        #expect(try graph.history(range: "-2:", current: ["c"]).map(\.id) == ["d", "c", "b", "a"])
        #expect(try graph.history(range: "-1:c", current: ["c"]).map(\.id) == ["c", "b"])
        #expect(try RevisionRange(parsing: "a:") == RevisionRange(lower: "a", upper: nil))
        #expect(try RevisionRange(parsing: ":") == RevisionRange(lower: nil, upper: nil))
    }
}
