/// Draws the revision graph in the terminal, newest first, like `git log --graph`:
///
///     *   e5f6 (head) (mergepoint), merge
///     |\
///     | * d4c3, feature b
///     * | c2b1, feature a
///     |/
///     * b1a0 (branchpoint), common
///     * a9f8, first
///
/// Each revision keeps a lane while a later revision still waits for it; a merge opens a lane
/// per extra parent, and lanes waiting for the same revision join where it is drawn.
public enum RevisionGraphDrawing {
    /// The drawing of `nodes`, which must be in history order (newest first).
    public static func draw(_ nodes: [RevisionNode], current: Set<String> = []) -> String {
        var lanes: [String] = []
        var out: [String] = []
        for node in nodes {
            var column = lanes.firstIndex(of: node.id) ?? -1
            if column < 0 {
                lanes.append(node.id)
                column = lanes.count - 1
            }
            // Several later revisions branched from this one: their lanes join here, one per
            // line. Lane k is drawn at column 2k; the joining lane and every lane right of it
            // bend left (to column 2k - 1), as `git log --graph` draws three branches meeting:
            //     |/ /
            //     |/
            while let k = lanes.indices.first(where: { $0 > column && lanes[$0] == node.id }) {
                var line = [Character](repeating: " ", count: 2 * lanes.count)
                for j in lanes.indices {
                    if j < k { line[2 * j] = "|" } else { line[2 * j - 1] = "/" }
                }
                out.append(String(line))
                lanes.remove(at: k)
            }
            let glyphs = lanes.indices.map { $0 == column ? "*" : "|" }.joined(separator: " ")
            let pad = node.downRevisions.count > 1 ? "   " : " "
            out.append(glyphs + pad + RevisionListing.line(node, current: current))
            let before = lanes.count
            let parents = node.downRevisions
            if let first = parents.first {
                lanes[column] = first
            } else {
                lanes.remove(at: column)
            }
            var opened = 0
            for parent in parents.dropFirst() where !lanes.contains(parent) {
                lanes.append(parent)
                opened += 1
            }
            if opened > 0 {
                out.append(
                    Array(repeating: "|", count: before).joined(separator: " ") + String(repeating: "\\", count: opened)
                )
            }
        }
        return out.map { line in
            var trimmed = Substring(line)
            while trimmed.last == " " { trimmed.removeLast() }
            return String(trimmed)
        }.joined(separator: "\n") + (out.isEmpty ? "" : "\n")
    }
}
