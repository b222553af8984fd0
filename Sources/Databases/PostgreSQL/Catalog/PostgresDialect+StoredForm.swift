import ModelDSL

extension PostgresDialect {
    /// The schema PostgreSQL's catalog gives back after `schema` was created from
    /// `createStatements(for:)`. Mostly the schema itself; what changes:
    ///
    /// - identity and serial columns are NOT NULL; serial columns have no default of their own
    ///   (`nextval(...)` belongs to the serial), identity columns neither; `.autoincrement`
    ///   becomes `.byDefault` (it is created as an identity).
    /// - types: `char` is `char(1)`, `numeric(p)` is `numeric(p,0)`; `.raw` names PostgreSQL
    ///   knows are read back as the neutral type (`.raw("int4")` is `.integer`).
    /// - defaults: `.sql` text that is a plain literal reads back as one (`.sql("0")` is
    ///   `.integer(0)`), a `.string` holding a number on a number column reads back as a
    ///   number, a `.decimal` without a fraction as `.integer`.
    /// - foreign keys: `deferrable` is implied by `initiallyDeferred`.
    /// - indexes: an `.expression` that is only a column name is a `.column`; method `btree`
    ///   is `nil`; a unique index and a unique constraint stay distinct.
    /// - unnamed constraints and indexes get PostgreSQL's own names (`t_pkey`, `t_a_b_key`,
    ///   `t_a_fkey`, `t_a_idx`; unnamed checks keep `nil`, which compare must tolerate).
    /// - empty comments are no comments; `defaultSchema`, when named explicitly, is `nil`.
    public static func storedForm(of schema: Schema, defaultSchema: String = defaultSchemaName) -> Schema {
        func local(_ name: String?) -> String? { name == defaultSchema ? nil : name }
        // Few distinct defaults repeat across many columns: parse each once.
        var defaults: [DefaultValue: [ColumnType: DefaultValue]] = [:]
        let tables = schema.tables.map { original -> Table in
            var table = original
            table.schema = local(table.schema)
            table.comment = table.comment.flatMap { $0.isEmpty ? nil : $0 }
            table.columns = table.columns.map { storedColumn($0, defaultSchema: defaultSchema, defaults: &defaults) }
            if var key = table.primaryKey {
                if key.name == nil { key.name = table.name + "_pkey" }
                table.primaryKey = key
                for index in table.columns.indices where key.columns.contains(table.columns[index].name) {
                    table.columns[index].isNullable = false
                }
            }
            table.uniques = table.uniques.map { unique in
                var unique = unique
                if unique.name == nil {
                    unique.name = NamingConvention.shortened(
                        table.name + "_" + unique.columns.joined(separator: "_") + "_key")
                }
                return unique
            }
            table.foreignKeys = table.foreignKeys.map { key in
                var key = key
                key.referredSchema = local(key.referredSchema)
                key.deferrable = key.deferrable || key.initiallyDeferred
                if key.name == nil {
                    key.name = NamingConvention.shortened(
                        table.name + "_" + key.columns.joined(separator: "_") + "_fkey")
                }
                return key
            }
            table.indexes = table.indexes.map { storedIndex($0, on: table.name) }
            return Table(
                name: table.name, schema: table.schema, columns: table.columns, primaryKey: table.primaryKey,
                uniques: table.uniques, foreignKeys: table.foreignKeys, checks: table.checks, indexes: table.indexes,
                comment: table.comment
            ).withTableOptions(of: table)
        }
        let enums = schema.enums.map { enumType -> EnumType in
            var enumType = enumType
            enumType.schema = local(enumType.schema)
            return enumType
        }
        let extensions = schema.extensions.map { Extension($0.name, schema: local($0.schema)) }
        let sequences = schema.sequences.map {
            DatabaseSequence($0.name, schema: local($0.schema), options: $0.options)
        }
        let domains = schema.domains.map { original -> Domain in
            var domain = original
            domain.schema = local(domain.schema)
            domain.baseType = storedType(domain.baseType, defaultSchema: defaultSchema)
            if let value = domain.defaultValue { domain.defaultValue = storedDefault(value, for: domain.baseType) }
            return domain
        }
        let composites = schema.compositeTypes.map { original -> CompositeType in
            var composite = original
            composite.schema = local(composite.schema)
            for i in composite.attributes.indices {
                composite.attributes[i].type = storedType(composite.attributes[i].type, defaultSchema: defaultSchema)
            }
            return composite
        }
        let views = schema.views.map { original -> View in
            var view = original
            view.schema = local(view.schema)
            view.comment = view.comment.flatMap { $0.isEmpty ? nil : $0 }
            view.indexes = view.indexes.map { storedIndex($0, on: view.name) }
            return view
        }
        let functions = schema.functions.map { original -> Function in
            var function = original
            function.schema = local(function.schema)
            function.comment = function.comment.flatMap { $0.isEmpty ? nil : $0 }
            return function
        }
        let triggers = schema.triggers.map { original -> Trigger in
            var trigger = original
            trigger.schema = local(trigger.schema)
            trigger.comment = trigger.comment.flatMap { $0.isEmpty ? nil : $0 }
            return trigger
        }
        return Schema(
            tables: tables, enums: enums, extensions: extensions, sequences: sequences, domains: domains,
            compositeTypes: composites, views: views, functions: functions, triggers: triggers,
            policies: schema.policies.map { original -> Policy in
                var policy = original
                policy.schema = local(policy.schema)
                return policy
            })
    }

    /// An index of table (or materialized view) `owner` as the catalog gives it back.
    static func storedIndex(_ original: Index, on owner: String) -> Index {
        var index = original
        index.method = index.method.flatMap { $0.lowercased() == "btree" ? nil : $0.lowercased() }
        index.elements = index.elements.map { element in
            if case .expression(let sql) = element {
                let tokens = PostgresExpressionLexer.tokens(sql)
                if tokens.count == 1, tokens[0].kind == .word { return .column(tokens[0].text) }
                if tokens.count == 1, tokens[0].kind == .quotedWord { return .column(unquoted(tokens[0].text)) }
            }
            return element
        }
        if index.name == nil {
            index.name = NamingConvention.shortened(
                owner + "_" + index.columnNames.joined(separator: "_") + "_idx")
        }
        return index
    }

    private static func storedColumn(
        _ original: Column, defaultSchema: String, defaults: inout [DefaultValue: [ColumnType: DefaultValue]]
    ) -> Column {
        var column = original
        column.type = storedType(column.type, defaultSchema: defaultSchema)
        column.comment = column.comment.flatMap { $0.isEmpty ? nil : $0 }
        // COLLATE "default" is the type's own: the catalog reads no collation of the column's.
        if column.collation == "default" { column.collation = nil }
        switch column.identity {
        case .autoincrement?:
            column.identity = .byDefault
            fallthrough
        case .always?, .byDefault?, .serial?:
            column.isNullable = false
            column.defaultValue = nil
        case nil:
            if let value = column.defaultValue {
                if let known = defaults[value]?[column.type] {
                    column.defaultValue = known
                } else {
                    let stored = storedDefault(value, for: column.type)
                    defaults[value, default: [:]][column.type] = stored
                    column.defaultValue = stored
                }
            }
        }
        return column
    }

    private static func storedType(_ type: ColumnType, defaultSchema: String) -> ColumnType {
        switch type {
        case .char(nil): return .char(1)
        case .numeric(let p?, nil): return .numeric(p, 0)
        case .numeric(nil, _): return .numeric(nil, nil)
        case .enumeration(let name, let schema):
            return .enumeration(name, schema: schema == defaultSchema ? nil : schema)
        case .array(let element): return .array(storedType(element, defaultSchema: defaultSchema))
        case .raw(let spelling):
            let parsed = ColumnType(parsing: spelling.lowercased())
            if case .raw = parsed { return type }
            return storedType(parsed, defaultSchema: defaultSchema)
        default: return type
        }
    }

    private static func storedDefault(_ value: DefaultValue, for type: ColumnType) -> DefaultValue {
        switch value {
        case .sql(let text): return parseDefault(text, for: type)
        case .string(let text):
            if isNumeric(type), let number = numberDefault(text) { return storedDefault(number, for: type) }
            return value
        case .decimal(let text):
            guard isNumeric(type) else { return value }
            if case .numeric = type { return value }
            // real and double precision print their shortest form: 1.50 -> 1.5, 2.0 -> 2.
            var trimmed = Substring(text)
            if trimmed.contains(".") {
                while trimmed.hasSuffix("0") { trimmed = trimmed.dropLast() }
                if trimmed.hasSuffix(".") { trimmed = trimmed.dropLast() }
            }
            return numberDefault(String(trimmed)) ?? value
        default: return value
        }
    }

    /// `schema` with every expression normalized (`normalizeExpression`): CHECK expressions,
    /// index expressions and predicates, and `.sql` defaults. Compare both sides with it.
    public static func normalizedForComparison(_ schema: Schema) -> Schema {
        schema.mappingExpressions(normalizeExpression)
    }
}
