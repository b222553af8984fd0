import ArgumentParser
import Introspect

/// `autogen revision [--autogenerate] -m MSG ...`: in the environment, a revision whose bodies
/// are the differences between the model and the database (without `--autogenerate`, the
/// same empty revision as the plain command).
struct AutogenerateCommand: EnvironmentSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "revision",
        abstract: "Create a new revision file, with --autogenerate from the model and the database.")

    @OptionGroup var plain: RevisionCommand
    var globalOptions: GlobalOptions { plain.global }

    @Flag(help: "Fill the revision with the changes that turn the database into the model.")
    var autogenerate = false

    @Flag(help: "With --autogenerate, write the revision even when nothing changed.")
    var allowEmpty = false

    /// Without `--autogenerate`, on the plain command line: the plain revision, no build.
    func run() throws {
        guard !autogenerate else {
            throw ExitCode(EnvironmentDispatch.run(LeadingGlobalOptions.moved(Array(CommandLine.arguments.dropFirst()))))
        }
        try plain.run()
    }

    func run(in context: EnvironmentContext) async throws -> Int32 {
        let quiet = plain.global.quiet
        guard autogenerate else {
            try plain.run()
            return 0
        }
        let (project, runner) = try context.runner(plain.global)
        let current = try runner.current().heads
        let heads = project.graph.heads.sorted()
        guard Set(current) == Set(heads) else { throw EnvironmentError.notAtHead(current: current, heads: heads) }
        let url = try DatabaseURL(try project.config.requireURL())
        let result = try DatabaseComparison.compare(model: context.schema, url: url, config: project.config)
        if result.isEmpty && !allowEmpty {
            for diagnostic in result.diagnostics { context.output.err("\(diagnostic)") }
            if !quiet { context.output.out("No changes between the model and the database; no revision written.") }
            return 0
        }
        if !quiet && !result.isEmpty {
            context.output.out("Detected \(result.ops.count) change(s):")
            context.output.out(DatabaseComparison.describe(result).joined(separator: "\n"))
        }
        guard let undo = result.ops.undoingOps else { throw EnvironmentError.irreversible }
        var revision = try plain.newRevision(project)
        revision.upgrades = SwiftRenderer.render(result.ops)
        revision.downgrades = SwiftRenderer.render(undo)
        let path = try RevisionWriter(project: project).write(revision)
        if !quiet { context.output.out("Generating \(path) ... done") }
        try runHooks(project, on: path, quiet: quiet)
        return 0
    }
}
