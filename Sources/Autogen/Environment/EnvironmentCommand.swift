import ArgumentParser

/// The command line a migration environment parses: the `autogen` commands that need the
/// model or the compiled revision bodies.
struct EnvironmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "autogen",
        abstract: "Schema migrations for Swift: the commands that run in the migration environment.",
        version: AutogenVersion.current,
        subcommands: [
            UpgradeCommand.self, DowngradeCommand.self, CurrentCommand.self, StampCommand.self, CheckCommand.self,
            AutogenerateCommand.self, EnsureVersionCommand.self, VerifyCommand.self,
        ]
    )
}
