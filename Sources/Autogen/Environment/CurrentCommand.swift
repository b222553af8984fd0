import ArgumentParser

/// `autogen current [--verbose]`: the revisions the database is at.
struct CurrentCommand: EnvironmentSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "current", abstract: "Show the revision(s) the database is at.")

    @OptionGroup var global: GlobalOptions
    var globalOptions: GlobalOptions { global }

    @Flag(name: [.customShort("v"), .long], help: "Also show the applied history and edited revision files.")
    var verbose = false

    func run(in context: EnvironmentContext) async throws -> Int32 {
        let (project, runner) = try context.runner(global)
        let status = try runner.current(verbose: verbose)
        for id in status.heads {
            let node = project.graph.node(id)
            let head = node?.isHead == true ? " (head)" : ""
            let message = node.map { ", \($0.header.message)" } ?? ""
            context.output.out("\(id)\(head)\(verbose ? message : "")")
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
        return 0
    }
}
