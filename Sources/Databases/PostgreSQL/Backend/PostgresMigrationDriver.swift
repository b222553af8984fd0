import Introspect
import ModelDSL

/// Migrates a PostgreSQL database; the lock is `pg_try_advisory_lock` polled on a second
/// connection, so it cannot deadlock with statements run outside the transaction
/// (`CREATE INDEX CONCURRENTLY` waits for every open transaction, including a lock holder's).
///
/// ```sql
/// SELECT pg_try_advisory_lock($1)   -- polled until true
/// SELECT pg_advisory_unlock($1)
/// ```
final class PostgresMigrationDriver: MigrationDriver {
    let connection: PostgresConnection
    let url: DatabaseURL.PostgresURL
    private var lockConnection: PostgresConnection?
    private var lockKey: Int64 = 0
    var dialect: RuntimeDialect { PostgresBackend.runtime }
    /// Namespaces to introspect; empty is the default schema.
    var schemas: [String] = []

    init(_ url: DatabaseURL.PostgresURL) throws(IntrospectError) {
        self.url = url
        connection = try PostgresConnection(url)
    }

    func execute(_ sql: String) throws(IntrospectError) { try connection.execute(sql) }

    func query(_ sql: String, _ parameters: [String?]) throws(IntrospectError) -> [[String?]] {
        let result = try connection.query(sql, parameters)
        return (0..<result.rowCount).map { row in (0..<result.columnCount).map { result[row, $0] } }
    }

    func readSchema() throws(IntrospectError) -> Schema {
        try PostgresCatalogReader(connection: connection).read(schemas: schemas)
    }

    func tableExists(_ name: String, schema: String?) throws(IntrospectError) -> Bool {
        let qualified = dialect.qualified(name, schema: schema)
        let rows = try query("SELECT to_regclass($1) IS NOT NULL", [qualified])
        return rows.first?.first == "t"
    }

    func acquireLock(key: Int64, options: MigrationOptions) async throws(MigrationError) {
        let lock: PostgresConnection
        do { lock = try PostgresConnection(url) } catch { throw .database(error) }
        do throws(MigrationError) {
            try await LockWait.poll(url: DatabaseURL.postgresql(url).description, options: options) {
                () throws(MigrationError) -> Bool in
                do throws(IntrospectError) {
                    return try lock.query("SELECT pg_try_advisory_lock($1)", [String(key)])[0, 0] == "t"
                } catch {
                    throw .database(error)
                }
            }
        } catch {
            lock.close()
            throw error
        }
        lockConnection = lock
        lockKey = key
    }

    func releaseLock() {
        guard let lock = lockConnection else { return }
        _ = try? lock.query("SELECT pg_advisory_unlock($1)", [String(lockKey)])
        lock.close()
        lockConnection = nil
    }

    func startRun() throws(IntrospectError) {}
    func endRun() {}

    func close() {
        releaseLock()
        connection.close()
    }
}
