import ArgumentParser
import Foundation

/// `autogen merge -m MSG REV...`: a revision whose down revisions are the given ones, which
/// joins branches back into one head.
public struct MergeCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "merge", abstract: "Merge two or more revisions together into a new revision file.")

    @OptionGroup public var global: GlobalOptions

    @Option(name: [.customShort("m"), .long], help: "The merge revision's message.")
    public var message: String = ""

    @Argument(help: "The revisions to merge.")
    public var revisions: [String] = ["heads"]

    @Option(help: "A branch label for the merge revision (repeatable).")
    public var branchLabel: [String] = []

    @Option(help: "Use this id instead of a generated one.")
    public var revId: String?

    public init() {}

    public func run() throws {
        let project = try global.loadProject()
        let path = try write(project)
        if !global.quiet { emit("Generating \(path) ... done") }
        try runHooks(project, on: path, quiet: global.quiet)
    }

    /// Writes the merge file and returns its path.
    public func write(_ project: Project, at date: Date = Date()) throws -> String {
        var down: [String] = []
        for identifier in revisions {
            for id in try project.graph.resolve(identifier) where !down.contains(id) { down.append(id) }
        }
        guard down.count >= 2 else { throw RevisionWriteError.mergeNeedsTwo(down) }
        var revision = NewRevision(id: revId ?? RevisionID.generate(), downRevisions: down, message: message)
        revision.branchLabels = branchLabel
        return try RevisionWriter(project: project).write(revision, at: date)
    }
}
