import ArgumentParser

/// `autogen show REV`: one revision in full.
public struct ShowCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show the revision(s) denoted by the given symbol.")

    @OptionGroup public var global: GlobalOptions

    @Argument(help: "A revision: an id or a unique prefix, head, heads, base, a branch label, rev-1 ...")
    public var revision: String

    public init() {}

    public func run() throws {
        emit(try output(global.loadProject()))
    }

    /// The long form of every revision the identifier resolves to.
    public func output(_ project: Project) throws -> String {
        let graph = project.graph
        let ids = try graph.resolve(revision)
        guard !ids.isEmpty else { return "<base>" }
        return ids.compactMap { graph.node($0) }.map { RevisionListing.verbose($0) }.joined(separator: "\n")
    }
}
