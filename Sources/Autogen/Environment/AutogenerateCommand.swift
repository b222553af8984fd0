import ArgumentParser
import Introspect

/// `autogen revision [--autogenerate] -m MSG ...`: in the environment, a revision whose bodies
/// are the differences between the model and the database, as env.swift's `compare` and
/// `rewriteOps` hooks shape them (without `--autogenerate`, the same empty revision as the
/// plain command).
struct AutogenerateCommand: EnvironmentSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "revision",
        abstract: "Create a new revision file, with --autogenerate from the model and the database.")

    @OptionGroup var plain: RevisionCommand
    var globalOptions: GlobalOptions { plain.global }

    @Flag(help: "Fill the revision with the changes that turn the database into the model.")
    var autogenerate = false

    @Flag(help: "With --autogenerate, write the revision even when nothing changed.")
    var allowEmpty = false

    @OptionGroup var hazardOptions: HazardOptions

    /// Without `--autogenerate`, on the plain command line: the plain revision, no build.
    func run() throws {
        guard !autogenerate else {
            throw ExitCode(
                EnvironmentDispatch.run(LeadingGlobalOptions.moved(Array(CommandLine.arguments.dropFirst()))))
        }
        try plain.run()
    }

    func run(in context: EnvironmentContext) async throws -> Int32 {
        let quiet = plain.global.quiet
        guard autogenerate else {
            try plain.run()
            return 0
        }
        let project = try context.project(plain.global)
        let databases = try await context.databases(project, global: plain.global)
        let heads = project.graph.heads.sorted()
        _ = try await context.forEach(databases, quiet: true) { database in
            let current = try context.runner(project, database: database, quiet: quiet).current().heads
            guard Set(current) == Set(heads) else {
                throw EnvironmentError.notAtHead(current: current, heads: heads, database: database.name)
            }
        }
        var revision = try plain.newRevision(project)
        let results = try await context.forEach(databases, quiet: true) { database in
            let rewrite = RewriteContext(
                command: .autogenerate, revisionID: revision.id, message: revision.message, model: database.schema,
                url: database.url, xArguments: project.config.xArguments, database: database.name)
            return try await context.differences(project, database: database, rewrite: rewrite)
        }
        if results.allSatisfy(\.isEmpty) && !allowEmpty {
            for diagnostic in results.flatMap(\.diagnostics) { context.output.err("\(diagnostic)") }
            let subject = databases.count == 1 ? "the model and the database" : "the models and the databases"
            if !quiet { context.output.out("No changes between \(subject); no revision written.") }
            return 0
        }
        var refused: [Hazard] = []
        for (database, result) in zip(databases, results) {
            guard let undo = result.ops.undoingOps else { throw EnvironmentError.irreversible }
            var hazards = context.hazards(of: result.ops, on: database)
            // What the online plan could not make lock-safe says so (a type change that rewrites).
            if project.config.online || project.config.onlineMinRows != nil {
                for i in hazards.indices where [.rewritesTable, .scanUnderLock].contains(hazards[i].kind) {
                    hazards[i].message += "; it has no lock-safe form, so it runs as it is"
                }
            }
            refused += hazardOptions.refusing(hazards)
            if !quiet && !result.isEmpty {
                let on = database.name.map { " in database \($0)" } ?? ""
                context.output.out("Detected \(result.ops.count) change(s)\(on):")
                context.output.out(DatabaseComparison.describe(result).joined(separator: "\n"))
                for hazard in hazards { context.output.out("  \(hazard)") }
            }
            // Each op's hazards as comments above it, the downgrade's too (sized as the upgrade's).
            let sizes = Dictionary(hazards.compactMap { h in h.table.flatMap { t in h.size.map { (t, $0) } } }) {
                a, _ in a
            }
            let dialect = DatabaseBackends.backend(for: database.url).dialect
            let upgrades = SwiftRenderer.render(result.ops, comments: Self.comments(hazards))
            let downgrades = SwiftRenderer.render(
                undo, comments: Self.comments(HazardAnalysis.hazards(of: undo, dialect: dialect, sizes: sizes)))
            if let name = database.name {
                revision.databaseBodies[name] = (upgrades, downgrades)
            } else {
                revision.upgrades = upgrades
                revision.downgrades = downgrades
            }
        }
        if !refused.isEmpty {
            context.output.err(
                "error: no revision written: \(refused.count) change(s) have hazards --fail-on names ("
                    + Set(refused.map(\.kind)).sorted().map(\.rawValue).joined(separator: ", ") + ")")
            return HazardOptions.refused
        }
        let path = try RevisionWriter(project: project).write(revision)
        if !quiet { context.output.out("Generating \(path) ... done") }
        try runHooks(project, on: path, quiet: quiet)
        return 0
    }

    /// The hazards as comment lines, by the index of the op they concern.
    static func comments(_ hazards: [Hazard]) -> [Int: [String]] {
        Dictionary(grouping: hazards, by: \.opIndex).mapValues { $0.map(\.description) }
    }
}
