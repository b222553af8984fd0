import ArgumentParser
import Introspect

/// `autogen check`: compares the model with the database; exits 1 when they differ (what CI
/// runs), 0 when they agree.
struct CheckCommand: EnvironmentSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check whether the database matches the model.",
        discussion: "Prints each difference and exits 1 when there are any, 0 when the database matches the model.")

    @OptionGroup var global: GlobalOptions
    var globalOptions: GlobalOptions { global }

    func run(in context: EnvironmentContext) async throws -> Int32 {
        let project = try context.project(global)
        let url = try DatabaseURL(try project.config.requireURL())
        let result = try DatabaseComparison.compare(model: context.schema, url: url, config: project.config)
        if result.isEmpty {
            if !global.quiet { context.output.out("No changes: the database matches the model.") }
            for diagnostic in result.diagnostics { context.output.err("\(diagnostic)") }
            return 0
        }
        context.output.out("The database differs from the model (\(result.ops.count) change(s)):")
        context.output.out(DatabaseComparison.describe(result).joined(separator: "\n"))
        return 1
    }
}
