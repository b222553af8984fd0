import Introspect
import ModelDSL

/// What `EnvironmentHooks.rewriteOps` is told besides the ops: which command runs, the
/// revision being written, the model and the database it was compared with.
public struct RewriteContext: Sendable {
    /// The command whose ops are rewritten.
    public enum Command: String, Sendable, Hashable {
        /// `revision --autogenerate`: the ops become the new revision's upgrade.
        case autogenerate
        /// `check`: the ops are reported as differences.
        case check
    }

    public var command: Command
    /// The new revision's id; nil under `check`.
    public var revisionID: String?
    /// The new revision's message (`-m`, empty without one); nil under `check`.
    public var message: String?
    /// The model: the schema the database should have.
    public var model: Schema
    /// The database compared with (its `description` hides the password).
    public var url: DatabaseURL
    /// The findings compare reported beside the ops (data loss, rebuilds, suspected renames).
    public var diagnostics: [Diagnostic]
    /// The `-x key=value` arguments of the command line.
    public var xArguments: [String: String]
    /// The database's name in a multi-database environment (autogen.ini's `databases`); nil
    /// in a single-database one.
    public var database: String?

    public init(
        command: Command, revisionID: String? = nil, message: String? = nil, model: Schema, url: DatabaseURL,
        diagnostics: [Diagnostic] = [], xArguments: [String: String] = [:], database: String? = nil
    ) {
        self.database = database
        self.command = command
        self.revisionID = revisionID
        self.message = message
        self.model = model
        self.url = url
        self.diagnostics = diagnostics
        self.xArguments = xArguments
    }
}
