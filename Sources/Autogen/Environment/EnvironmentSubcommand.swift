import ArgumentParser

/// A command the migration environment runs: parsed by ArgumentParser, run with the
/// environment's schema and revisions. Returns the process's exit status.
protocol EnvironmentSubcommand: ParsableCommand {
    /// The global options (`-c`, `-n`, `-x`, `--quiet`) given with the command.
    var globalOptions: GlobalOptions { get }
    func run(in context: EnvironmentContext) async throws -> Int32
}
