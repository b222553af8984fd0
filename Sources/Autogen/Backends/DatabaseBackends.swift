import Introspect

/// The registry of backends: the one place that lists the databases autogen supports. A URL
/// finds its backend by dialect name.
enum DatabaseBackends {
    static let all: [any DatabaseBackend] = [PostgresBackend(), SQLiteBackend()]

    /// The backend that serves `url`.
    static func backend(for url: DatabaseURL) -> any DatabaseBackend {
        guard let backend = all.first(where: { $0.name == url.dialectName }) else {
            // DatabaseURL only parses schemes some backend serves (DatabaseBackendsTests).
            preconditionFailure("no backend serves \(url.dialectName) URLs")
        }
        return backend
    }
}
