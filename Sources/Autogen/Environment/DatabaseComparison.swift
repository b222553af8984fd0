import Introspect
import ModelDSL

/// Reads a database and compares it with the model, the way `check` and
/// `revision --autogenerate` see the difference: the config's compare options (then env.swift's
/// `compare` hook) and the version and history tables left alone; the database's backend
/// reads it (`DatabaseBackend.compare`).
enum DatabaseComparison {
    /// The compare options autogen.ini sets: `compare_type`, `compare_server_default`.
    static func options(config: AutogenConfig) -> CompareOptions {
        var options = CompareOptions()
        options.compareTypes = config.compareType
        options.compareServerDefaults = config.compareServerDefault
        return options
    }

    /// The ops that turn the database at `url` into `model`, with their diagnostics, compared
    /// with `options` (see `options(config:)`) and the version table (`versionTable`, else the
    /// config's) and history table left alone. A SQLite file that does not exist yet is an
    /// empty database.
    static func compare(
        model: Schema, url: DatabaseURL, options: CompareOptions, config: AutogenConfig, versionTable: String? = nil
    ) throws -> CompareResult {
        try model.validate()
        var options = options
        // Glob patterns; these names hold no `*` or `?` in practice.
        options.excludeTables += [versionTable ?? config.versionTable, MigrationOptions(config: config).historyTable]
        return try DatabaseBackends.backend(for: url).compare(model: model, url: url, options: options)
    }

    /// What only the database or the dialect can tell is wrong with the model: names the
    /// dialect would cut, foreign keys to tables that exist nowhere.
    static func validate(_ model: Schema, against database: Schema, dialect: any SchemaDialect.Type)
        throws(ModelError)
    {
        let problems = dialect.identifierProblems(model) + model.foreignKeyTargetProblems(database: database)
        if !problems.isEmpty { throw ModelError(problems: problems) }
    }

    /// Refuses a compare whose ops drop a table that a view of the model still reads or a
    /// trigger of the model fires on: the database would refuse the drop, or the view or
    /// trigger would be created over nothing.
    static func checkDependentsKeepTheirTables(_ model: Schema, _ result: CompareResult) throws(ModelError) {
        var problems: [String] = []
        for case .dropTable(let table) in result.ops {
            let name = table.name.lowercased()
            for view in model.views
            where view.schema == table.schema && ViewOrder.identifiers(in: view.definition).contains(name) {
                problems.append(
                    "view \"\(view.qualifiedName)\" reads table \"\(TableRef(table))\", which the model drops: keep the table in the model or change the view"
                )
            }
            for trigger in model.triggers where trigger.schema == table.schema && trigger.table == table.name {
                problems.append(
                    "trigger \"\(trigger.name)\" fires on table \"\(TableRef(table))\", which the model drops: keep the table in the model or drop the trigger"
                )
            }
            for policy in model.policies where policy.schema == table.schema && policy.table == table.name {
                problems.append(
                    "policy \"\(policy.name)\" is on table \"\(TableRef(table))\", which the model drops: keep the table in the model or drop the policy"
                )
            }
        }
        if !problems.isEmpty { throw ModelError(problems: problems) }
    }

    /// The changes as lines a reviewer reads: one per op (its Swift statement's first line,
    /// without `try op.` and an opening brace), then each diagnostic.
    static func describe(_ result: CompareResult) -> [String] {
        let ops = result.ops.map { op -> String in
            var line = SwiftRenderer.lines(op).first ?? "\(op)"
            if line.hasPrefix("try op.") { line.removeFirst("try op.".count) }
            if line.hasSuffix(" {") { line.removeLast(2) }
            return "  " + line
        }
        return ops + result.diagnostics.map { "  \($0)" }
    }
}
