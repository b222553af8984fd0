/// What a migration environment's env.swift may change about how the commands run: the
/// database URL, the compare options and the ops a new revision is written from (Alembic's
/// env.py: `url`, `include_object` and friends, `process_revision_directives`). Every hook is
/// optional; without one a command runs as autogen.ini says. A hook may be async and may throw:
/// the command then fails with the error's message on one line.
///
/// ```swift
/// let hooks = EnvironmentHooks(
///     url: { configured in ProcessInfo.processInfo.environment["DATABASE_URL"] ?? configured },
///     compare: { options in options.excludeTables.append("legacy_*") },
///     rewriteOps: { ops, context in ops.filter { $0.table?.name != "audit_log" } })
/// ```
public struct EnvironmentHooks: Sendable {
    /// Chooses the database URL: receives autogen.ini's `url` (nil when it has none) and
    /// returns the URL to use (nil: none, which is an error for a command that needs one).
    /// Runs once per command, for every command that opens or names the database. The URL is
    /// never printed with its password.
    public var url: (@Sendable (String?) async throws -> String?)?

    /// Adjusts the compare options of `check` and `revision --autogenerate`, after autogen.ini's
    /// `compare_type` and `compare_server_default`: `includeObject`, `includeTables` /
    /// `excludeTables` (glob patterns), `schemas`, `compareTypes`, `compareServerDefaults`. The
    /// version table and the history table stay left alone whatever the hook does.
    public var compare: (@Sendable (inout CompareOptions) async throws -> Void)?

    /// Rewrites the ops that compare found before they are used (Alembic's
    /// `process_revision_directives`): drop, change or add ops. `revision --autogenerate` writes
    /// the returned ops as the upgrade and their reverse as the downgrade, and writes no
    /// revision when the result is empty (unless `--allow-empty`). `check` runs it too and
    /// reports the returned ops, as Alembic's `check` runs `process_revision_directives` and
    /// reports the upgrade ops that remain. Compare's diagnostics (in `RewriteContext`) are
    /// printed as compare found them.
    public var rewriteOps: (@Sendable ([MigrationOp], RewriteContext) async throws -> [MigrationOp])?

    public init(
        url: (@Sendable (String?) async throws -> String?)? = nil,
        compare: (@Sendable (inout CompareOptions) async throws -> Void)? = nil,
        rewriteOps: (@Sendable ([MigrationOp], RewriteContext) async throws -> [MigrationOp])? = nil
    ) {
        self.url = url
        self.compare = compare
        self.rewriteOps = rewriteOps
    }

    /// No hooks: every command runs as autogen.ini says.
    public static let none = EnvironmentHooks()
}
