import ArgumentParser

/// `autogen ensure-version [--sql]` (Alembic's `ensure_version`): creates the version and
/// history tables when missing and changes nothing else, or prints the SQL that does.
struct EnsureVersionCommand: EnvironmentSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "ensure-version", abstract: "Create the version table if it does not exist.",
        aliases: ["ensure_version"])

    @OptionGroup var global: GlobalOptions
    var globalOptions: GlobalOptions { global }

    @OptionGroup var offline: OfflineOptions

    @OptionGroup var selection: DatabaseSelection

    func run(in context: EnvironmentContext) async throws -> Int32 {
        let project = try context.project(global)
        let databases = try await context.databases(project, global: global, selection: selection)
        if offline.sql {
            try await context.writeOffline(offline, databases, section: project.config.section, quiet: global.quiet) {
                try context.runner(project, database: $0, quiet: global.quiet).offlineEnsureVersionSQL()
            }
            return 0
        }
        _ = try await context.forEach(databases, quiet: global.quiet) { database in
            try await context.runner(project, database: database, quiet: global.quiet).ensureVersionTable()
        }
        return 0
    }
}

extension MigrationRunner {
    /// Creates the version and history tables when missing (under the run's lock, in one
    /// transaction), as every run does before anything else.
    func ensureVersionTable() async throws(MigrationError) {
        _ = try await withLockedTransaction { _ throws(MigrationError) in }
    }

    /// `CREATE TABLE IF NOT EXISTS` of the version table, for a DBA to run.
    func offlineEnsureVersionSQL() throws(MigrationError) -> String {
        let context = MigrationContext(
            driver: nil, dialect: dialect, options: options, revisions: revisions, graph: graph)
        try context.emit(context.versionTable.createSQL, revision: nil)
        return context.output.joined(separator: "\n") + "\n"
    }
}
