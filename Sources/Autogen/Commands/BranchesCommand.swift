import ArgumentParser

/// `autogen branches`: every branch point and the revisions that branch from it.
public struct BranchesCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "branches", abstract: "Show current branch points.")

    @OptionGroup public var global: GlobalOptions

    @Flag(name: [.customShort("v"), .long], help: "Show each branch point in full.")
    public var verbose = false

    public init() {}

    public func run() throws {
        emit(try output(global.loadProject()))
    }

    /// Each branch point's line, then one indented `-> child, message` line per child.
    public func output(_ project: Project) throws -> String {
        let graph = project.graph
        var blocks: [String] = []
        for id in graph.branchPoints {
            guard let node = graph.node(id) else { continue }
            var lines = [verbose ? RevisionListing.verbose(node) : RevisionListing.line(node)]
            let indent = String(repeating: " ", count: node.downRevisions.isEmpty ? 7 : node.downRevisions[0].count)
            for child in node.nextRevisions.compactMap({ graph.node($0) }) {
                lines.append(
                    indent + " -> " + child.id + RevisionListing.markers(child, current: []) + ", " + child.message)
            }
            blocks.append(lines.joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n")
    }
}
