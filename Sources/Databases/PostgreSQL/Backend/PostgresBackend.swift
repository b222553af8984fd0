import Introspect
import ModelDSL

/// PostgreSQL, through libpq: dialect `PostgresDialect`, driver `PostgresMigrationDriver`,
/// catalog `PostgresCatalogReader`.
struct PostgresBackend: DatabaseBackend {
    var name: String { "postgresql" }
    var dialect: any SQLCompiling.Type { PostgresDialect.self }
    var runtime: RuntimeDialect { Self.runtime }

    /// libpq; Debian keeps its headers apart, in /usr/include/postgresql.
    var systemLibrary: SystemLibrary {
        SystemLibrary(
            moduleFolder: "Sources/Databases/PostgreSQL/CLibPQ", pkgConfigName: "libpq",
            fallbackIncludes: ["-I/usr/include/postgresql"],
            linkFlag: "-lpq")
    }

    /// Plain `BEGIN`; no setting around a run. With `online = true`, each statement waits at
    /// most `lock_timeout` for its lock (`55P03` when it gives up), and the run is tried again.
    static let runtime = RuntimeDialect(
        compiler: PostgresDialect.self, begin: "BEGIN",
        lockTimeout: LockTimeoutSQL(
            local: { "SET LOCAL lock_timeout = '\($0)ms'" }, session: { "SET lock_timeout = '\($0)ms'" },
            reset: "RESET lock_timeout", code: "55P03"))

    func openDriver(_ url: DatabaseURL, options: MigrationOptions) throws(IntrospectError) -> any MigrationDriver {
        guard case .postgresql(let parts) = url else { preconditionFailure("not a PostgreSQL URL: \(url)") }
        let driver = try PostgresMigrationDriver(parts)
        driver.schemas = options.schemas
        return driver
    }

    /// A server database exists before anyone connects to it.
    func isAbsent(_ url: DatabaseURL) -> Bool { false }
}
