import ArgumentParser

/// `autogen upgrade TARGET [--sql]`: runs the upgrade bodies up to TARGET, or prints their SQL.
struct UpgradeCommand: EnvironmentSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "upgrade", abstract: "Upgrade the database to a later revision.",
        discussion: """
            Runs in the project's migration environment (script_location in autogen.ini: Package.swift, \
            env.swift, model.swift, versions/), a small Swift program autogen builds when one of its \
            sources or the autogen binary changed ("Building migration environment...", about 2 s; a \
            minute or two the first time for an environment SwiftPM builds). Compiler errors come \
            through as file:line:col. check and revision --autogenerate read a declarative model.swift \
            without building.
            """)

    @OptionGroup var global: GlobalOptions
    var globalOptions: GlobalOptions { global }

    @Argument(help: "The target: head, heads, +2, label@head, a revision id; with --sql also start:end.")
    var target: String

    @Option(help: "A tag for env.swift's hooks and the revision bodies (AutogenEnvironment.tag), as Alembic's --tag.")
    var tag: String?

    @OptionGroup var offline: OfflineOptions

    @OptionGroup var selection: DatabaseSelection

    func run(in context: EnvironmentContext) async throws -> Int32 {
        let project = try context.project(global)
        let databases = try await context.databases(project, global: global, selection: selection)
        if offline.sql {
            let range =
                target.contains(":") ? try RevisionRange(parsing: target) : RevisionRange(lower: nil, upper: target)
            try await context.writeOffline(offline, databases, section: project.config.section, quiet: global.quiet) {
                try await context.runner(project, database: $0, quiet: global.quiet).offlineSQL(upgrade: range)
            }
            return 0
        }
        _ = try await context.forEach(databases, quiet: global.quiet) { database in
            let report = try await context.runner(project, database: database, quiet: global.quiet).upgrade(to: target)
            if !global.quiet, report.steps.isEmpty {
                context.output.err("Already at \(target); nothing to upgrade.")
            }
        }
        return 0
    }
}
