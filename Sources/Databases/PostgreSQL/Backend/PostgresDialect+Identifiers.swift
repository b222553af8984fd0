import Introspect
import ModelDSL

/// PostgreSQL keeps at most 63 bytes of a name (`NAMEDATALEN - 1`) and cuts a longer one with
/// only a NOTICE, after which the catalog never matches the model: `check` would ask to
/// create the long name and drop the cut one for ever. So a longer name is a model error.
extension PostgresDialect {
    public static let maxIdentifierBytes = 63

    public static func identifierProblems(_ schema: Schema) -> [String] {
        var problems: [String] = []
        func check(_ name: String?, _ what: String) {
            guard let name else { return }
            let bytes = name.utf8.count
            if bytes > maxIdentifierBytes {
                problems.append(
                    "\(what) is \(bytes) bytes long; PostgreSQL keeps \(maxIdentifierBytes) and would cut it to \"\(truncated(name))\""
                )
            }
        }
        for e in schema.extensions { check(e.schema, "schema name \"\(e.schema ?? "")\"") }
        for domain in schema.domains {
            check(domain.schema, "schema name \"\(domain.schema ?? "")\"")
            check(domain.name, "domain \"\(domain.name)\"")
        }
        for composite in schema.compositeTypes {
            check(composite.schema, "schema name \"\(composite.schema ?? "")\"")
            check(composite.name, "composite type \"\(composite.name)\"")
        }
        for sequence in schema.sequences {
            check(sequence.schema, "schema name \"\(sequence.schema ?? "")\"")
            check(sequence.name, "sequence \"\(sequence.name)\"")
        }
        for enumType in schema.enums {
            check(enumType.schema, "schema name \"\(enumType.schema ?? "")\"")
            check(enumType.name, "enum \"\(enumType.name)\"")
        }
        for table in schema.tables {
            let prefix = "table \"\(table.qualifiedName)\""
            check(table.schema, "schema name \"\(table.schema ?? "")\"")
            check(table.name, prefix)
            for column in table.columns { check(column.name, "\(prefix): column \"\(column.name)\"") }
            check(table.primaryKey?.name, "\(prefix): primary key \"\(table.primaryKey?.name ?? "")\"")
            for unique in table.uniques { check(unique.name, "\(prefix): unique constraint \"\(unique.name ?? "")\"") }
            for key in table.foreignKeys { check(key.name, "\(prefix): foreign key \"\(key.name ?? "")\"") }
            for constraint in table.checks { check(constraint.name, "\(prefix): check \"\(constraint.name ?? "")\"") }
            for index in table.indexes { check(index.name, "\(prefix): index \"\(index.name ?? "")\"") }
        }
        for function in schema.functions {
            check(function.name, "function \"\(function.key)\"")
            if ["c", "internal"].contains(function.language.lowercased()) {
                problems.append(
                    "function \"\(function.key)\" is in language \(function.language), which autogen does not model: create it with op.execute in a revision"
                )
            }
            if function.kind == .function, (function.returns ?? "").isEmpty {
                problems.append("function \"\(function.key)\" returns nothing: write returns: \"void\"")
            }
        }
        for trigger in schema.triggers {
            check(trigger.name, "trigger \"\(trigger.name)\"")
            if trigger.function == nil || trigger.body != nil {
                problems.append(
                    "trigger \"\(trigger.name)\" on \"\(trigger.qualifiedTable)\" holds a body; a PostgreSQL trigger executes a function (execute:)"
                )
            }
            if trigger.events.isEmpty {
                problems.append("trigger \"\(trigger.name)\" on \"\(trigger.qualifiedTable)\" fires on no event")
            }
        }
        return problems
    }

    /// The first 63 bytes of `name`, on a character boundary, as PostgreSQL keeps it.
    static func truncated(_ name: String) -> String {
        var out = ""
        for character in name {
            if out.utf8.count + String(character).utf8.count > maxIdentifierBytes { break }
            out.append(character)
        }
        return out
    }
}
