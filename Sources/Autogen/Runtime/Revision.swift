/// One compiled revision: the declarations its file writes (read as text by the graph
/// commands) and its `upgrade` / `downgrade` bodies, which call the operations API.
///
/// The template `script.swift.mako` writes conforming types (`struct Revision_ab12: Revision`
/// with `static let` declarations and synchronous `throws` bodies, which satisfy the
/// `async throws` requirements).
public protocol Revision: Sendable {
    /// The revision id (`static let id`).
    static var id: String { get }
    /// Its parents: empty for a base, several for a merge.
    static var downRevisions: [String] { get }
    static var branchLabels: [String] { get }
    /// Revision ids or branch labels applied before this one.
    static var dependsOn: [String] { get }
    static var message: String { get }
    static var createDate: String { get }
    init()
    /// Records (and, online, runs) the ops that apply the revision.
    func upgrade(_ op: Operations) async throws
    /// Records (and, online, runs) the ops that undo the revision.
    func downgrade(_ op: Operations) async throws
}
