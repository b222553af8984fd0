import ArgumentParser

/// `autogen downgrade TARGET [--sql]`: runs the downgrade bodies down to TARGET, or prints
/// their SQL for a `start:end` range.
struct DowngradeCommand: EnvironmentSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "downgrade", abstract: "Revert the database to an earlier revision.")

    @OptionGroup var global: GlobalOptions
    var globalOptions: GlobalOptions { global }

    @Argument(help: "The target: base, -1, label@base, a revision id; with --sql a range start:end.")
    var target: String

    @Option(help: "A tag for env.swift's hooks and the revision bodies (AutogenEnvironment.tag), as Alembic's --tag.")
    var tag: String?

    @OptionGroup var offline: OfflineOptions

    @OptionGroup var selection: DatabaseSelection

    func run(in context: EnvironmentContext) async throws -> Int32 {
        let project = try context.project(global)
        let range = offline.sql ? try RevisionRange(parsing: target) : nil
        if let range, range.lower == nil { throw EnvironmentError.offlineDowngradeNeedsRange(target) }
        let databases = try await context.databases(project, global: global, selection: selection)
        if let range {
            try await context.writeOffline(offline, databases, section: project.config.section, quiet: global.quiet) {
                try await context.runner(project, database: $0, quiet: global.quiet).offlineSQL(downgrade: range)
            }
            return 0
        }
        _ = try await context.forEach(databases, quiet: global.quiet) { database in
            let report = try await context.runner(project, database: database, quiet: global.quiet).downgrade(
                to: target)
            if !global.quiet, report.steps.isEmpty {
                context.output.err("Already at \(target); nothing to downgrade.")
            }
        }
        return 0
    }
}
