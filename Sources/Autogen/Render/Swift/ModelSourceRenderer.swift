import ModelDSL

/// Renders a whole schema as DSL source, a ready `model.swift`:
///
///     import ModelDSL
///
///     let schema = Schema {
///         Enum("account_status", ["active", "closed"])
///
///         Table("account") {
///             Column("id", .bigint).primaryKey()
///             ...
///         }
///         .comment("...")
///     }
///
/// Names that the default naming convention would give are left out, so the source reads
/// like a hand-written model; every other name is spelled out.
public enum ModelSourceRenderer {
    /// The source of a Swift file declaring `schema` as `let <variable> = Schema { ... }`.
    public static func render(_ schema: Schema, variable: String = "schema", header: String? = nil) -> String {
        var lines: [String] = []
        if let header { lines += header.split(separator: "\n", omittingEmptySubsequences: false).map { "// " + $0 } }
        lines += ["import ModelDSL", "", "let \(variable) = Schema {"]
        var blocks: [[String]] = schema.enums.map { [SwiftSchemaSource.enumType($0)] }
        blocks += schema.tables.map(table)
        for (i, block) in blocks.enumerated() {
            if i > 0 { lines.append("") }
            lines += block.map { "    " + $0 }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `Table("name") { ... }` with its elements, and `.comment(...)` when there is one.
    static func table(_ table: Table) -> [String] {
        let naming = NamingConvention.default
        var head = "Table(\(SwiftLiteral.string(table.name))"
        if let schema = table.schema { head += ", schema: \(SwiftLiteral.string(schema))" }
        var lines = [head + ") {"]
        let key = table.primaryKey
        let conventional =
            key.map { $0.name == nil || $0.name == naming.primaryKeyName(table: table.name, columns: $0.columns) }
            ?? false
        let inlineKey = conventional && key?.columns.count == 1
        for column in table.columns {
            let inKey = key?.columns.contains(column.name) ?? false
            lines.append(
                "    " + SwiftSchemaSource.column(column, inPrimaryKey: inKey, primaryKeyModifier: inlineKey && inKey))
        }
        if let key, !inlineKey {
            lines.append("    " + SwiftSchemaSource.primaryKey(conventional ? PrimaryKey(columns: key.columns) : key))
        }
        for unique in table.uniques {
            let isDefault =
                unique.name == nil || unique.name == naming.uniqueName(table: table.name, columns: unique.columns)
            lines.append(
                "    " + SwiftSchemaSource.unique(isDefault ? Unique(name: nil, columns: unique.columns) : unique))
        }
        for key in table.foreignKeys {
            var copy = key
            if key.name
                == naming.foreignKeyName(table: table.name, columns: key.columns, referredTable: key.referredTable)
            {
                copy.name = nil
            }
            lines.append("    " + SwiftSchemaSource.foreignKey(copy))
        }
        lines += table.checks.map { "    " + SwiftSchemaSource.check($0) }
        for index in table.indexes {
            var copy = index
            if index.name == naming.indexName(table: table.name, elements: index.elements) { copy.name = nil }
            lines.append("    " + SwiftSchemaSource.index(copy))
        }
        lines.append("}" + (table.comment.map { "\n.comment(\(SwiftLiteral.string($0)))" } ?? ""))
        return lines.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    }
}
