import Introspect
import ModelDSL

/// `verify` on one database: every revision applied to an empty database in turn, each
/// followed by its downgrade (the catalog must then be as before the upgrade) and its upgrade
/// again; at the heads, the database compared with the model, as `check` compares.
struct Verification {
    let context: EnvironmentContext
    let project: Project
    /// The database whose model and version table to use, its URL the scratch database's.
    let database: EnvironmentDatabase
    let quiet: Bool

    /// What went wrong, as lines: the first one the error, the others the differences.
    struct Failure: Error {
        let lines: [String]
    }

    /// How many revisions were verified and how long it took, for the closing line.
    struct Outcome {
        var revisions = 0
        var duration = Duration.zero
    }

    /// Verifies the revisions after `start` (all of them when nil); throws `Failure` at the
    /// first revision that fails, or when the heads do not match the model.
    func run(from start: String?) async throws -> Outcome {
        let clock = ContinuousClock.now
        let graph = project.graph
        let runner = try context.runner(project, database: database, quiet: true)
        let backend = DatabaseBackends.backend(for: database.url)
        // The project's exclusions apply, but every comparison is on: a downgrade that leaves
        // a type or a default changed fails even where compare_type = false hides it from check.
        var options = DatabaseComparison.options(config: project.config)
        if let hook = context.hooks.compare { try await hook(&options) }
        options.compareTypes = true
        options.compareServerDefaults = true
        let ownTables = [database.versionTable, MigrationOptions(config: project.config).historyTable]
        func snapshot() throws -> Schema {
            var schema = try backend.readSchema(database.url, for: database.schema)
            schema.tables.removeAll { $0.schema == nil && ownTables.contains($0.name) }
            return schema
        }
        if let start {
            do {
                try await runner.upgrade(to: start)
            } catch {
                throw Failure(lines: [
                    "upgrade to \(start), where --from starts, fails: \(EnvironmentError.oneLine(error))"
                ])
            }
        }
        var outcome = Outcome()
        for id in try graph.verificationOrder(from: start) {
            let name = Self.name(id, graph)
            let before = try snapshot()
            func step(_ what: String, _ plan: @escaping (Set<String>) throws -> [RevisionStep]) async throws {
                do {
                    _ = try await runner.migrate { heads throws(MigrationError) in
                        do { return try plan(heads) } catch { throw .target("\(error)") }
                    }
                } catch {
                    throw Failure(lines: ["\(what) of \(name) fails: \(EnvironmentError.oneLine(error))"])
                }
            }
            try await step("upgrade") { heads in try graph.upgradePath(from: heads, toRevisions: [id]) }
            try await step("downgrade") { heads in [try graph.undoStep(of: id, current: heads)] }
            let after = try snapshot()
            if after != before {
                let result = Comparer.compare(
                    model: before, database: after, dialect: backend.dialect, options: options)
                if !result.ops.isEmpty {
                    throw Failure(
                        lines: [
                            "the downgrade of \(name) does not restore the schema (\(result.ops.count) change(s) from before its upgrade):"
                        ] + DatabaseComparison.describe(CompareResult(ops: result.ops, diagnostics: [])))
                }
            }
            try await step("upgrade after the downgrade") { heads in
                try graph.upgradePath(from: heads, toRevisions: [id])
            }
            outcome.revisions += 1
            if !quiet { context.output.err("Verified \(name): upgrade, downgrade restores the schema, upgrade") }
        }
        let rewrite = RewriteContext(
            command: .check, model: database.schema, url: database.url, xArguments: project.config.xArguments,
            database: database.name)
        let result = try await context.differences(project, database: database, rewrite: rewrite)
        if !result.isEmpty {
            throw Failure(
                lines: ["at the heads the database differs from the model (\(result.ops.count) change(s)):"]
                    + DatabaseComparison.describe(result))
        }
        outcome.duration = ContinuousClock.now - clock
        return outcome
    }

    /// `1a2b3c4d5e6f (add account)`.
    static func name(_ id: String, _ graph: RevisionGraph) -> String {
        guard let message = graph.node(id)?.header.message, !message.isEmpty else { return id }
        return "\(id) (\(message))"
    }
}
