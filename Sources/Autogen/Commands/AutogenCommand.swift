import ArgumentParser

/// The `autogen` command line: the root command and its subcommands.
public struct AutogenCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "autogen",
        abstract: "Schema migrations for Swift: autogenerate, apply and roll back revisions.",
        version: AutogenVersion.current,
        subcommands: [
            InspectCommand.self, HistoryCommand.self, HeadsCommand.self, BranchesCommand.self, ShowCommand.self,
            RevisionCommand.self, MergeCommand.self,
        ]
    )

    public init() {}
}
