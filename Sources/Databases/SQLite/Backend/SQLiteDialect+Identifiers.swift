import Introspect
import ModelDSL

/// SQLite has no schemas (namespaces), unlogged tables or PostgreSQL extensions: a model that puts a table or an enum in one is an
/// error before compare, not a `CREATE TABLE "billing"."invoice"` that fails with
/// "unknown database".
extension SQLiteDialect {
    public static func identifierProblems(_ schema: Schema) -> [String] {
        var problems: [String] = []
        for table in schema.tables where table.schema != nil {
            problems.append(
                "table \"\(table.qualifiedName)\" names a schema; SQLite has none (declare it without `schema:`)")
        }
        for table in schema.tables where table.partitionKey != nil || table.partitionOf != nil {
            problems.append("table \"\(table.qualifiedName)\" is partitioned or a partition; SQLite has no partitions")
        }
        for table in schema.tables where !table.exclusions.isEmpty {
            problems.append(
                "table \"\(table.qualifiedName)\" has exclusion constraints; SQLite has none (use a unique index or a trigger)"
            )
        }
        for table in schema.tables where !table.storage.isEmpty {
            problems.append("table \"\(table.qualifiedName)\" has storage parameters; SQLite has none")
        }
        for table in schema.tables {
            for column in table.columns where column.statistics != nil {
                problems.append(
                    "table \"\(table.name)\": column \"\(column.name)\" has a statistics target; SQLite has none")
            }
        }
        for table in schema.tables where table.unlogged {
            problems.append("table \"\(table.qualifiedName)\" is unlogged; SQLite has no unlogged tables")
        }
        for table in schema.tables {
            for key in table.foreignKeys where key.matchFull || key.notValid {
                problems.append(
                    "table \"\(table.name)\": foreign key \"\(key.name ?? "?")\" is \(key.notValid ? "NOT VALID" : "MATCH FULL"); SQLite has no such option"
                )
            }
            for check in table.checks where check.notValid {
                problems.append(
                    "table \"\(table.name)\": check \"\(check.name ?? "?")\" is NOT VALID; SQLite has no such option")
            }
            for unique in table.uniques where unique.nullsNotDistinct {
                problems.append(
                    "table \"\(table.name)\": unique constraint \"\(unique.name ?? "?")\" is NULLS NOT DISTINCT; SQLite has no such option"
                )
            }
            for index in table.indexes {
                var lacking: [String] = []
                if index.keyOptions.contains(where: { $0.opclass != nil }) { lacking.append("operator classes") }
                if index.keyOptions.contains(where: { $0.nullsFirst != nil }) { lacking.append("NULLS FIRST/LAST") }
                if !index.include.isEmpty { lacking.append("INCLUDE") }
                if index.nullsNotDistinct { lacking.append("NULLS NOT DISTINCT") }
                if !index.storage.isEmpty { lacking.append("storage parameters") }
                if !lacking.isEmpty {
                    problems.append(
                        "table \"\(table.name)\": index \"\(index.name ?? "?")\" uses \(lacking.joined(separator: ", ")), which SQLite indexes do not have"
                    )
                }
            }
        }
        for enumType in schema.enums where enumType.schema != nil {
            problems.append(
                "enum \"\(enumType.qualifiedName)\" names a schema; SQLite has none (declare it without `schema:`)")
        }
        for domain in schema.domains {
            problems.append("domain \"\(domain.qualifiedName)\": SQLite has no domains")
        }
        for composite in schema.compositeTypes {
            problems.append("composite type \"\(composite.qualifiedName)\": SQLite has no composite types")
        }
        for sequence in schema.sequences {
            problems.append("sequence \"\(sequence.qualifiedName)\": SQLite has no sequences")
        }
        for table in schema.tables {
            for column in table.columns where column.sequence != nil {
                problems.append(
                    "table \"\(table.name)\": column \"\(column.name)\" has sequence options; SQLite has no sequences")
            }
        }
        for e in schema.extensions {
            problems.append(
                "extension \"\(e.name)\" is a PostgreSQL extension; SQLite has none (load SQLite extensions in env.swift)"
            )
        }
        for table in schema.tables where table.rowLevelSecurity != .off {
            problems.append("table \"\(table.name)\" has row-level security; SQLite has none")
        }
        for policy in schema.policies {
            problems.append("policy \"\(policy.name)\" on \"\(policy.table)\": SQLite has no row-level security")
        }
        for function in schema.functions {
            problems.append("function \"\(function.key)\": SQLite has no stored functions or procedures")
        }
        for trigger in schema.triggers {
            if let problem = triggerProblem(trigger) { problems.append(problem) }
            if trigger.schema != nil {
                problems.append(
                    "trigger \"\(trigger.name)\" names a schema; SQLite has none (declare it without `schema:`)")
            }
        }
        return problems
    }
}
