// The migration environment's entry point: it hands the target schema (model.swift), the
// compiled revisions (versions/, listed by the RevisionIndex plugin) and the hooks below to
// autogen, which runs the command line it was started with.
import Autogen

@main
struct Environment {
    static func main() async {
        await AutogenEnvironment.main(schema: schema, revisions: AutogenRevisionIndex.revisions, hooks: hooks)
    }

    /// Where to change how the commands run. Each hook below does what autogen does without it;
    /// a hook may also be `async`.
    static let hooks = EnvironmentHooks(
        // The database URL: gets autogen.ini's `url`, returns the one to use, e.g.
        // `ProcessInfo.processInfo.environment["DATABASE_URL"] ?? configured` (import Foundation).
        url: { configured in configured },
        // What `check` and `revision --autogenerate` compare, after autogen.ini's compare_type and
        // compare_server_default: e.g. `options.excludeTables = ["legacy_*"]`, `options.schemas`,
        // or `options.includeObject = { object in object.name != "spatial_ref_sys" }`.
        compare: { options in },
        // The ops found, before `revision --autogenerate` writes them (the downgrade is their
        // reverse) and `check` reports them: drop, change or add ops; none left means no changes.
        rewriteOps: { ops, context in ops }
    )
}
