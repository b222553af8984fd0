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

    init(compiler: any SQLCompiling.Type, begin: String, runStart: String? = nil, runEnd: String? = nil) {
        self.compiler = compiler
        self.begin = begin
        self.runStart = runStart
        self.runEnd = runEnd
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
