import ArgumentParser
import Foundation

/// `autogen edit REV`: opens the revision file(s) REV names in the user's editor (`$EDITOR`,
/// else `$VISUAL`) and waits for it, as Alembic's `edit` does. Nothing is built; `current`
/// reads the database's version table (autogen.ini's `url`).
public struct EditCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Edit revision script(s) using $EDITOR.",
        discussion: """
            REV is anything the graph resolves (an id or a unique prefix, head, heads, a branch \
            label, rev-1 ...) or current, the database's current revision(s); each file opens in \
            turn. The editor runs on the terminal: set EDITOR to a command that waits until the file \
            is closed, such as vim or "code --wait".
            """)

    @OptionGroup public var global: GlobalOptions

    @Argument(help: "The revision: an id or a unique prefix, head, heads, a branch label, current ...")
    public var revision: String

    public init() {}

    public func run() throws {
        try edit(
            global.loadProject(), environment: ProcessInfo.processInfo.environment,
            currentDirectory: FileManager.default.currentDirectoryPath)
    }

    /// Opens each file `revision` names in `project` in turn, with the editor `environment`
    /// names; stops at the first editor that fails.
    func edit(_ project: Project, environment: [String: String], currentDirectory: String) throws {
        let files = try paths(project)
        let editor = try Editor(environment: environment, currentDirectory: currentDirectory)
        for path in files { try editor.edit(path) }
    }

    /// The files `revision` names in `project`, in the graph's order; throws when it names none.
    public func paths(_ project: Project) throws -> [String] {
        let graph = project.graph
        let ids: [String]
        if revision == "current" {
            ids = try project.currentRevisions().sorted()
            guard !ids.isEmpty else { throw EditError.noCurrentRevisions(url: project.config.redactedURL ?? "") }
        } else {
            ids = try graph.resolve(revision)
            guard !ids.isEmpty else { throw EditError.noRevisionFiles(identifier: revision) }
        }
        return try ids.map { id in
            guard let node = graph.node(id) else { throw RevisionLookupError.unknownCurrent(id: id) }
            return node.path
        }
    }
}
