import ArgumentParser
import Foundation
import Introspect

/// `autogen verify [--url URL] [--from REV]`: proves on a scratch database that every
/// revision's downgrade undoes its upgrade and that the heads give the model.
struct VerifyCommand: EnvironmentSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Prove on a scratch database that every downgrade undoes its upgrade.",
        discussion: """
            Makes a scratch database (a new database on the configured PostgreSQL server, or a temporary \
            SQLite file), applies every revision from base in order (branches one after the other, merges \
            after their parents), and after each upgrade runs its downgrade, compares the catalog with the \
            one before the upgrade, and upgrades again. At the heads it compares the database with the \
            model as check does. It stops at the first revision whose upgrade or downgrade fails, or whose \
            downgrade leaves the schema changed (the changes named as check names them), and exits 1. \
            The scratch database is removed afterwards, also when verify is killed. It proves the schema \
            comes back, not the rows: a downgrade that re-adds a dropped column restores the column, not \
            its data.
            """)

    @OptionGroup var global: GlobalOptions
    var globalOptions: GlobalOptions { global }

    @OptionGroup var selection: DatabaseSelection

    @Option(help: "An empty database to verify on, kept afterwards (default: a scratch database, removed afterwards).")
    var url: String?

    @Option(help: "Upgrade to this revision without verifying it, then verify the revisions after it.")
    var from: String?

    func run(in context: EnvironmentContext) async throws -> Int32 {
        let project = try context.project(global)
        let databases = try await context.databases(project, global: global, selection: selection)
        if url != nil, databases.count > 1 {
            throw VerifyError.urlForOneDatabase(databases.compactMap(\.name))
        }
        let results = try await context.forEach(databases, quiet: global.quiet) { database in
            try await verify(database, project: project, context: context)
        }
        return results.allSatisfy { $0 } ? 0 : 1
    }

    /// Verifies one database on its scratch database; prints the outcome; false on a failure.
    private func verify(_ database: EnvironmentDatabase, project: Project, context: EnvironmentContext)
        async throws -> Bool
    {
        let scratch: ScratchDatabase?
        let target: DatabaseURL
        if let url {
            target = try DatabaseURL(url)
            let found = try DatabaseBackends.backend(for: target).readSchema(target, for: database.schema)
            if let table = found.tables.first {
                throw VerifyError.notEmpty(url: target.description, table: table.name)
            }
            scratch = nil
        } else {
            scratch = try ScratchDatabase(beside: database.url, watchdog: context.watchdog)
            target = scratch!.url
        }
        defer { try? scratch?.remove() }
        if !global.quiet {
            context.output.err(
                "Verifying on \(target)\(scratch == nil ? "" : " (a scratch database, removed afterwards)")")
        }
        let verification = Verification(
            context: context, project: project,
            database: EnvironmentDatabase(
                name: database.name, schema: database.schema, url: target, versionTable: database.versionTable),
            quiet: global.quiet)
        do {
            let outcome = try await verification.run(from: from)
            try scratch?.remove()
            let seconds =
                Double(outcome.duration.components.seconds)
                + Double(outcome.duration.components.attoseconds) / 1e18
            let subject = database.name.map { "database \($0) matches its model" } ?? "the database matches the model"
            context.output.out(
                "Verified \(outcome.revisions) revision(s) in \(String(format: "%.1f", seconds)) s: every downgrade restores the schema, and at the heads \(subject)."
            )
            return true
        } catch let failure as Verification.Failure {
            context.output.err("error: " + (failure.lines.first ?? ""))
            for line in failure.lines.dropFirst() { context.output.err(line) }
            return false
        }
    }
}

/// A `verify` the command line cannot run; one line.
enum VerifyError: Error, CustomStringConvertible {
    case urlForOneDatabase([String])
    case notEmpty(url: String, table: String)

    var description: String {
        switch self {
        case .urlForOneDatabase(let names):
            return
                "--url names one database, and verify would run on \(names.joined(separator: ", ")): add --database NAME"
        case .notEmpty(let url, let table):
            return
                "verify needs an empty database, and \(url) has table \"\(table)\"; leave out --url for a scratch database"
        }
    }
}
