import Introspect
import ModelDSL

extension PostgresBackend {
    /// Reads the current schema and every schema the model or the options name, on one
    /// connection that also answers, in one round trip, the default expressions text cannot
    /// decide.
    func compare(model: Schema, url: DatabaseURL, options: CompareOptions) throws -> CompareResult {
        guard case .postgresql(let parts) = url else { preconditionFailure("not a PostgreSQL URL: \(url)") }
        var options = options
        let connection = try PostgresConnection(parts)
        defer { connection.close() }
        let reader = PostgresCatalogReader(connection: connection)
        // The model's explicit name of the current schema is the catalog's `nil`, whichever
        // schema is current (not only `public`).
        let current = try reader.currentSchema()
        var local = Self.unnamingSchema(current, in: model)
        // Read: the current schema and every schema the model or the options name (Alembic's
        // include_schemas), so that a table in `billing` is compared with `billing`'s.
        let named = Self.schemasNamed(by: local, options: options)
        let database = try reader.read(schemas: named, alongsideDefault: true, currentSchema: current)
        options.databaseSchemas = try reader.existingSchemas(named + local.extensions.compactMap(\.schema))
        // Compared whole: the schemas the model's tables and enums live in (and the current
        // one), unless env.swift chose. A schema only a foreign key or an enum column points
        // into is read for its targets, never compared: its other tables are not the model's.
        if options.schemas == nil {
            options.schemas = Set(
                [nil] + local.tables.map(\.schema) + local.enums.map(\.schema) + local.sequences.map(\.schema)
                    + local.domains.map(\.schema) + local.compositeTypes.map(\.schema) + local.views.map(\.schema)
                    + local.functions.map(\.schema) + local.triggers.map(\.schema) + local.policies.map(\.schema))
        }
        try DatabaseComparison.validate(local, against: database, dialect: PostgresDialect.self)
        // The model's changed functions and triggers in the server's spelling, before compare.
        PostgresRoutineNormalizer.normalize(&local, database: database, connection: connection)
        let prepared = PreparedModel(local, dialect: PostgresDialect.self, currentSchema: current)
        let questions = Comparer.undecidedDefaults(prepared, database: database, options: options)
        options.serverDefaultAnswers = PostgresDefaultOracle.answers(questions, connection: connection)
        options.serverViews = PostgresViewNormalizer.forms(model: local, database: database, connection: connection)
        let result = Comparer.compare(prepared, database: database, options: options)
        try DatabaseComparison.checkDependentsKeepTheirTables(local, result)
        return result
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
        for v in out.views.indices { out.views[v].schema = local(out.views[v].schema) }
        for f in out.functions.indices { out.functions[f].schema = local(out.functions[f].schema) }
        for t in out.triggers.indices { out.triggers[t].schema = local(out.triggers[t].schema) }
        for p in out.policies.indices { out.policies[p].schema = local(out.policies[p].schema) }
        // Sorted again by (schema, name), as compare expects.
        return Schema(
            tables: out.tables, enums: out.enums, extensions: out.extensions, sequences: out.sequences,
            domains: out.domains,
            compositeTypes: out.compositeTypes, views: out.views, functions: out.functions, triggers: out.triggers,
            policies: out.policies)
    }

    /// The schemas other than the default one that `model` names (its tables, enum types,
    /// foreign keys' and enum columns' targets) or `options.schemas` lists, sorted.
    static func schemasNamed(by model: Schema, options: CompareOptions) -> [String] {
        var names = Set(
            model.enums.compactMap(\.schema) + model.sequences.compactMap(\.schema) + model.domains.compactMap(\.schema)
                + model.compositeTypes.compactMap(\.schema) + model.views.compactMap(\.schema)
                + model.functions.compactMap(\.schema) + model.triggers.compactMap(\.schema)
                + model.policies.compactMap(\.schema))
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
}
