import Introspect
import ModelDSL

extension PostgresBackend {
    func readSchema(_ url: DatabaseURL, for model: Schema) throws -> Schema {
        guard case .postgresql(let parts) = url else { preconditionFailure("not a PostgreSQL URL: \(url)") }
        let connection = try PostgresConnection(parts)
        defer { connection.close() }
        let reader = PostgresCatalogReader(connection: connection)
        let current = try reader.currentSchema()
        let named = Self.schemasNamed(by: Self.unnamingSchema(current, in: model), options: CompareOptions())
        return try reader.read(schemas: named, alongsideDefault: true, currentSchema: current)
    }

    /// `CREATE DATABASE autogen_verify_<random>` on `url`'s server, through `url`'s database
    /// (or `postgres` when that one does not exist yet), owned by `url`'s user.
    func createScratch(beside url: DatabaseURL) throws -> DatabaseURL {
        guard case .postgresql(let parts) = url else { preconditionFailure("not a PostgreSQL URL: \(url)") }
        let admin = try Self.adminConnection(parts)
        defer { admin.close() }
        var scratch = parts
        scratch.database = "autogen_verify_" + String(UInt64.random(in: 0...UInt64.max), radix: 16)
        try admin.execute("CREATE DATABASE " + PostgresDialect.quoteIdentifier(scratch.database ?? ""))
        return .postgresql(scratch)
    }

    /// `DROP DATABASE ... WITH (FORCE)`: a run killed half way may leave a connection behind.
    func removeScratch(_ scratch: DatabaseURL, beside url: DatabaseURL) throws {
        guard case .postgresql(let parts) = url, case .postgresql(let target) = scratch else {
            preconditionFailure("not a PostgreSQL URL: \(url)")
        }
        let admin = try Self.adminConnection(parts)
        defer { admin.close() }
        guard let name = target.database, name.hasPrefix("autogen_verify_") else { return }
        try admin.execute("DROP DATABASE IF EXISTS " + PostgresDialect.quoteIdentifier(name) + " WITH (FORCE)")
    }

    /// A connection to `parts`' database, or to `postgres` on the same server when that one
    /// cannot be reached (it may not exist yet).
    private static func adminConnection(_ parts: DatabaseURL.PostgresURL) throws -> PostgresConnection {
        do {
            return try PostgresConnection(parts)
        } catch {
            var fallback = parts
            fallback.database = "postgres"
            guard let connection = try? PostgresConnection(fallback) else { throw error }
            return connection
        }
    }
}
