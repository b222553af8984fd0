import ModelDSL

extension SQLiteDialect {
    /// What SQLite's catalog gives back for a model schema once `createStatements(for:)` has
    /// created it: the value a `SQLiteCatalogReader` returns for it.
    ///
    /// - An enum column becomes TEXT plus a CHECK named `naming.enumCheckName(table:column:)`
    ///   whose expression is `enumCheckExpression` (`"status" IN ('active', 'closed')`); the
    ///   schema has no enum types.
    /// - Types and defaults take their SQLite round trip (`typeSQL` then `columnType`,
    ///   `defaultSQL` then `parseDefault`); arrays become JSON.
    /// - No comments, no schema names (tables, referred tables), no index methods.
    /// - Identity `.always` / `.byDefault` / `.serial` is dropped (an INTEGER PRIMARY KEY is
    ///   SQLite's rowid alias); `.autoincrement` is kept, with type INTEGER, when the column is
    ///   the whole primary key, and dropped otherwise.
    /// - An index expression that is a bare column name becomes that column.
    /// A collation as the catalog reader gives it back: none for BINARY (SQLite's default), the
    /// built-in ones upper-cased (SQLite reads collation names case-insensitively).
    public static func storedCollation(_ name: String?) -> String? {
        guard let name else { return nil }
        switch name.uppercased() {
        case "BINARY": return nil
        case "NOCASE", "RTRIM": return name.uppercased()
        default: return name
        }
    }

    public static func storedForm(of schema: Schema, naming: NamingConvention = .default) -> Schema {
        var enums: [String: EnumType] = [:]
        for enumType in schema.enums { enums[enumType.qualifiedName] = enumType }
        // A schema has few distinct types and defaults: round-trip each once.
        var storedTypes: [ColumnType: ColumnType] = [:]
        var storedDefaults: [DefaultValue: [ColumnType: DefaultValue]] = [:]
        let tables = schema.tables.map { table -> Table in
            var checks = table.checks
            let columns = table.columns.map { original -> Column in
                var column = original
                column.comment = nil
                column.collation = storedCollation(column.collation)
                var type = column.type
                if case .enumeration(let name, let enumSchema) = type,
                    let enumType = enums[enumSchema.map { "\($0).\(name)" } ?? name]
                {
                    checks.append(
                        Check(
                            name: naming.enumCheckName(table: table.name, column: column.name),
                            expression: enumCheckExpression(column: column.name, values: enumType.values)))
                }
                switch column.identity {
                case .autoincrement? where table.primaryKey?.columns == [column.name]: type = .integer
                case .autoincrement?, .always?, .byDefault?, .serial?: column.identity = nil
                case nil: break
                }
                if let known = storedTypes[type] {
                    column.type = known
                } else {
                    let stored = columnType(declared: typeSQL(type))
                    storedTypes[type] = stored
                    column.type = stored
                }
                if let value = column.defaultValue {
                    if let known = storedDefaults[value]?[column.type] {
                        column.defaultValue = known
                    } else {
                        let stored = parseDefault(defaultSQL(value, for: column.type), for: column.type)
                        storedDefaults[value, default: [:]][column.type] = stored
                        column.defaultValue = stored
                    }
                }
                return column
            }
            let foreignKeys = table.foreignKeys.map { key -> ForeignKey in
                var copy = key
                copy.referredSchema = nil
                return copy
            }
            let indexes = table.indexes.map { index -> Index in
                var copy = index
                copy.method = nil
                copy.elements = index.elements.map(storedElement)
                // A key's collation as the parser reads it back (BINARY none, NOCASE upper case).
                for key in copy.keyOptions.indices {
                    var options = copy.keyOptions(at: key)
                    options.collation = storedCollation(options.collation)
                    copy.setKeyOptions(options, at: key)
                }
                return copy
            }
            return Table(
                name: table.name, schema: nil, columns: columns, primaryKey: table.primaryKey, uniques: table.uniques,
                foreignKeys: foreignKeys, checks: checks, indexes: indexes, comment: nil)
        }
        // SQLite keeps a view's statement as written: only comments (which it has none of) go.
        let views = schema.views.map { original -> View in
            var view = original
            view.schema = nil
            view.comment = nil
            return view
        }
        let triggers = schema.triggers.map { original -> Trigger in
            var trigger = original
            trigger.schema = nil
            trigger.comment = nil
            return trigger
        }
        return Schema(
            tables: tables, enums: [], views: views, functions: schema.functions, triggers: triggers,
            policies: schema.policies)
    }

    /// The CHECK expression that stands in for an enum type:
    /// `"status" IN ('active', 'suspended', 'closed')`.
    public static func enumCheckExpression(column: String, values: [String]) -> String {
        quoteIdentifier(column) + " IN (" + values.map(quoteLiteral).joined(separator: ", ") + ")"
    }

    /// An index key as SQLite reports it: an expression that is only a column name is that column.
    static func storedElement(_ element: IndexElement) -> IndexElement {
        guard case .expression(let sql) = element else { return element }
        let list = SQLiteTokenList(sql)
        if list.count == 1, let token = list[0], token.kind == .word || token.kind == .quotedIdentifier {
            return .column(token.value)
        }
        return element
    }
}
