/// What a post-write hook changed in the parts of a revision header the graph is built from.
enum HeaderChange {
    /// `id "a" is now "b"`-style text for the first of id, downRevisions, dependsOn and
    /// branchLabels that differs, or nil when the graph would read the same revision.
    static func describe(from old: RevisionHeader, to new: RevisionHeader) -> String? {
        if old.id != new.id { return "id \(quoted(old.id)) is now \(quoted(new.id))" }
        if old.downRevisions != new.downRevisions {
            return "downRevisions \(list(old.downRevisions)) is now \(list(new.downRevisions))"
        }
        if old.dependsOn != new.dependsOn {
            return "dependsOn \(list(old.dependsOn)) is now \(list(new.dependsOn))"
        }
        if old.branchLabels != new.branchLabels {
            return "branchLabels \(list(old.branchLabels)) is now \(list(new.branchLabels))"
        }
        return nil
    }

    private static func quoted(_ text: String) -> String { "\"\(text)\"" }

    private static func list(_ items: [String]) -> String { "[" + items.map(quoted).joined(separator: ", ") + "]" }
}
