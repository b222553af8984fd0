import ArgumentParser
import Foundation

/// `autogen revision -m MSG`: a new, empty revision file on top of the head.
public struct RevisionCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "revision", abstract: "Create a new revision file.")

    @OptionGroup public var global: GlobalOptions

    @Option(name: [.customShort("m"), .long], help: "The revision's message.")
    public var message: String = ""

    @Option(help: "The revision to build on (default: head); a branch label's head with label@head.")
    public var head: String = "head"

    @Flag(help: "Allow a --head that is not a head, which starts a new branch.")
    public var splice = false

    @Option(help: "A branch label for the new revision (repeatable).")
    public var branchLabel: [String] = []

    @Option(help: "A revision or label the new revision depends on (repeatable).")
    public var dependsOn: [String] = []

    @Option(help: "Use this id instead of a generated one.")
    public var revId: String?

    @Option(help: "The version location to put the file in.")
    public var versionPath: String?

    public init() {}

    public func run() throws {
        let project = try global.loadProject()
        let path = try write(project)
        if !global.quiet { emit("Generating \(path) ... done") }
        try runHooks(project, on: path, quiet: global.quiet)
    }

    /// Writes the file and returns its path.
    public func write(_ project: Project, at date: Date = Date()) throws -> String {
        try RevisionWriter(project: project).write(try newRevision(project), at: date)
    }

    /// The revision these flags describe, on top of the project's graph, with empty bodies.
    public func newRevision(_ project: Project) throws -> NewRevision {
        let graph = project.graph
        var down: [String] = []
        if head == "base" {
            down = []
        } else if !graph.revisions.isEmpty {
            let resolved = try graph.resolve(head)
            if resolved.count > 1 { throw RevisionWriteError.multipleHeads(resolved) }
            if let base = resolved.first {
                if !splice, graph.node(base)?.isHead == false { throw RevisionWriteError.notAHead(base) }
                down = [base]
            }
        }
        var revision = NewRevision(id: revId ?? RevisionID.generate(), downRevisions: down, message: message)
        revision.branchLabels = branchLabel
        revision.dependsOn = try dependsOn.flatMap { try graph.resolve($0) }
        revision.versionPath = versionPath
        return revision
    }
}

/// Runs the project's post-write hooks on a new file and says which ran, whether each changed
/// the file, and what each printed (a linter's warnings), unless quiet.
func runHooks(_ project: Project, on path: String, quiet: Bool) throws {
    let runs = try project.config.postWriteHooks.run(on: path)
    if !quiet {
        for run in runs {
            emit("Running post-write hook \"\(run.name)\" ... done\(run.changedFile ? " (it changed the file)" : "")")
            emit(run.standardOutput)
            if !run.standardError.isEmpty {
                let text = run.standardError.hasSuffix("\n") ? run.standardError : run.standardError + "\n"
                FileHandle.standardError.write(Data(text.utf8))
            }
        }
    }
}
