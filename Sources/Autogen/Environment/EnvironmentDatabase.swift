import Introspect
import ModelDSL

/// One database an environment command runs on: the single database of a generic
/// environment, or one of a multi-database environment's (the `multidb` template), each with
/// its own model, URL and version table.
struct EnvironmentDatabase: Sendable {
    /// The name in autogen.ini's `databases`; nil in a single-database environment.
    let name: String?
    /// The model of this database.
    let schema: Schema
    /// The URL, after env.swift's `url` hook.
    let url: DatabaseURL
    /// The version table: the database section's `version_table`, else the main section's.
    let versionTable: String

    /// What offline SQL (`--sql`) starts with: a comment naming the database in a
    /// multi-database environment, so that the scripts of several databases can be told apart.
    var sqlHeader: String { name.map { "-- Database \($0)\n" } ?? "" }
}

/// A mismatch between env.swift's databases and autogen.ini's `databases`; one line.
struct EnvironmentDatabaseError: Error, Sendable, Hashable, CustomStringConvertible {
    let description: String
}

extension EnvironmentContext {
    /// The databases a command runs on, in autogen.ini's order: one for a single-database
    /// environment, else one per name in `databases`, each of which env.swift must give a model.
    func databases(_ project: Project, global: GlobalOptions) async throws -> [EnvironmentDatabase] {
        let config = project.config
        guard let models = databases else {
            let url = try await databaseURL(config.url, name: nil, config: config)
            return [EnvironmentDatabase(name: nil, schema: schema, url: url, versionTable: config.versionTable)]
        }
        let declared = models.keys.sorted().joined(separator: ", ")
        guard !config.databases.isEmpty else {
            throw EnvironmentDatabaseError(
                description:
                    "\(config.ini.path): [\(config.section)] has no \"databases\"; env.swift declares the databases \(declared)"
            )
        }
        let sections = try config.databaseSections(environment: global.configOptions.environment)
        let where_ = config.ini.entry("databases", in: config.section).map { "\(config.ini.path):\($0.line)" }
        for section in sections where models[section.name] == nil {
            throw EnvironmentDatabaseError(
                description:
                    "\(where_ ?? config.ini.path): database \"\(section.name)\" has no model in env.swift (it declares \(declared))"
            )
        }
        for name in models.keys.sorted() where !config.databases.contains(name) {
            throw EnvironmentDatabaseError(
                description:
                    "env.swift declares database \"\(name)\", which \"databases\" in \(where_ ?? config.ini.path) does not list"
            )
        }
        var result: [EnvironmentDatabase] = []
        for section in sections {
            let url = try await databaseURL(section.url, name: section.name, config: config)
            result.append(
                EnvironmentDatabase(
                    name: section.name, schema: models[section.name] ?? schema, url: url,
                    versionTable: section.versionTable))
        }
        return result
    }

    /// Runs `body` for each database in order, with `AutogenEnvironment.database` set to its
    /// name (so env.swift's hooks know it); in a multi-database environment a line on standard
    /// error says which database each run is on, unless `quiet`.
    func forEach<T>(
        _ databases: [EnvironmentDatabase], quiet: Bool, _ body: (EnvironmentDatabase) async throws -> T
    ) async throws -> [T] {
        var results: [T] = []
        for database in databases {
            if let name = database.name, !quiet { output.err("Database \(name)") }
            results.append(try await AutogenEnvironment.$database.withValue(database.name) { try await body(database) })
        }
        return results
    }
}
