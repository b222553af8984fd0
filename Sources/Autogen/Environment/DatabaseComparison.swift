import Foundation
import Introspect
import ModelDSL

/// Reads a database and compares it with the model, the way `check` and
/// `revision --autogenerate` see the difference: the config's compare options (then env.swift's
/// `compare` hook), the version and history tables left alone, and on PostgreSQL the default
/// expressions that text cannot decide asked of the server in one round trip on the same
/// connection.
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
        switch url {
        case .postgresql(let parts):
            let connection = try PostgresConnection(parts)
            defer { connection.close() }
            let reader = PostgresCatalogReader(connection: connection)
            // The model's explicit name of the current schema is the catalog's `nil`, whichever
            // schema is current (not only `public`).
            let current = try reader.currentSchema()
            let local = unnamingSchema(current, in: model)
            // Read: the current schema and every schema the model or the options name (Alembic's
            // include_schemas), so that a table in `billing` is compared with `billing`'s.
            let named = schemasNamed(by: local, options: options)
            let database = try reader.read(schemas: named, alongsideDefault: true, currentSchema: current)
            options.databaseSchemas = try reader.existingSchemas(named + local.extensions.compactMap(\.schema))
            // Compared whole: the schemas the model's tables and enums live in (and the current
            // one), unless env.swift chose. A schema only a foreign key or an enum column points
            // into is read for its targets, never compared: its other tables are not the model's.
            if options.schemas == nil {
                options.schemas = Set(
                    [nil] + local.tables.map(\.schema) + local.enums.map(\.schema) + local.sequences.map(\.schema)
                        + local.domains.map(\.schema) + local.compositeTypes.map(\.schema))
            }
            try validate(local, against: database, dialect: PostgresDialect.self)
            let prepared = PreparedModel(local, dialect: PostgresDialect.self, currentSchema: current)
            let questions = Comparer.undecidedDefaults(prepared, database: database, options: options)
            options.serverDefaultAnswers = PostgresDefaultOracle.answers(questions, connection: connection)
            return Comparer.compare(prepared, database: database, options: options)
        case .sqlite(let path):
            var database = Schema(tables: [])
            if let path, !FileManager.default.fileExists(atPath: path) {
                // A new file is an empty database, but only in a folder that exists: upgrade
                // could not create it elsewhere either.
                let folder = (path as NSString).deletingLastPathComponent
                var isFolder: ObjCBool = false
                if !folder.isEmpty,
                    !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder)
                        || !isFolder.boolValue
                {
                    throw IntrospectError.connectionFailed(
                        url: url.description, message: "the folder \(folder) does not exist")
                }
            }
            if path == nil || FileManager.default.fileExists(atPath: path ?? "") {
                let connection = try SQLiteConnection(path: path, create: false)
                database = try SQLiteCatalogReader(connection: connection).read()
            }
            try validate(model, against: database, dialect: SQLiteDialect.self)
            return Comparer.compare(model: model, database: database, dialect: SQLiteDialect.self, options: options)
        }
    }

    /// `model` with every explicit mention of `schema` (tables, enum types, foreign key and
    /// enum column targets) made `nil`, as the catalog reader reports the current schema.
    static func unnamingSchema(_ schema: String, in model: Schema) -> Schema {
        func local(_ name: String?) -> String? { name == schema ? nil : name }
        func localType(_ type: ColumnType) -> ColumnType {
            switch type {
            case .enumeration(let name, let s): return .enumeration(name, schema: local(s))
            case .array(let element): return .array(localType(element))
            default: return type
            }
        }
        var out = model
        for t in out.tables.indices {
            out.tables[t].schema = local(out.tables[t].schema)
            for k in out.tables[t].foreignKeys.indices {
                out.tables[t].foreignKeys[k].referredSchema = local(out.tables[t].foreignKeys[k].referredSchema)
            }
            for c in out.tables[t].columns.indices {
                out.tables[t].columns[c].type = localType(out.tables[t].columns[c].type)
            }
        }
        for e in out.enums.indices { out.enums[e].schema = local(out.enums[e].schema) }
        for s in out.sequences.indices { out.sequences[s].schema = local(out.sequences[s].schema) }
        for d in out.domains.indices { out.domains[d].schema = local(out.domains[d].schema) }
        for c in out.compositeTypes.indices { out.compositeTypes[c].schema = local(out.compositeTypes[c].schema) }
        // Sorted again by (schema, name), as compare expects.
        return Schema(
            tables: out.tables, enums: out.enums, extensions: out.extensions, sequences: out.sequences,
            domains: out.domains,
            compositeTypes: out.compositeTypes,
            catalogObjects: out.catalogObjects)
    }

    /// The schemas other than the default one that `model` names (its tables, enum types,
    /// foreign keys' and enum columns' targets) or `options.schemas` lists, sorted.
    static func schemasNamed(by model: Schema, options: CompareOptions) -> [String] {
        var names = Set(
            model.enums.compactMap(\.schema) + model.sequences.compactMap(\.schema) + model.domains.compactMap(\.schema)
                + model.compositeTypes.compactMap(\.schema))
        for table in model.tables {
            if let schema = table.schema { names.insert(schema) }
            for key in table.foreignKeys { if let schema = key.referredSchema { names.insert(schema) } }
            for column in table.columns {
                switch column.type {
                case .enumeration(_, let schema?), .array(.enumeration(_, let schema?)): names.insert(schema)
                default: break
                }
            }
        }
        for case let schema? in options.schemas ?? [] { names.insert(schema) }
        return names.sorted()
    }

    /// What only the database or the dialect can tell is wrong with the model: names the
    /// dialect would cut, foreign keys to tables that exist nowhere.
    static func validate(_ model: Schema, against database: Schema, dialect: any SchemaDialect.Type)
        throws(ModelError)
    {
        let problems = dialect.identifierProblems(model) + model.foreignKeyTargetProblems(database: database)
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
