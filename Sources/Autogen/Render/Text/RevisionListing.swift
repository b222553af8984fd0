/// The text forms of revisions that `history`, `heads`, `branches` and `show` print, in
/// Alembic's layout.
public enum RevisionListing {
    /// One line: `27c6a30d7c24 -> 3512b954651e (head), add account`; a base shows
    /// `<base> -> ...`, a merge `(a, b) -> ...`, with `(head)`, `(branchpoint)`,
    /// `(mergepoint)`, `(current)` and branch labels marked.
    public static func line(_ node: RevisionNode, current: Set<String> = []) -> String {
        let parents: String
        switch node.downRevisions.count {
        case 0: parents = "<base>"
        case 1: parents = node.downRevisions[0]
        default: parents = "(" + node.downRevisions.joined(separator: ", ") + ")"
        }
        return parents + " -> " + node.id + markers(node, current: current) + ", " + firstLine(node.message)
    }

    /// The long form (`history --verbose`, `show`):
    ///
    ///     Rev: 3512b954651e (head)
    ///     Parent: 27c6a30d7c24
    ///     Path: /app/migrations/versions/3512b954651e_add_account.swift
    ///
    ///         add account
    ///
    ///         Revision ID: 3512b954651e
    ///         Revises: 27c6a30d7c24
    ///         Create Date: 2026-11-26 19:40:00.123456
    public static func verbose(_ node: RevisionNode, current: Set<String> = []) -> String {
        var lines = ["Rev: " + node.id + markers(node, current: current)]
        switch node.downRevisions.count {
        case 0: lines.append("Parent: <base>")
        case 1: lines.append("Parent: " + node.downRevisions[0])
        default: lines.append("Merges: " + node.downRevisions.joined(separator: ", "))
        }
        if node.nextRevisions.count > 1 { lines.append("Branches into: " + node.nextRevisions.joined(separator: ", ")) }
        if !node.branchLabels.isEmpty { lines.append("Branch names: " + node.branchLabels.joined(separator: ", ")) }
        if !node.dependsOn.isEmpty { lines.append("Also depends on: " + node.dependsOn.joined(separator: ", ")) }
        lines.append("Path: " + node.path)
        lines.append("")
        lines += node.message.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
        lines.append("")
        lines.append("    Revision ID: " + node.id)
        lines.append("    Revises: " + (node.downRevisions.isEmpty ? "" : node.downRevisions.joined(separator: ", ")))
        lines.append("    Create Date: " + node.createDate)
        return lines.joined(separator: "\n") + "\n"
    }

    /// ` (label) (head) (branchpoint) (mergepoint) (current)` as they apply.
    static func markers(_ node: RevisionNode, current: Set<String>) -> String {
        var out = ""
        if !node.branchLabels.isEmpty { out += " (" + node.branchLabels.joined(separator: ", ") + ")" }
        if node.isHead { out += " (head)" }
        if node.isBranchPoint { out += " (branchpoint)" }
        if node.isMergePoint { out += " (mergepoint)" }
        if current.contains(node.id) { out += " (current)" }
        return out
    }

    private static func firstLine(_ text: String) -> String {
        String(text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }
}
