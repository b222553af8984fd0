import ArgumentParser

/// The `autogen` command line: the root command and its subcommands.
public struct AutogenCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "autogen",
        abstract: "Schema migrations for Swift: autogenerate, apply and roll back revisions.",
        discussion: """
            upgrade, downgrade, current, stamp, check and revision --autogenerate need the model \
            and the revision bodies: they run in the project's migration environment, which autogen \
            builds when a source changed (see `autogen upgrade --help`).
            """,
        version: AutogenVersion.current,
        subcommands: [
            InitCommand.self, ListTemplatesCommand.self, AutogenerateCommand.self, UpgradeCommand.self,
            DowngradeCommand.self, CurrentCommand.self, CheckCommand.self, StampCommand.self, EnsureVersionCommand.self,
            VerifyCommand.self,
            HistoryCommand.self,
            HeadsCommand.self, BranchesCommand.self, ShowCommand.self, EditCommand.self, MergeCommand.self,
            InspectCommand.self,
        ]
    )

    public init() {}
}
