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

    @Flag(help: "Print the SQL instead of running it (offline mode).")
    var sql = false

    func run(in context: EnvironmentContext) async throws -> Int32 {
        let project = try context.project(global)
        let range = sql ? try RevisionRange(parsing: target) : nil
        if let range, range.lower == nil { throw EnvironmentError.offlineDowngradeNeedsRange(target) }
        let databases = try await context.databases(project, global: global)
        _ = try await context.forEach(databases, quiet: global.quiet) { database in
            let runner = try context.runner(project, database: database, quiet: global.quiet)
            if let range {
                context.output.out(database.sqlHeader + (try await runner.offlineSQL(downgrade: range)))
            } else {
                let report = try await runner.downgrade(to: target)
                if !global.quiet, report.steps.isEmpty {
                    context.output.err("Already at \(target); nothing to downgrade.")
                }
            }
        }
        return 0
    }
}
