import ArgumentParser
import Foundation

/// `autogen history`: the revisions, newest first, read from the revision files (no build).
/// With `--indicate-current` it also reads the database's version table and marks the
/// revisions it is at `(current)`.
public struct HistoryCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "history", abstract: "List changeset scripts in chronological order (newest first).")

    @OptionGroup public var global: GlobalOptions

    @Option(
        name: [.customShort("r"), .customLong("rev-range")], help: "A range, [start]:[end], such as base:head or ae10:."
    )
    public var range: String?

    @Flag(name: [.customShort("v"), .long], help: "Show each revision in full.")
    public var verbose = false

    @Flag(help: "Draw the revision graph with its branches and merges, marking the current revision(s).")
    public var graph = false

    @Flag(
        name: [.customShort("i"), .long],
        help: "Mark the database's current revision(s) (read from the version table at the config's url).")
    public var indicateCurrent = false

    public init() {}

    public func run() throws {
        emit(try output(global.loadProject()))
    }

    /// What the command prints for `project`.
    public func output(_ project: Project) throws -> String {
        var current: Set<String> = []
        if indicateCurrent {
            current = try project.currentRevisions()
        } else if graph, project.config.url != nil {
            // The graph marks where the database is when it can tell; a database it cannot
            // read is a warning, not a reason to draw nothing.
            do { current = try project.currentRevisions() } catch {
                if !global.quiet {
                    let line = "warning: cannot mark the current revision: \(EnvironmentError.oneLine(error))\n"
                    FileHandle.standardError.write(Data(line.utf8))
                }
            }
        }
        let nodes = try project.graph.history(range: range, current: current)
        if graph { return RevisionGraphDrawing.draw(nodes, current: current) }
        if verbose { return nodes.map { RevisionListing.verbose($0, current: current) }.joined(separator: "\n") }
        return nodes.map { RevisionListing.line($0, current: current) }.joined(separator: "\n")
    }
}
