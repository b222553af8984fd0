import ModelDSL

/// Renders ops as the Swift statements of a revision body, calling the operations API that
/// revision files use (which reuses the DSL builders). Deterministic: the same ops give the
/// same text.
public enum SwiftRenderer {
    /// The statements for `ops`, one per op (multi-line for `createTable`), each line
    /// prefixed with `indent`; an empty string when there are no ops.
    public static func render(_ ops: [MigrationOp], indent: String = "") -> String {
        ops.flatMap(lines).map { $0.isEmpty ? "" : indent + $0 }.joined(separator: "\n")
    }

    /// The same, with comment lines before some ops (`comments[i]` before op `i`): the
    /// hazards `revision --autogenerate` writes next to the op they concern.
    public static func render(_ ops: [MigrationOp], comments: [Int: [String]], indent: String = "") -> String {
        ops.enumerated().flatMap { index, op in
            // One line each: a default expression in a hazard's text may span lines.
            (comments[index] ?? []).map { "// " + $0.split(whereSeparator: \.isNewline).joined(separator: " ") }
                + lines(op)
        }
        .map { $0.isEmpty ? "" : indent + $0 }.joined(separator: "\n")
    }

    /// The lines of one op, without indentation.
    static func lines(_ op: MigrationOp) -> [String] {
        switch op {
        case .createTable(let table): return createTable(table)
        case .dropTable(let table): return ["try op.dropTable(\(str(table.name))\(schema(table.schema)))"]
        case .renameTable(let t, let newName):
            return ["try op.renameTable(\(str(t.name)), to: \(str(newName))\(schema(t.schema)))"]
        case .addColumn(let t, let column):
            return ["try op.addColumn(\(str(t.name)), \(SwiftSchemaSource.column(column))\(schema(t.schema)))"]
        case .dropColumn(let t, let column):
            return ["try op.dropColumn(\(str(t.name)), \(str(column.name))\(schema(t.schema)))"]
        case .alterColumn(let a): return [alterColumn(a)]
        case .createIndex(let t, let index, let concurrently):
            return [
                "try op.createIndex(\(SwiftSchemaSource.index(index)), on: \(str(t.name))\(schema(t.schema))\(concurrent(concurrently)))"
            ]
        case .dropIndex(let t, let index, let concurrently):
            if let name = index.name {
                return [
                    "try op.dropIndex(\(str(name)), on: \(str(t.name))\(schema(t.schema))\(concurrent(concurrently)))"
                ]
            }
            return [
                "try op.dropIndex(matching: \(SwiftSchemaSource.index(index)), on: \(str(t.name))\(schema(t.schema)))"
            ]
        case .addPrimaryKey(let t, let key):
            return [
                "try op.createPrimaryKey(\(SwiftSchemaSource.primaryKey(key)), on: \(str(t.name))\(schema(t.schema)))"
            ]
        case .dropPrimaryKey(let t, let key):
            return [dropConstraint(key.name, type: "primaryKey", matching: SwiftSchemaSource.primaryKey(key), t)]
        case .addUnique(let t, let unique):
            return [
                "try op.createUniqueConstraint(\(SwiftSchemaSource.unique(unique)), on: \(str(t.name))\(schema(t.schema)))"
            ]
        case .dropUnique(let t, let unique):
            return [dropConstraint(unique.name, type: "unique", matching: SwiftSchemaSource.unique(unique), t)]
        case .addForeignKey(let t, let key):
            return [
                "try op.createForeignKey(\(SwiftSchemaSource.foreignKey(key)), on: \(str(t.name))\(schema(t.schema)))"
            ]
        case .dropForeignKey(let t, let key):
            return [dropConstraint(key.name, type: "foreignKey", matching: SwiftSchemaSource.foreignKey(key), t)]
        case .addCheck(let t, let check):
            return [
                "try op.createCheckConstraint(\(SwiftSchemaSource.check(check)), on: \(str(t.name))\(schema(t.schema)))"
            ]
        case .dropCheck(let t, let check):
            return [dropConstraint(check.name, type: "check", matching: SwiftSchemaSource.check(check), t)]
        case .addExclusion(let t, let e):
            return [
                "try op.createExclusionConstraint(\(SwiftSchemaSource.exclusion(e)), on: \(str(t.name))\(schema(t.schema)))"
            ]
        case .dropExclusion(let t, let e):
            return [
                "try op.dropExclusionConstraint(\(SwiftSchemaSource.exclusion(e)), on: \(str(t.name))\(schema(t.schema)))"
            ]
        case .setConstraintValidated(let t, let constraint, let change, let separately):
            let call = change.to ? "validateConstraint" : "invalidateConstraint"
            let value: String
            switch constraint {
            case .check(let c): value = SwiftSchemaSource.check(c)
            case .foreignKey(let k): value = SwiftSchemaSource.foreignKey(k)
            }
            let apart = separately && change.to ? ", separately: true" : ""
            return ["try op.\(call)(\(value), on: \(str(t.name))\(schema(t.schema))\(apart))"]
        case .createSchema(let name): return ["try op.createSchema(\(str(name)))"]
        case .dropSchema(let name): return ["try op.dropSchema(\(str(name)))"]
        case .createDomain(let d): return ["try op.createDomain(\(SwiftSchemaSource.domain(d)))"]
        case .dropDomain(let d): return ["try op.dropDomain(\(str(d.name))\(schema(d.schema)))"]
        case .alterDomain(let change):
            return [
                "try op.alterDomain(\(SwiftSchemaSource.domain(change.to)), existing: \(SwiftSchemaSource.domain(change.from)))"
            ]
        case .createCompositeType(let c): return ["try op.createCompositeType(\(SwiftSchemaSource.compositeType(c)))"]
        case .dropCompositeType(let c): return ["try op.dropCompositeType(\(str(c.name))\(schema(c.schema)))"]
        case .alterCompositeType(let change):
            return [
                "try op.alterCompositeType(\(SwiftSchemaSource.compositeType(change.to)), existing: \(SwiftSchemaSource.compositeType(change.from)))"
            ]
        case .createFunction, .dropFunction, .replaceFunction, .renameFunction, .createTrigger, .dropTrigger,
            .replaceTrigger, .renameTrigger, .createPolicy, .dropPolicy, .replacePolicy, .renamePolicy:
            return SwiftRoutineSource.lines(op) ?? []
        case .createView(let v): return ["try op.createView(\(SwiftSchemaSource.view(v)))"]
        case .dropView(let v):
            return ["try op.dropView(\(str(v.name))\(schema(v.schema))\(v.materialized ? ", materialized: true" : ""))"]
        case .replaceView(let change):
            return [
                "try op.replaceView(\(SwiftSchemaSource.view(change.to)), existing: \(SwiftSchemaSource.view(change.from)))"
            ]
        case .renameView(let v, let newName):
            return [
                "try op.renameView(\(str(v.name)), to: \(str(newName))\(schema(v.schema))\(v.materialized ? ", materialized: true" : ""))"
            ]
        case .createSequence(let s): return ["try op.createSequence(\(SwiftSchemaSource.sequence(s)))"]
        case .dropSequence(let s): return ["try op.dropSequence(\(str(s.name))\(schema(s.schema)))"]
        case .alterSequence(let s, let change):
            var from = s
            from.options = change.from
            var to = s
            to.options = change.to
            return [
                "try op.alterSequence(\(SwiftSchemaSource.sequence(to)), existing: \(SwiftSchemaSource.sequence(from)))"
            ]
        case .createExtension(let e): return ["try op.createExtension(\(str(e.name))\(schema(e.schema)))"]
        case .dropExtension(let e): return ["try op.dropExtension(\(str(e.name)))"]
        case .createEnum(let e): return ["try op.createEnum(\(SwiftSchemaSource.enumType(e)))"]
        case .dropEnum(let e): return ["try op.dropEnum(\(str(e.name))\(schema(e.schema)))"]
        case .alterEnum(let e, let values, let uses):
            let columns = uses.map { use in
                (use.table.schema.map { "\($0)." } ?? "") + use.table.name + "." + use.column
            }
            return [
                "try op.alterEnum(\(str(e.name)), values: \(SwiftLiteral.strings(values.to)), existingValues: \(SwiftLiteral.strings(values.from)), columns: \(SwiftLiteral.strings(columns))\(schema(e.schema)))"
            ]
        case .setTableStorage(let t, let change):
            return [
                "try op.setTableStorage(\(str(t.name)), \(Self.dictionary(change.to)), existing: \(Self.dictionary(change.from))\(schema(t.schema)))"
            ]
        case .setRowLevelSecurity(let t, let change):
            return [
                "try op.setRowLevelSecurity(\(str(t.name)), \(SwiftRoutineSource.rowLevelSecurity(change.to)), existing: \(SwiftRoutineSource.rowLevelSecurity(change.from))\(schema(t.schema)))"
            ]
        case .setTableUnlogged(let t, let change):
            return ["try op.setTableUnlogged(\(str(t.name)), \(change.to)\(schema(t.schema)))"]
        case .setTableComment(let t, let change):
            return [
                "try op.setTableComment(\(str(t.name)), \(change.to.map(str) ?? "nil"), existing: \(change.from.map(str) ?? "nil")\(schema(t.schema)))"
            ]
        case .execute(let sql, _): return ["try op.execute(\(str(sql)))"]
        case .bulkInsert(let t, let columns, let rows):
            return [
                "try op.bulkInsert(\(str(t.name)), columns: \(SwiftLiteral.strings(columns)), rows: \(rowsSource(rows))\(schema(t.schema)))"
            ]
        case .bulkDelete(let t, let columns, let rows):
            return [
                "try op.bulkDelete(\(str(t.name)), columns: \(SwiftLiteral.strings(columns)), rows: \(rowsSource(rows))\(schema(t.schema)))"
            ]
        }
    }

    private static func createTable(_ table: Table) -> [String] {
        var head = "try op.createTable(\(str(table.name))\(schema(table.schema))"
        if let comment = table.comment { head += ", comment: \(str(comment))" }
        if table.unlogged { head += ", unlogged: true" }
        if !table.storage.isEmpty { head += ", storage: \(Self.dictionary(table.storage))" }
        if let key = table.partitionKey { head += ", partitionedBy: \(str(key))" }
        if let parent = table.partitionOf {
            head += ", partitionOf: \(str(parent.table))"
            if let schema = parent.schema { head += ", parentSchema: \(str(schema))" }
            head += ", bound: \(str(parent.bound))"
        }
        head += ") {"
        var body: [String] = []
        let key = table.primaryKey
        let conventional =
            key.map {
                $0.name == nil
                    || $0.name == NamingConvention.default.primaryKeyName(table: table.name, columns: $0.columns)
            } ?? false
        let inlineKey = conventional && key?.columns.count == 1
        for column in table.columns {
            let inKey = key?.columns.contains(column.name) ?? false
            body.append(SwiftSchemaSource.column(column, inPrimaryKey: inKey, primaryKeyModifier: inlineKey && inKey))
        }
        if let key, !inlineKey {
            body.append(SwiftSchemaSource.primaryKey(conventional ? PrimaryKey(columns: key.columns) : key))
        }
        body += table.uniques.map(SwiftSchemaSource.unique)
        body += table.foreignKeys.map(SwiftSchemaSource.foreignKey)
        body += table.checks.map(SwiftSchemaSource.check)
        body += table.exclusions.map(SwiftSchemaSource.exclusion)
        body += table.indexes.map(SwiftSchemaSource.index)
        return [head] + body.map { "    " + $0 } + ["}"]
    }

    private static func alterColumn(_ a: ColumnAlteration) -> String {
        var args = ["\(str(a.table.name))", str(a.existing.name)]
        if let name = a.name { args.append("newName: \(str(name.to))") }
        if let type = a.type { args.append("type: \(SwiftLiteral.type(type.to))") }
        if let nullable = a.nullable { args.append("nullable: \(nullable.to)") }
        if let change = a.defaultValue {
            args.append("default: " + (change.to.map { ".set(\(SwiftLiteral.defaultValue($0)))" } ?? ".drop"))
        }
        if let change = a.comment { args.append("comment: " + (change.to.map { ".set(\(str($0)))" } ?? ".drop")) }
        if let change = a.identity {
            args.append("identity: " + (change.to.map { ".set(\(SwiftLiteral.identity($0)))" } ?? ".drop"))
        }
        if let change = a.sequence {
            args.append("sequence: " + (change.to.map { ".set(\(SwiftSchemaSource.sequenceOptions($0)))" } ?? ".drop"))
        }
        if let change = a.collation {
            args.append("collation: " + (change.to.map { ".set(\(str($0)))" } ?? ".drop"))
        }
        if let change = a.statistics { args.append("statistics: " + (change.to.map { ".set(\($0))" } ?? ".drop")) }
        if let schema = a.table.schema { args.append("schema: \(str(schema))") }
        args.append("existing: \(SwiftSchemaSource.column(a.existing))")
        return "try op.alterColumn(" + args.joined(separator: ", ") + ")"
    }

    private static func dropConstraint(_ name: String?, type: String, matching: String, _ t: TableRef) -> String {
        guard let name else {
            return "try op.dropConstraint(matching: \(matching), on: \(str(t.name))\(schema(t.schema)))"
        }
        return "try op.dropConstraint(\(str(name)), on: \(str(t.name)), type: .\(type)\(schema(t.schema)))"
    }

    private static func rowsSource(_ rows: [[DefaultValue?]]) -> String {
        "["
            + rows.map { row in
                "[" + row.map { $0.map(SwiftLiteral.defaultValue) ?? "nil" }.joined(separator: ", ") + "]"
            }
            .joined(separator: ", ") + "]"
    }

    private static func str(_ s: String) -> String { SwiftLiteral.string(s) }
    /// `["fillfactor": "70"]`, keys sorted; `[:]` when empty.
    private static func dictionary(_ d: [String: String]) -> String {
        guard !d.isEmpty else { return "[:]" }
        return "[" + d.sorted { $0.key < $1.key }.map { "\(str($0.key)): \(str($0.value))" }.joined(separator: ", ")
            + "]"
    }

    private static func schema(_ s: String?) -> String { s.map { ", schema: \(SwiftLiteral.string($0))" } ?? "" }
    private static func concurrent(_ c: Bool) -> String { c ? ", concurrently: true" : "" }
}
