import ArgumentParser
import Foundation

/// `--sql` and `--sql-dir DIR` of upgrade, downgrade, stamp and ensure-version: offline mode,
/// the SQL printed (one database) or written to one file per database, never several
/// databases' SQL in one stream.
struct OfflineOptions: ParsableArguments {
    @Flag(help: "Print the SQL instead of running it (offline mode).")
    var sql = false

    @Option(
        help: ArgumentHelp(
            "With --sql, write each database's SQL to DIR/NAME.sql instead of standard output.",
            valueName: "dir"))
    var sqlDir: String?

    func validate() throws {
        if sqlDir != nil, !sql { throw ValidationError("--sql-dir is for offline mode: add --sql") }
    }
}

/// Offline SQL asked of several databases with nowhere to put each: one stream would mix
/// them (PostgreSQL's and SQLite's statements, or two databases' version tables).
struct MixedOfflineSQLError: Error, Sendable, Hashable, CustomStringConvertible {
    let databases: [String]

    var description: String {
        "--sql on \(databases.count) databases (\(databases.joined(separator: ", "))) would mix their SQL in one stream: "
            + "add --database NAME for one of them, or --sql-dir DIR for a file per database"
    }
}

extension EnvironmentContext {
    /// Makes each database's offline SQL with `script` (every database's before any is
    /// written), then prints the only one or writes DIR/NAME.sql for each (DIR/SECTION.sql in
    /// a single-database environment), atomically, saying which files it wrote unless `quiet`.
    func writeOffline(
        _ options: OfflineOptions, _ databases: [EnvironmentDatabase], section: String, quiet: Bool,
        _ script: (EnvironmentDatabase) async throws -> String
    ) async throws {
        if options.sqlDir == nil, databases.count > 1 {
            throw MixedOfflineSQLError(databases: databases.compactMap(\.name))
        }
        let scripts = try await forEach(databases, quiet: true) { database in
            (database.name ?? section, database.sqlHeader + (try await script(database)))
        }
        guard let sqlDir = options.sqlDir else {
            for (_, text) in scripts { output.out(text) }
            return
        }
        let folder = ConfigPath.resolve(sqlDir, against: FileManager.default.currentDirectoryPath)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw EnvironmentDatabaseError(
                description: "--sql-dir \(sqlDir): cannot create the folder \(folder): \(error.localizedDescription)")
        }
        for (name, text) in scripts {
            guard !name.contains("/"), !name.hasPrefix(".") else {
                throw EnvironmentDatabaseError(
                    description: "--sql-dir: database \"\(name)\" cannot name a file; rename it in autogen.ini")
            }
            let path = folder + "/" + name + ".sql"
            try AtomicFile.write(text, to: path)
            if !quiet { output.err("Wrote \(path)") }
        }
    }
}
