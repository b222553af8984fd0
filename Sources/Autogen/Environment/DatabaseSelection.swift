import ArgumentParser

/// `--database NAME` of the environment commands: in a multi-database environment (the
/// `multidb` template), run on the named databases only, in autogen.ini's order.
struct DatabaseSelection: ParsableArguments {
    @Option(
        name: .customLong("database"),
        help: "In a multi-database environment, run on this database only (repeatable; default: every database).")
    var names: [String] = []
}

extension DatabaseSelection {
    /// `databases` narrowed to the selected names; throws one line for a name autogen.ini does
    /// not list, or for a selection in a single-database environment.
    func apply(to databases: [EnvironmentDatabase], ini: String) throws -> [EnvironmentDatabase] {
        guard !names.isEmpty else { return databases }
        let known = databases.compactMap(\.name)
        guard !known.isEmpty else {
            throw EnvironmentDatabaseError(
                description:
                    "--database \(names[0]): this environment has one database (\(ini) lists no \"databases\")")
        }
        for name in names where !known.contains(name) {
            throw EnvironmentDatabaseError(
                description:
                    "--database \(name): no such database; \(ini) lists \(known.joined(separator: ", "))")
        }
        return databases.filter { names.contains($0.name ?? "") }
    }
}

extension EnvironmentContext {
    /// The databases a command runs on (`databases(_:global:)`), narrowed to `--database`.
    func databases(_ project: Project, global: GlobalOptions, selection: DatabaseSelection) async throws
        -> [EnvironmentDatabase]
    {
        try selection.apply(to: try await databases(project, global: global), ini: project.config.ini.path)
    }
}
