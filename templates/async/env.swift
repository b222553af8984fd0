// The migration environment's entry point: it hands the target schema (model.swift), the
// compiled revisions (versions/, listed by the RevisionIndex plugin) and the async hooks below
// to autogen, which runs the command line it was started with.
import Autogen

@main
struct Environment {
    static func main() async {
        await AutogenEnvironment.main(schema: schema, revisions: AutogenRevisionIndex.revisions, hooks: hooks)
    }

    static let hooks = EnvironmentHooks(url: databaseURL, compare: compareOptions, rewriteOps: rewrite)

    /// The database URL: gets autogen.ini's `url`, returns the one to use. This is the place to
    /// await a secrets manager or a configuration service, e.g.
    /// `return try await secrets.string(named: "database-url") ?? configured`.
    static func databaseURL(_ configured: String?) async throws -> String? {
        configured
    }

    /// What `check` and `revision --autogenerate` compare, after autogen.ini's compare_type and
    /// compare_server_default: e.g. `options.excludeTables = ["legacy_*"]`, `options.schemas`,
    /// or `options.includeObject = { object in object.name != "spatial_ref_sys" }`.
    static func compareOptions(_ options: inout CompareOptions) async throws {}

    /// The ops found, before `revision --autogenerate` writes them (the downgrade is their
    /// reverse) and `check` reports them: drop, change or add ops, awaiting whatever decides
    /// (`context` names the command, the new revision and the database); none left means no
    /// changes.
    static func rewrite(_ ops: [MigrationOp], _ context: RewriteContext) async throws -> [MigrationOp] {
        ops
    }
}
