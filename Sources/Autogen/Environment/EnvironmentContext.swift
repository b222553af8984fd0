import Introspect
import ModelDSL

/// What every environment command runs with: the target schema, the compiled revisions and
/// where to write.
public struct EnvironmentContext: Sendable {
    /// The model: the schema the database should have.
    public let schema: Schema
    /// The revisions compiled into the environment.
    public let revisions: [any Revision.Type]
    public let output: EnvironmentOutput

    public init(schema: Schema, revisions: [any Revision.Type], output: EnvironmentOutput) {
        self.schema = schema
        self.revisions = revisions
        self.output = output
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

    /// The project and a runner for its database.
    func runner(_ global: GlobalOptions) throws -> (Project, MigrationRunner) {
        let project = try project(global)
        let url = try DatabaseURL(try project.config.requireURL())
        let log = output.err
        let quiet = global.quiet
        let options = MigrationOptions(config: project.config, log: { line in if !quiet { log(line) } })
        let runner = try MigrationRunner(url: url, revisions: revisions, graph: project.graph, options: options)
        return (project, runner)
    }
}
