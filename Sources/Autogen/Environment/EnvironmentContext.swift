import Introspect
import ModelDSL

/// What every environment command runs with: the target schema, the compiled revisions,
/// env.swift's hooks and where to write.
public struct EnvironmentContext: Sendable {
    /// The model: the schema the database should have.
    public let schema: Schema
    /// The revisions compiled into the environment.
    public let revisions: [any Revision.Type]
    public let output: EnvironmentOutput
    /// What env.swift changes about the commands: URL, compare options, op rewriting.
    public let hooks: EnvironmentHooks
    /// The models of a multi-database environment by database name (autogen.ini's
    /// `databases`); nil in a single-database one, which migrates `schema`.
    public let databases: [String: Schema]?
    /// Replaces the process with the `autogen` that started it, asking for a rebuild
    /// (`EnvironmentRebuild`); returns only when that could not be done. Nil when the
    /// environment was not started by autogen, or is already the run after a rebuild.
    var handBack: (@Sendable ([String]) -> Void)?
    /// The `autogen` binary that started the environment, to watch `verify`'s scratch
    /// database (`ScratchDatabase`); nil when the environment was started otherwise.
    var watchdog: String?

    public init(
        schema: Schema, revisions: [any Revision.Type], output: EnvironmentOutput, hooks: EnvironmentHooks = .none,
        databases: [String: Schema]? = nil
    ) {
        self.schema = schema
        self.revisions = revisions
        self.output = output
        self.hooks = hooks
        self.databases = databases
    }

    /// The project the global options name; the config's warnings are written to standard
    /// error unless `quiet`.
    func project(_ global: GlobalOptions) throws -> Project {
        let project = try Project(global.configOptions)
        if !global.quiet {
            for warning in project.config.warnings { output.err("warning: \(warning)") }
        }
        return project
    }

    /// The database autogen.ini names for `name` (nil: the main section's `url`), or what the
    /// `url` hook makes of it; the hook runs with `AutogenEnvironment.database` set to `name`.
    func databaseURL(_ configured: String?, name: String?, config: AutogenConfig) async throws -> DatabaseURL {
        guard let hook = hooks.url else {
            guard let configured else {
                throw ConfigError.missingKey(file: config.ini.path, section: config.section, key: "url")
            }
            return try DatabaseURL(configured)
        }
        let url = try await AutogenEnvironment.$database.withValue(name) { try await hook(configured) }
        guard let url else { throw EnvironmentError.urlHookReturnedNothing }
        return try DatabaseURL(url)
    }

    /// A runner for `database`; it logs to standard error unless `quiet`.
    func runner(_ project: Project, database: EnvironmentDatabase, quiet: Bool) throws -> MigrationRunner {
        let log = output.err
        var options = MigrationOptions(config: project.config, log: { line in if !quiet { log(line) } })
        options.versionTable = database.versionTable
        options.database = database.name
        return try MigrationRunner(url: database.url, revisions: revisions, graph: project.graph, options: options)
    }

    /// The changes that turn `database` into its model, as `check` and
    /// `revision --autogenerate` use them: compared with autogen.ini's options adjusted by the
    /// `compare` hook, then passed through the `rewriteOps` hook (told `rewrite`, with compare's
    /// diagnostics, which the result keeps).
    func differences(
        _ project: Project, database: EnvironmentDatabase, rewrite: RewriteContext
    ) async throws -> CompareResult {
        var options = DatabaseComparison.options(config: project.config)
        if let hook = hooks.compare { try await hook(&options) }
        var result = try DatabaseComparison.compare(
            model: database.schema, url: database.url, options: options, config: project.config,
            versionTable: database.versionTable)
        if project.config.online || project.config.onlineMinRows != nil {
            let backend = DatabaseBackends.backend(for: database.url)
            var eligible: (TableRef) -> Bool = { _ in true }
            if let minimum = project.config.onlineMinRows {
                // Sized as the hazards are; a table the catalog cannot size is taken as big.
                let tables = Array(Set(result.ops.compactMap(\.table))).sorted()
                let sizes = (try? backend.tableSizes(database.url, tables: tables)) ?? [:]
                eligible = { table in
                    guard let size = sizes[table] else { return true }
                    return size.rows.map { $0 >= Int64(minimum) } ?? true
                }
            }
            result.ops = backend.dialect.onlinePlan(result.ops, model: database.schema, eligible: eligible)
        }
        if let hook = hooks.rewriteOps {
            var context = rewrite
            context.diagnostics = result.diagnostics
            result.ops = try await hook(result.ops, context)
        }
        return result
    }

    /// The hazards of `ops` on `database`, each sized by its table as the database's catalog
    /// tells (no sizes when it cannot be read: a SQLite file not made yet).
    func hazards(of ops: [MigrationOp], on database: EnvironmentDatabase) -> [Hazard] {
        let backend = DatabaseBackends.backend(for: database.url)
        let tables = HazardAnalysis.tables(of: ops, dialect: backend.dialect)
        let sizes = (try? backend.tableSizes(database.url, tables: tables)) ?? [:]
        return HazardAnalysis.hazards(of: ops, dialect: backend.dialect, sizes: sizes)
    }
}
