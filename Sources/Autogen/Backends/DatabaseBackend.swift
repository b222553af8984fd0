import Introspect
import ModelDSL

/// One database autogen works with, all it knows of it behind one value: its dialect (compare
/// rules and SQL), how a migration run talks to it, and how `check` reads it. Each backend
/// lives in its own folder (`Backends/PostgreSQL`, `Backends/SQLite`, with its catalog reader
/// in `Introspect/<database>`) and is listed once, in `DatabaseBackends.all`; nothing else
/// names a database.
protocol DatabaseBackend: Sendable {
    /// The dialect name of the URLs it serves (`DatabaseURL.dialectName`: `postgresql`, `sqlite`).
    var name: String { get }
    /// Its compare rules and SQL.
    var dialect: any SQLCompiling.Type { get }
    /// How a migration run quotes and begins its transactions on it.
    var runtime: RuntimeDialect { get }
    /// The C library its driver links, for the direct build of a migration environment.
    var systemLibrary: SystemLibrary { get }
    /// A driver connected to `url` (one of this backend's).
    func openDriver(_ url: DatabaseURL, options: MigrationOptions) throws(IntrospectError) -> any MigrationDriver
    /// Whether the database at `url` does not exist yet and opening it would create it (a
    /// SQLite file): readers then take it as empty instead.
    func isAbsent(_ url: DatabaseURL) -> Bool
    /// Reads the database at `url` and compares it with `model` (validated), as `check` does.
    func compare(model: Schema, url: DatabaseURL, options: CompareOptions) throws -> CompareResult
    /// Reads the database at `url` as `compare` reads it for `model`: the current schema and
    /// every schema the model names.
    func readSchema(_ url: DatabaseURL, for model: Schema) throws -> Schema
    /// Creates a new, empty database beside `url` for `verify` (on the same server; a
    /// temporary file) and returns its URL.
    func createScratch(beside url: DatabaseURL) throws -> DatabaseURL
    /// Removes a database `createScratch(beside: url)` made; nothing when it is already gone.
    func removeScratch(_ scratch: DatabaseURL, beside url: DatabaseURL) throws
    /// How big each of `tables` is, as far as the catalog tells cheaply; tables that do not
    /// exist are left out.
    func tableSizes(_ url: DatabaseURL, tables: [TableRef]) throws -> [TableRef: TableSize]
}
