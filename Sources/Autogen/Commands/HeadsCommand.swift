import ArgumentParser

/// `autogen heads`: the revisions nothing builds on yet.
public struct HeadsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "heads", abstract: "Show current available heads in the script directory.")

    @OptionGroup public var global: GlobalOptions

    @Flag(name: [.customShort("v"), .long], help: "Show each head in full.")
    public var verbose = false

    @Flag(help: "Leave out a head that another head depends on (Alembic's --resolve-dependencies).")
    public var resolveDependencies = false

    public init() {}

    public func run() throws {
        emit(try output(global.loadProject()))
    }

    /// What the command prints for `project`.
    public func output(_ project: Project) throws -> String {
        let graph = project.graph
        var heads = graph.heads
        if resolveDependencies {
            // A head another head needs (through its down revisions or dependencies) is not one.
            var needed = Set<String>()
            for head in heads {
                let path = try graph.upgradePath(from: [], toRevisions: [head]).map(\.revision)
                needed.formUnion(path.filter { $0 != head })
            }
            heads.removeAll { needed.contains($0) }
        }
        let nodes = heads.compactMap { graph.node($0) }
        if verbose { return nodes.map { RevisionListing.verbose($0) }.joined(separator: "\n") }
        return nodes.map { $0.id + RevisionListing.markers($0, current: []) }.joined(separator: "\n")
    }
}
