import Foundation
import Introspect
import ModelDSL

extension SQLiteBackend {
    func readSchema(_ url: DatabaseURL, for model: Schema) throws -> Schema {
        guard case .sqlite(let path) = url else { preconditionFailure("not a SQLite URL: \(url)") }
        if isAbsent(url) { return Schema(tables: []) }
        return try SQLiteCatalogReader(connection: try SQLiteConnection(path: path, create: false)).read()
    }

    /// A new file in the temporary folder: `autogen-verify-<random>.db`.
    func createScratch(beside url: DatabaseURL) throws -> DatabaseURL {
        let name = "autogen-verify-" + String(UInt64.random(in: 0...UInt64.max), radix: 16) + ".db"
        return .sqlite(path: FileManager.default.temporaryDirectory.appendingPathComponent(name).path)
    }

    /// The file and its journal, write-ahead log, shared-memory and lock files.
    func removeScratch(_ scratch: DatabaseURL, beside url: DatabaseURL) throws {
        guard case .sqlite(let path?) = scratch, (path as NSString).lastPathComponent.hasPrefix("autogen-verify-")
        else {
            return
        }
        let files = [path, path + "-journal", path + "-wal", path + "-shm", SQLiteMigrationDriver.lockPath(for: path)]
        for file in files where FileManager.default.fileExists(atPath: file) {
            try FileManager.default.removeItem(atPath: file)
        }
    }
}
