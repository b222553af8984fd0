import ArgumentParser

/// `autogen current [--verbose] [--check-heads]`: the revisions the database is at.
struct CurrentCommand: EnvironmentSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "current", abstract: "Show the revision(s) the database is at.")

    @OptionGroup var global: GlobalOptions
    var globalOptions: GlobalOptions { global }

    @OptionGroup var selection: DatabaseSelection

    @Flag(name: [.customShort("v"), .long], help: "Also show the applied history and edited revision files.")
    var verbose = false

    @Flag(help: "Fail (exit 1) when the database is not at the heads, as Alembic's current --check-heads.")
    var checkHeads = false

    func run(in context: EnvironmentContext) async throws -> Int32 {
        let project = try context.project(global)
        let databases = try await context.databases(project, global: global, selection: selection)
        let heads = project.graph.heads.sorted()
        _ = try await context.forEach(databases, quiet: true) { database in
            let current = try show(project, database: database, in: context)
            if checkHeads, Set(current) != Set(heads) {
                throw EnvironmentError.notAtHead(current: current, heads: heads, database: database.name)
            }
        }
        return 0
    }

    /// Prints `database`'s revisions; in a multi-database environment each line starts with
    /// the database's name (`main: 1a2b3c (head)`, `main: base` when it has none).
    @discardableResult
    private func show(_ project: Project, database: EnvironmentDatabase, in context: EnvironmentContext) throws
        -> [String]
    {
        let runner = try context.runner(project, database: database, quiet: global.quiet)
        let status = try runner.current(verbose: verbose)
        let prefix = database.name.map { "\($0): " } ?? ""
        if status.heads.isEmpty, !prefix.isEmpty { context.output.out(prefix + "base") }
        for id in status.heads {
            let node = project.graph.node(id)
            let head = node?.isHead == true ? " (head)" : ""
            let message = node.map { ", \($0.header.message)" } ?? ""
            context.output.out("\(prefix)\(id)\(head)\(verbose ? message : "")")
        }
        if verbose {
            if !status.history.isEmpty { context.output.out("History:") }
            for entry in status.history {
                context.output.out(
                    "  \(entry.appliedAt) \(entry.direction) \(entry.revision) (\(entry.durationMilliseconds) ms)")
            }
            for edited in status.edited {
                context.output.out("warning: revision \(edited.revision) (\(edited.path)) changed after it was applied")
            }
        }
        return status.heads
    }
}
