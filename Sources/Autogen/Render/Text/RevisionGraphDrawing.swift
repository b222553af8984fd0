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
            // Several later revisions branched from this one: their lanes join here.
            let joining = lanes.indices.filter { $0 > column && lanes[$0] == node.id }
            if !joining.isEmpty {
                // Lane k is drawn at column 2k; a joining lane bends left, to column 2k - 1.
                var line = [Character](repeating: " ", count: 2 * lanes.count)
                for k in lanes.indices {
                    if joining.contains(k) { line[2 * k - 1] = "/" } else { line[2 * k] = "|" }
                }
                out.append(String(line))
                for k in joining.reversed() { lanes.remove(at: k) }
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
