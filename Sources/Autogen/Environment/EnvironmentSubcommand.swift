import ArgumentParser

/// A command the migration environment runs: parsed by ArgumentParser, run with the
/// environment's schema and revisions. Returns the process's exit status.
protocol EnvironmentSubcommand: ParsableCommand {
    /// The global options (`-c`, `-n`, `-x`, `--quiet`) given with the command.
    var globalOptions: GlobalOptions { get }
    /// `--tag` of upgrade, downgrade and stamp (Alembic's): a name env.swift's hooks and the
    /// revision bodies read as `AutogenEnvironment.tag`.
    var tag: String? { get }
    func run(in context: EnvironmentContext) async throws -> Int32
}

extension EnvironmentSubcommand {
    var tag: String? { nil }

    /// The plain command line lists the environment commands too, so that `autogen --help` and
    /// `autogen help upgrade` show them; `main` sends them to the environment before parsing,
    /// and a command line that reaches here anyway goes there too.
    func run() throws {
        throw ExitCode(EnvironmentDispatch.run(LeadingGlobalOptions.moved(Array(CommandLine.arguments.dropFirst()))))
    }
}
