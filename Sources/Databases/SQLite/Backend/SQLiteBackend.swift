import Foundation
import Introspect
import ModelDSL

/// SQLite, through libsqlite3: dialect `SQLiteDialect`, driver `SQLiteMigrationDriver`,
/// catalog `SQLiteCatalogReader`.
struct SQLiteBackend: DatabaseBackend {
    var name: String { "sqlite" }
    var dialect: any SQLCompiling.Type { SQLiteDialect.self }
    var runtime: RuntimeDialect { Self.runtime }

    /// libsqlite3, its headers where the compiler looks anyway.
    var systemLibrary: SystemLibrary {
        SystemLibrary(moduleFolder: "Sources/Databases/SQLite/CSQLite", linkFlag: "-lsqlite3")
    }

    /// `BEGIN IMMEDIATE` takes the write lock at once, so the version table read next cannot
    /// change under the run; table rebuilds run with foreign keys off, a PRAGMA that has no
    /// effect inside a transaction, so it is set around the run.
    static let runtime = RuntimeDialect(
        compiler: SQLiteDialect.self, begin: "BEGIN IMMEDIATE", runStart: "PRAGMA foreign_keys = OFF",
        runEnd: "PRAGMA foreign_keys = ON")

    func openDriver(_ url: DatabaseURL, options: MigrationOptions) throws(IntrospectError) -> any MigrationDriver {
        guard case .sqlite(let path) = url else { preconditionFailure("not a SQLite URL: \(url)") }
        return try SQLiteMigrationDriver(path: path)
    }

    /// A file that does not exist yet (an in-memory database always does).
    func isAbsent(_ url: DatabaseURL) -> Bool {
        guard case .sqlite(let path?) = url else { return false }
        return !FileManager.default.fileExists(atPath: path)
    }

    /// A file that does not exist yet is an empty database, but only in a folder that exists:
    /// upgrade could not create it elsewhere either.
    func compare(model: Schema, url: DatabaseURL, options: CompareOptions) throws -> CompareResult {
        guard case .sqlite(let path) = url else { preconditionFailure("not a SQLite URL: \(url)") }
        var database = Schema(tables: [])
        if isAbsent(url), let path {
            let folder = (path as NSString).deletingLastPathComponent
            var isFolder: ObjCBool = false
            if !folder.isEmpty,
                !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) || !isFolder.boolValue
            {
                throw IntrospectError.connectionFailed(
                    url: url.description, message: "the folder \(folder) does not exist")
            }
        } else {
            let connection = try SQLiteConnection(path: path, create: false)
            database = try SQLiteCatalogReader(connection: connection).read()
        }
        try DatabaseComparison.validate(model, against: database, dialect: SQLiteDialect.self)
        let result = Comparer.compare(model: model, database: database, dialect: SQLiteDialect.self, options: options)
        try DatabaseComparison.checkDependentsKeepTheirTables(model, result)
        return result
    }
}
