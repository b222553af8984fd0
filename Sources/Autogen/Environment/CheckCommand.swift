import ArgumentParser
import Introspect

/// `autogen check`: compares the model with the database; exits 1 when they differ (what CI
/// runs), 0 when they agree. env.swift's `compare` and `rewriteOps` hooks apply as they do to
/// `revision --autogenerate`, so that check fails exactly when autogenerate would write ops
/// (Alembic's `check` runs `process_revision_directives` too).
struct CheckCommand: EnvironmentSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check whether the database matches the model.",
        discussion: """
            Prints each difference and exits 1 when there are any, 0 when the database matches the model. \
            With --hazards it also prints what each change can do to a production database, sized by its \
            table; --fail-on KIND exits 3 when a change has a hazard of that kind. \
            A database that is not at the heads (revisions not applied yet) is not compared: check says so \
            and exits 2, as comparing it would report what the revisions already do.
            """)

    /// The exit status of a database not at the heads.
    static let notUpToDate: Int32 = 2

    @OptionGroup var global: GlobalOptions
    var globalOptions: GlobalOptions { global }

    @OptionGroup var selection: DatabaseSelection

    @Flag(help: "Also print each change's hazards, sized by the table it touches (rows, bytes).")
    var hazards = false

    @OptionGroup var hazardOptions: HazardOptions

    func run(in context: EnvironmentContext) async throws -> Int32 {
        let project = try context.project(global)
        let databases = try await context.databases(project, global: global, selection: selection)
        // Alembic's check refuses a database behind the heads ("Target database is not up to
        // date"): its differences would be the pending revisions', not the model's.
        let heads = project.graph.heads.sorted()
        let behind = try await context.forEach(databases, quiet: true) { database -> String? in
            // A database that cannot be read says why when compared (a missing SQLite folder).
            guard let current = try? context.runner(project, database: database, quiet: true).current().heads else {
                return nil
            }
            guard Set(current) != Set(heads) else { return nil }
            return EnvironmentError.notAtHead(current: current, heads: heads, database: database.name).description
        }
        if let first = behind.compactMap({ $0 }).first {
            context.output.err("error: " + first)
            return Self.notUpToDate
        }
        let agree = try await context.forEach(databases, quiet: true) { database in
            let rewrite = RewriteContext(
                command: .check, model: database.schema, url: database.url, xArguments: project.config.xArguments,
                database: database.name)
            let result = try await context.differences(project, database: database, rewrite: rewrite)
            let agrees = report(result, database, to: context.output)
            guard hazards || !hazardOptions.failOn.isEmpty else { return (agrees, false) }
            let found = context.hazards(of: result.ops, on: database)
            if hazards { for hazard in found { context.output.out("  \(hazard)") } }
            let refused = hazardOptions.refusing(found)
            if !refused.isEmpty {
                let on = database.name.map { " in database \($0)" } ?? ""
                context.output.err(
                    "error: \(refused.count) change(s)\(on) have hazards --fail-on names: "
                        + Set(refused.map(\.kind)).sorted().map(\.rawValue).joined(separator: ", "))
            }
            return (agrees, !refused.isEmpty)
        }
        if agree.contains(where: \.1) { return HazardOptions.refused }
        return agree.allSatisfy(\.0) ? 0 : 1
    }

    /// Prints what `result` found for `database` (named in a multi-database environment);
    /// true when it matches its model.
    private func report(
        _ result: CompareResult, _ database: EnvironmentDatabase, to output: EnvironmentOutput
    ) -> Bool {
        let subject = database.name.map { "database \($0)" } ?? "the database"
        let model = database.name == nil ? "the model" : "its model"
        if result.isEmpty {
            if !global.quiet { output.out("No changes: \(subject) matches \(model).") }
            for diagnostic in result.diagnostics { output.err("\(diagnostic)") }
            return true
        }
        let capitalized = subject.prefix(1).uppercased() + subject.dropFirst()
        output.out("\(capitalized) differs from \(model) (\(result.ops.count) change(s)):")
        output.out(DatabaseComparison.describe(result).joined(separator: "\n"))
        return false
    }
}
