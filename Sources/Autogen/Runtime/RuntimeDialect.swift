import Introspect
import ModelDSL

/// The runtime's view of a database (its backend's `runtime`): its SQL compiler, quoting, how
/// its transactions begin, and what a run sets around them.
struct RuntimeDialect: Sendable {
    let compiler: any SQLCompiling.Type
    /// The statement that opens a run's transaction.
    let begin: String
    /// Set before a run's first transaction, and after its last.
    let runStart: String?
    let runEnd: String?
    /// How a statement is told to give up waiting for a table lock (`online = true`), nil
    /// where writers lock the whole database anyway (SQLite).
    let lockTimeout: LockTimeoutSQL?

    init(
        compiler: any SQLCompiling.Type, begin: String, runStart: String? = nil, runEnd: String? = nil,
        lockTimeout: LockTimeoutSQL? = nil
    ) {
        self.compiler = compiler
        self.begin = begin
        self.runStart = runStart
        self.runEnd = runEnd
        self.lockTimeout = lockTimeout
    }

    /// The runtime of the database at `url`.
    init(_ url: DatabaseURL) {
        self = DatabaseBackends.backend(for: url).runtime
    }

    func quote(_ name: String) -> String { compiler.quoteIdentifier(name) }

    func literal(_ text: String) -> String { compiler.quoteLiteral(text) }

    /// `"schema"."name"` or `"name"`.
    func qualified(_ name: String, schema: String?) -> String {
        (schema.map { quote($0) + "." } ?? "") + quote(name)
    }
}

/// The statements that bound a DDL statement's wait for its table lock, and the error the
/// database gives when the bound is reached.
struct LockTimeoutSQL: Sendable {
    /// For the rest of the transaction: `SET LOCAL lock_timeout = '2000ms'`.
    let local: @Sendable (Int) -> String
    /// For the session, around a statement that runs outside a transaction.
    let session: @Sendable (Int) -> String
    /// Back to the server's setting after it.
    let reset: String
    /// The SQLSTATE of a statement that gave up waiting: `55P03` (lock_not_available).
    let code: String
}
