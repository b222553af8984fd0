extension Schema {
    /// The schema with every SQL expression it holds (CHECK expressions, index expressions,
    /// partial-index predicates and `.sql` defaults) passed through `transform`: how a
    /// dialect puts a model and a catalog read into one spelling before comparing them.
    public func mappingExpressions(_ transform: (String) -> String) -> Schema {
        let tables = tables.map { table -> Table in
            let columns = table.columns.map { column -> Column in
                var copy = column
                if case .sql(let text)? = column.defaultValue { copy.defaultValue = .sql(transform(text)) }
                return copy
            }
            let checks = table.checks.map { Check(name: $0.name, expression: transform($0.expression)) }
            let indexes = table.indexes.map { index -> Index in
                var copy = index
                copy.elements = index.elements.map { element in
                    if case .expression(let sql) = element { return .expression(transform(sql)) }
                    return element
                }
                copy.predicate = index.predicate.map(transform)
                return copy
            }
            return Table(
                name: table.name, schema: table.schema, columns: columns, primaryKey: table.primaryKey,
                uniques: table.uniques, foreignKeys: table.foreignKeys, checks: checks, indexes: indexes,
                comment: table.comment
            ).withTableOptions(of: table)
        }
        let domains = domains.map { domain -> Domain in
            var copy = domain
            copy.checks = domain.checks.map { check in
                var mapped = check
                mapped.expression = transform(check.expression)
                return mapped
            }
            return copy
        }
        return Schema(
            tables: tables, enums: enums, extensions: extensions, sequences: sequences, domains: domains,
            compositeTypes: compositeTypes, views: views, functions: functions, triggers: triggers,
            policies: policies)
    }
}
