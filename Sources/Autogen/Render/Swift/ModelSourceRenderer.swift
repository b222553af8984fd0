import ModelDSL

/// Renders a whole schema as DSL source, a ready `model.swift`:
///
///     import ModelDSL
///
///     let schema: Schema = Schema {
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
///
/// A schema of more than `inlineTableLimit` tables declares each table as a constant of its
/// own and lists the constants in `Schema { ... }`: the compiler type-checks one builder
/// expression as a whole, in time that grows with the square of its size (1,000 inline tables
/// take most of an hour; as constants, 15 seconds).
public enum ModelSourceRenderer {
    /// The most tables written inside `Schema { ... }` itself.
    public static let inlineTableLimit = 10

    /// The source of a Swift file declaring `schema` as `let <variable>: Schema = Schema { ... }`.
    public static func render(_ schema: Schema, variable: String = "schema", header: String? = nil) -> String {
        var lines: [String] = []
        if let header { lines += header.split(separator: "\n", omittingEmptySubsequences: false).map { "// " + $0 } }
        lines += ["import ModelDSL", ""]
        var blocks: [[String]] = schema.extensions.map { [SwiftSchemaSource.extension($0)] }
        blocks += schema.enums.map { [SwiftSchemaSource.enumType($0)] }
        blocks += schema.sequences.map { [SwiftSchemaSource.sequence($0)] }
        blocks += schema.domains.map { [SwiftSchemaSource.domain($0)] }
        blocks += schema.compositeTypes.map { [SwiftSchemaSource.compositeType($0)] }
        // Bodies and queries as multi-line literals, indented under their declaration.
        func split(_ text: String) -> [String] {
            text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        blocks += schema.functions.map { split(SwiftRoutineSource.function($0, multilineIndent: "    ")) }
        if schema.tables.count > inlineTableLimit {
            var used: Set<String> = [variable]
            let names = schema.tables.map { constantName(for: $0, avoiding: &used) }
            for (name, declared) in zip(names, schema.tables) {
                var declaration = table(declared)
                declaration[0] = "private let \(name) = " + declaration[0]
                lines += declaration + [""]
            }
            blocks += names.map { [$0] }
        } else {
            blocks += schema.tables.map(table)
        }
        // After the tables they read, each after the views it reads.
        blocks += ViewOrder(schema.views).views.map { split(SwiftSchemaSource.view($0, multilineIndent: "    ")) }
        blocks += schema.triggers.map { split(SwiftRoutineSource.trigger($0, multilineIndent: "    ")) }
        blocks += schema.policies.map { [SwiftRoutineSource.policy($0)] }
        // Typed: the other files of the environment then use `schema` without type-checking
        // its builder (a new revision compiles in a second instead of three at 300 tables).
        lines.append("let \(variable): Schema = Schema {")
        for (i, block) in blocks.enumerated() {
            if i > 0 && (block.count > 1 || blocks[i - 1].count > 1) { lines.append("") }
            lines += block.map { $0.isEmpty ? "" : "    " + $0 }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A Swift identifier for a table's constant: its schema and name in lower camel case,
    /// then `Table` (`audit.login_event` is `auditLoginEventTable`), made unique in `used`.
    static func constantName(for table: Table, avoiding used: inout Set<String>) -> String {
        let words = upperCamelCase(([table.schema].compactMap { $0 } + [table.name]).joined(separator: "_"))
        var name = words.prefix(1).lowercased() + words.dropFirst() + (words.isEmpty ? "table" : "Table")
        if name.first?.isNumber ?? false { name = "t" + name }
        var unique = name
        var counter = 2
        while used.contains(unique) {
            unique = "\(name)\(counter)"
            counter += 1
        }
        used.insert(unique)
        return unique
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
                "    "
                    + SwiftSchemaSource.unique(
                        isDefault
                            ? Unique(name: nil, columns: unique.columns).nullsNotDistinct(unique.nullsNotDistinct)
                            : unique))
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
        lines += table.exclusions.map { "    " + SwiftSchemaSource.exclusion($0) }
        for index in table.indexes {
            var copy = index
            if index.name == naming.indexName(table: table.name, elements: index.elements) { copy.name = nil }
            lines.append("    " + SwiftSchemaSource.index(copy))
        }
        lines.append(
            "}" + (table.comment.map { "\n.comment(\(SwiftLiteral.string($0)))" } ?? "")
                + (table.unlogged ? "\n.unlogged()" : "")
                + rowLevelSecurity(table.rowLevelSecurity)
                + table.storage.sorted(by: { $0.key < $1.key }).map {
                    "\n.with(\(SwiftLiteral.string($0.key)), \(SwiftLiteral.string($0.value)))"
                }.joined()
                + (table.partitionKey.map { "\n.partitioned(by: \(SwiftLiteral.string($0)))" } ?? "")
                + (table.partitionOf.map { p in
                    "\n.partition(of: \(SwiftLiteral.string(p.table))"
                        + (p.schema.map { ", schema: \(SwiftLiteral.string($0))" } ?? "")
                        + ", \(SwiftLiteral.string(p.bound)))"
                } ?? ""))
        return lines.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
    }

    /// `.rowLevelSecurity()`, `.rowLevelSecurity(force: true)`, or nothing when off.
    static func rowLevelSecurity(_ security: RowLevelSecurity) -> String {
        switch (security.enabled, security.forced) {
        case (false, false): return ""
        case (true, false): return "\n.rowLevelSecurity()"
        case (true, true): return "\n.rowLevelSecurity(force: true)"
        case (false, true): return "\n.rowLevelSecurity(false, force: true)"
        }
    }
}
