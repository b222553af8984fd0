// The migration environment's entry point: it hands each database's target schema
// (model.swift), the compiled revisions (versions/, listed by the RevisionIndex plugin) and
// the hooks below to autogen, which runs the command line it was started with once per
// database, in the order autogen.ini's `databases` lists them.
import Autogen

@main
struct Environment {
    static func main() async {
        await AutogenEnvironment.main(
            databases: ["main": mainSchema, "audit": auditSchema], revisions: AutogenRevisionIndex.revisions,
            hooks: hooks)
    }

    /// Where to change how the commands run. Each hook below does what autogen does without it;
    /// a hook may also be `async`. `AutogenEnvironment.database` names the database a hook runs for.
    static let hooks = EnvironmentHooks(
        // The database URL: gets the `url` of the database's section in autogen.ini, returns the
        // one to use, e.g. `ProcessInfo.processInfo.environment["AUDIT_DATABASE_URL"] ?? configured`
        // when `AutogenEnvironment.database == "audit"` (import Foundation).
        url: { configured in configured },
        // What `check` and `revision --autogenerate` compare, after autogen.ini's compare_type and
        // compare_server_default: e.g. `options.excludeTables = ["legacy_*"]`, `options.schemas`,
        // or `options.includeObject = { object in object.name != "spatial_ref_sys" }`.
        compare: { options in },
        // The ops found in one database (`context.database` names it), before
        // `revision --autogenerate` writes them (the downgrade is their reverse) and `check`
        // reports them: drop, change or add ops; none left means no changes there.
        rewriteOps: { ops, context in ops }
    )
}
