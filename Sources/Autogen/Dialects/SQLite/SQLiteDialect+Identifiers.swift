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
        for table in schema.tables where table.unlogged {
            problems.append("table \"\(table.qualifiedName)\" is unlogged; SQLite has no unlogged tables")
        }
        for enumType in schema.enums where enumType.schema != nil {
            problems.append(
                "enum \"\(enumType.qualifiedName)\" names a schema; SQLite has none (declare it without `schema:`)")
        }
        for e in schema.extensions {
            problems.append(
                "extension \"\(e.name)\" is a PostgreSQL extension; SQLite has none (load SQLite extensions in env.swift)"
            )
        }
        return problems
    }
}
