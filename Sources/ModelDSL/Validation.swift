extension Schema {
    /// Throws a `ModelError` when the schema contradicts itself.
    public func validate() throws(ModelError) {
        let found = problems()
        if !found.isEmpty { throw ModelError(problems: found) }
    }

    /// Every contradiction in the schema, one line each, naming the table and column:
    /// duplicate tables, columns, enums, extensions or names; constraints and indexes on columns that do
    /// not exist; two primary keys; enum columns whose enum is not declared.
    public func problems() -> [String] {
        var problems: [String] = []
        var tableNames = Set<String>()
        var tablesByName: [String: Table] = [:]
        for table in tables {
            if table.name.isEmpty { problems.append("a table has an empty name") }
            if table.schema == "" { problems.append("table \"\(table.name)\" has an empty schema name") }
            if !tableNames.insert(table.qualifiedName).inserted {
                problems.append("table \"\(table.qualifiedName)\" is declared twice")
            }
            tablesByName[table.qualifiedName] = table
        }
        var enumNames = Set<String>()
        for enumType in enums {
            if !enumNames.insert(enumType.qualifiedName).inserted {
                problems.append("enum \"\(enumType.qualifiedName)\" is declared twice")
            }
            var seen = Set<String>()
            for value in enumType.values where !seen.insert(value).inserted {
                problems.append("enum \"\(enumType.qualifiedName)\": value \"\(value)\" is listed twice")
            }
            if enumType.values.isEmpty {
                problems.append("enum \"\(enumType.qualifiedName)\" has no values")
            }
        }
        var sequenceNames = Set<String>()
        for sequence in sequences {
            let label = "sequence \"\(sequence.qualifiedName)\""
            if sequence.name.isEmpty { problems.append("a sequence has an empty name") }
            if !sequenceNames.insert(sequence.qualifiedName).inserted { problems.append("\(label) is declared twice") }
            problems += sequence.options.problems(defaultType: .bigint).map { "\(label): " + $0 }
        }
        var typeNames = Set(enums.map(\.qualifiedName))
        for domain in domains where !typeNames.insert(domain.qualifiedName).inserted {
            problems.append("type \"\(domain.qualifiedName)\" is declared twice")
        }
        for composite in compositeTypes {
            if !typeNames.insert(composite.qualifiedName).inserted {
                problems.append("type \"\(composite.qualifiedName)\" is declared twice")
            }
            if composite.attributes.isEmpty {
                problems.append("composite type \"\(composite.qualifiedName)\" has no attributes")
            }
            var attributeNames = Set<String>()
            for attribute in composite.attributes where !attributeNames.insert(attribute.name).inserted {
                problems.append(
                    "composite type \"\(composite.qualifiedName)\": attribute \"\(attribute.name)\" is declared twice")
            }
        }
        var extensionNames = Set<String>()
        for e in extensions {
            if e.name.isEmpty { problems.append("an extension has an empty name") }
            if e.schema == "" { problems.append("extension \"\(e.name)\" has an empty schema name") }
            if !extensionNames.insert(e.name).inserted {
                problems.append("extension \"\(e.name)\" is declared twice")
            }
        }
        for table in tables {
            guard let parent = table.partitionOf else { continue }
            let label = "table \"\(table.qualifiedName)\""
            if !table.columns.isEmpty {
                problems.append("\(label) is a partition and declares columns; a partition has its parent's")
            }
            let parentName = (parent.schema ?? table.schema).map { "\($0).\(parent.table)" } ?? parent.table
            if let declared = tablesByName[parentName] {
                if declared.partitionKey == nil {
                    problems.append("\(label) is a partition of \"\(parentName)\", which is not partitioned")
                }
            } else {
                problems.append("\(label) is a partition of \"\(parentName)\", which the schema does not declare")
            }
        }
        var relationNames: [String: String] = [:]
        for table in tables {
            let prefix = "table \"\(table.qualifiedName)\": "
            problems += table.declarationProblems.map { prefix + $0 }
            // A partition's keys and indexes name its parent's columns.
            var checked = table
            if let parent = table.partitionOf, table.columns.isEmpty {
                let parentName = (parent.schema ?? table.schema).map { "\($0).\(parent.table)" } ?? parent.table
                checked.columns = tablesByName[parentName]?.columns ?? []
                if tablesByName[parentName] == nil { checked = Table(name: table.name, columns: []) }
            }
            problems += checked.problems(enums: enumNames, tables: tablesByName).map { prefix + $0 }
            // Indexes and the indexes behind primary keys and unique constraints share one
            // namespace per schema on PostgreSQL.
            var relations: [String] = []
            if let name = table.primaryKey?.name { relations.append(name) }
            relations += table.uniques.compactMap(\.name)
            relations += table.indexes.compactMap(\.name)
            for name in relations {
                let key = (table.schema ?? "") + "." + name
                if let other = relationNames[key] {
                    problems.append(prefix + "the name \"\(name)\" is already used by \(other)")
                } else {
                    relationNames[key] = "table \"\(table.qualifiedName)\""
                }
            }
        }
        return problems
    }
}

extension Table {
    /// Contradictions inside one table, without the table prefix.
    func problems(enums: Set<String>, tables: [String: Table]) -> [String] {
        var problems: [String] = []
        var names = Set<String>()
        for column in columns {
            if column.name.isEmpty { problems.append("a column has an empty name") }
            if !names.insert(column.name).inserted {
                problems.append("column \"\(column.name)\" is declared twice")
            }
            // PostgreSQL keeps 0 to 10,000 (it lowers a larger target with a warning, and -1 is
            // its default): any other value would never read back as written.
            if let target = column.statistics, !(0...10_000).contains(target) {
                problems.append(
                    "column \"\(column.name)\": statistics target \(target) is outside 0...10000 (leave it out for the server's default)"
                )
            }
            if case .enumeration(let name, let schema) = column.type {
                let qualified = schema.map { "\($0).\(name)" } ?? name
                if !enums.contains(qualified) {
                    problems.append(
                        "column \"\(column.name)\" uses enum \"\(qualified)\", which the schema does not declare")
                }
            }
            if let options = column.sequence {
                if column.identity == nil || column.identity == .autoincrement {
                    problems.append(
                        "column \"\(column.name)\" has sequence options but is neither an identity nor a serial column")
                }
                problems += options.problems(defaultType: column.type).map { "column \"\(column.name)\": " + $0 }
                if options.type != nil, column.identity == .always || column.identity == .byDefault {
                    problems.append(
                        "column \"\(column.name)\": an identity's sequence has the column's type; change the column's type instead of the sequence's"
                    )
                }
            }
            if let identity = column.identity {
                switch column.type {
                case .smallint, .integer, .bigint: break
                default:
                    problems.append(
                        "column \"\(column.name)\" is \(identity.rawValue) but its type \(column.type) is not an integer type"
                    )
                }
            }
        }
        func missing(_ columns: [String], in what: String) {
            for column in columns where !names.contains(column) {
                problems.append("\(what) names column \"\(column)\", which the table does not have")
            }
        }
        if let key = primaryKey {
            missing(key.columns, in: "the primary key")
            if key.columns.isEmpty { problems.append("the primary key has no columns") }
        }
        for unique in uniques {
            missing(unique.columns, in: "unique constraint \"\(unique.name ?? "?")\"")
        }
        for index in indexes {
            let label = "index \"\(index.name ?? "?")\""
            missing(index.columnNames, in: label)
            missing(index.include, in: label + " (INCLUDE)")
            if index.elements.isEmpty { problems.append("\(label) has no columns") }
            for key in index.unknownKeys {
                problems.append("\(label): .key(\"\(key)\") names no key of the index")
            }
            if !index.keyOptions.isEmpty && index.keyOptions.count != index.elements.count {
                problems.append(
                    "\(label) has \(index.elements.count) key(s) but options for \(index.keyOptions.count)")
            }
        }
        var constraintNames = Set<String>()
        for name in foreignKeys.compactMap(\.name) + checks.compactMap(\.name)
        where !constraintNames.insert(name).inserted {
            problems.append("the constraint name \"\(name)\" is used twice")
        }
        for key in foreignKeys {
            let label = "foreign key \"\(key.name ?? "?")\""
            missing(key.columns, in: label)
            if key.columns.count != key.referredColumns.count {
                problems.append(
                    "\(label) has \(key.columns.count) column(s) but refers to \(key.referredColumns.count)")
            }
            let referred = key.referredSchema.map { "\($0).\(key.referredTable)" } ?? key.referredTable
            if let target = tables[referred] {
                for column in key.referredColumns where target.column(column) == nil {
                    problems.append("\(label) refers to \"\(referred).\(column)\", which does not exist")
                }
            }
        }
        return problems
    }
}

extension Schema {
    /// Foreign keys of the model that refer to a table neither the model nor `database`
    /// holds: the database would refuse the migration that creates them. A table in a schema
    /// `database` was not read from is not judged.
    public func foreignKeyTargetProblems(database: Schema) -> [String] {
        let known = Set(tables.map(\.qualifiedName) + database.tables.map(\.qualifiedName))
        let readSchemas = Set(database.tables.map(\.schema) + tables.map(\.schema))
        var problems: [String] = []
        for table in tables {
            for key in table.foreignKeys where readSchemas.contains(key.referredSchema) || key.referredSchema == nil {
                let referred = key.referredSchema.map { "\($0).\(key.referredTable)" } ?? key.referredTable
                if !known.contains(referred) {
                    problems.append(
                        "table \"\(table.qualifiedName)\": foreign key \"\(key.name ?? "?")\" refers to table \"\(referred)\", which is neither in the model nor in the database"
                    )
                }
            }
        }
        return problems
    }
}

extension SequenceOptions {
    /// What PostgreSQL would refuse in these options, one line each.
    func problems(defaultType: ColumnType) -> [String] {
        var problems: [String] = []
        if let type, ![.smallint, .integer, .bigint].contains(type) {
            problems.append("a sequence is smallint, integer or bigint, not \(type)")
            return problems
        }
        let resolved = self.resolved(defaultType: defaultType)
        if resolved.increment == 0 { problems.append("the increment is 0") }
        if resolved.minValue >= resolved.maxValue {
            problems.append("the minimum \(resolved.minValue) is not below the maximum \(resolved.maxValue)")
        }
        if resolved.start < resolved.minValue || resolved.start > resolved.maxValue {
            problems.append(
                "the start \(resolved.start) is outside \(resolved.minValue)...\(resolved.maxValue)")
        }
        if resolved.cache < 1 { problems.append("the cache is \(resolved.cache), below 1") }
        return problems
    }
}
