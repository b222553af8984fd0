import ArgumentParser

/// `autogen stamp REV... [--purge] [--sql]`: sets the version table without running any
/// revision, or prints the SQL that does: from base, or with `--sql START:REV` from START.
struct StampCommand: EnvironmentSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "stamp", abstract: "Set the database's revision without running any migration.",
        discussion: "With --sql, the SQL stamps from base, or from start in start:rev.")

    @OptionGroup var global: GlobalOptions
    var globalOptions: GlobalOptions { global }

    @Argument(help: "The revision(s) to stamp: head, heads, base, a revision id; with --sql also start:rev.")
    var revisions: [String]

    @Flag(help: "Empty the version table first.")
    var purge = false

    @Option(help: "A tag for env.swift's hooks and the revision bodies (AutogenEnvironment.tag), as Alembic's --tag.")
    var tag: String?

    @OptionGroup var offline: OfflineOptions

    @OptionGroup var selection: DatabaseSelection

    func run(in context: EnvironmentContext) async throws -> Int32 {
        let project = try context.project(global)
        if !offline.sql, let range = revisions.first(where: { $0.contains(":") }) {
            throw MigrationError.target(
                "stamp \(range): a start revision is for --sql only; online, the version table says where it starts")
        }
        let databases = try await context.databases(project, global: global, selection: selection)
        if offline.sql {
            try await context.writeOffline(offline, databases, section: project.config.section, quiet: global.quiet) {
                try context.runner(project, database: $0, quiet: global.quiet).offlineStampSQL(revisions, purge: purge)
            }
            return 0
        }
        _ = try await context.forEach(databases, quiet: global.quiet) { database in
            try await context.runner(project, database: database, quiet: global.quiet).stamp(revisions, purge: purge)
        }
        return 0
    }
}
