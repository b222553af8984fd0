/// One database of a multi-database setup (the `multidb` template): autogen.ini's main section
/// lists the names in `databases = main, audit`, and each name has a section of its own with
/// the database's `url` and, optionally, its `version_table` (Alembic's multidb alembic.ini).
///
/// ```ini
/// [autogen]
/// databases = main, audit
///
/// [main]
/// url = sqlite:///main.db
///
/// [audit]
/// url = sqlite:///audit.db
/// version_table = audit_version
/// ```
public struct DatabaseSection: Sendable, Hashable {
    /// The name in `databases`, which is also the section's name.
    public let name: String
    /// The section's `url`, as written (interpolated, `${VAR}` substituted).
    public let url: String
    /// The section's `version_table`, else the main section's `version_table`.
    public let versionTable: String
}

/// A database listed in `databases` whose section is missing or incomplete; one line, naming
/// the file and line.
public struct DatabaseSectionError: Error, Sendable, Hashable, CustomStringConvertible {
    public let description: String
}

extension AutogenConfig {
    /// The sections of the databases that `databases` lists, in its order; `${VAR}` resolves
    /// from `environment`. Empty when the main section has no `databases`.
    public func databaseSections(environment: [String: String]) throws -> [DatabaseSection] {
        let listedAt = ini.entry("databases", in: section).map { "\(ini.path):\($0.line)" } ?? ini.path
        var seen: Set<String> = []
        return try databases.map { name in
            guard seen.insert(name).inserted else {
                throw DatabaseSectionError(
                    description: "\(listedAt): database \"\(name)\" is listed twice in \"databases\"")
            }
            guard let found = ini.section(name) else {
                throw DatabaseSectionError(
                    description:
                        "\(listedAt): database \"\(name)\" is listed in \"databases\" but there is no [\(name)] section"
                )
            }
            let reader = ConfigSectionReader(ini: ini, section: name, environment: environment)
            guard let url = try reader.nonEmpty("url") else {
                throw DatabaseSectionError(
                    description: "\(ini.path):\(found.line): [\(name)] has no \"url\", which database \"\(name)\" needs"
                )
            }
            return DatabaseSection(
                name: name, url: url, versionTable: try reader.nonEmpty("version_table") ?? versionTable)
        }
    }
}
