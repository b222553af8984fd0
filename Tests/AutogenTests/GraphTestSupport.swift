@testable import Autogen

/// Headers from compact specs: `"m<f,e @label1,label2 ^dep1,dep2"` is revision `m` revising
/// `f` and `e`, with two branch labels and two dependencies. The path is `v/<id>.swift`; the
/// declarations sit on lines 10 to 15 as the template writes them.
func graphHeaders(_ specs: [String]) -> [RevisionHeader] {
    specs.map { spec in
        var down: [String] = []
        var labels: [String] = []
        var deps: [String] = []
        let words = spec.split(separator: " ")
        var head = String(words[0])
        if let lt = head.firstIndex(of: "<") {
            down = head[head.index(after: lt)...].split(separator: ",").map(String.init)
            head = String(head[..<lt])
        }
        for word in words.dropFirst() {
            if word.hasPrefix("@") { labels = word.dropFirst().split(separator: ",").map(String.init) }
            if word.hasPrefix("^") { deps = word.dropFirst().split(separator: ",").map(String.init) }
        }
        return RevisionHeader(
            id: head, downRevisions: down, branchLabels: labels, dependsOn: deps, message: "rev \(head)",
            createDate: "2026-01-01 00:00:00.000000", path: "v/\(head).swift",
            lines: .init(id: 10, downRevisions: 11, branchLabels: 12, dependsOn: 13, message: 14, createDate: 15))
    }
}

/// A graph from compact specs (see `graphHeaders`).
func makeGraph(_ specs: String...) throws -> RevisionGraph {
    try RevisionGraph(headers: graphHeaders(specs))
}

/// The scenario most graph tests share:
///
/// ```
/// a - b - c - d(@feature) - f - m      (c is a branch point, m merges f and e)
///          \- e ------------/
/// x(@other) - y - z                    (z depends on d)
/// ```
func scenarioGraph() throws -> RevisionGraph {
    try makeGraph("a", "b<a", "c<b", "d<c @feature", "e<c", "f<d", "m<f,e", "x @other", "y<x", "z<y ^d")
}

/// Applies version table changes to a set of rows, failing on an insert of a present row or
/// a delete/update of a missing one.
func applyVersionChanges(_ steps: [RevisionStep], to start: Set<String>) -> Result<Set<String>, VersionSimulationError>
{
    var rows = start
    for step in steps {
        for change in step.versionChanges {
            switch change {
            case .insert(let id):
                guard rows.insert(id).inserted else { return .failure(.init(step: step, change: change)) }
            case .delete(let id):
                guard rows.remove(id) != nil else { return .failure(.init(step: step, change: change)) }
            case .update(let from, let to):
                guard rows.remove(from) != nil, rows.insert(to).inserted else {
                    return .failure(.init(step: step, change: change))
                }
            }
        }
    }
    return .success(rows)
}

/// A version change that does not fit the rows it is applied to.
struct VersionSimulationError: Error, CustomStringConvertible {
    let step: RevisionStep
    let change: VersionChange
    var description: String { "\(change) does not apply in step \(step)" }
}
