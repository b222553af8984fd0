import Foundation
import Introspect
import ModelDSL

extension PostgresDialect: SQLCompiling {
    /// PostgreSQL DDL for each op, in order. DDL is transactional on PostgreSQL, except
    /// `CREATE INDEX CONCURRENTLY` / `DROP INDEX CONCURRENTLY`.
    public static func statements(for ops: [MigrationOp], current: Schema) throws(SQLRenderError) -> [SQLStatement] {
        var schema = current
        var out: [SQLStatement] = []
        for op in ops {
            out += try statements(for: op, in: schema)
            try? schema.apply(op)
        }
        return out
    }

    static func statements(for op: MigrationOp, in schema: Schema) throws(SQLRenderError) -> [SQLStatement] {
        switch op {
        case .createTable(let table):
            var plain =
                [createTableSQL(table)] + serialSequenceStatements(for: table)
                + notValidConstraintStatements(for: table)
            plain += table.indexes.map { createIndexSQL($0, on: table) }
            plain += statisticsStatements(for: table)
            plain += commentStatements(for: table)
            return plain.map { SQLStatement($0) }
        case .dropTable(let table):
            return [SQLStatement("DROP TABLE " + qualifiedName(of: table))]
        case .renameTable(let t, let newName):
            return [SQLStatement("ALTER TABLE " + q(t) + " RENAME TO " + quoteIdentifier(newName))]
        case .addColumn(let t, let column):
            var list = [SQLStatement("ALTER TABLE " + q(t) + " ADD COLUMN " + columnSQL(column))]
            // Not restarted: ADD COLUMN numbered the rows already there from the sequence.
            if column.identity == .serial, column.sequence != nil {
                list.append(SQLStatement(columnSequenceSQL(column, table: t.name, schema: t.schema, restart: false)))
            }
            if let statistics = column.statistics {
                list.append(SQLStatement(statisticsSQL(table: q(t), column: column.name, target: statistics)))
            }
            if let comment = column.comment {
                list.append(
                    SQLStatement(
                        "COMMENT ON COLUMN " + q(t) + "." + quoteIdentifier(column.name) + " IS "
                            + quoteLiteral(comment)))
            }
            return list
        case .dropColumn(let t, let column):
            return [SQLStatement("ALTER TABLE " + q(t) + " DROP COLUMN " + quoteIdentifier(column.name))]
        case .alterColumn(let a):
            return alterColumn(a).map { SQLStatement($0) }
        case .createIndex(let t, let index, let concurrently):
            var sql = createIndexSQL(index, on: Table(name: t.name, schema: t.schema, columns: []))
            guard concurrently else { return [SQLStatement(sql)] }
            sql = sql.replacingFirst("INDEX ", with: "INDEX CONCURRENTLY ")
            // A concurrent build that failed or was killed leaves the index INVALID, under
            // its name: it is dropped before the build is tried again.
            let leftover = index.name.map { name in
                let qualified = qualifiedName(name, schema: t.schema)
                return SQLStatement.Leftover(
                    query:
                        "SELECT 1 FROM pg_catalog.pg_index WHERE indexrelid = pg_catalog.to_regclass($1) AND NOT indisvalid",
                    parameters: [qualified], cleanup: "DROP INDEX CONCURRENTLY " + qualified,
                    what: "index \(qualified) is INVALID, left by an interrupted CREATE INDEX CONCURRENTLY")
            }
            return [SQLStatement(sql, transactional: false, leftover: leftover)]
        case .dropIndex(let t, let index, let concurrently):
            guard let name = index.name else { throw SQLRenderError("cannot drop an unnamed index on \(t)") }
            return [
                SQLStatement(
                    "DROP INDEX " + (concurrently ? "CONCURRENTLY " : "") + qualifiedName(name, schema: t.schema),
                    transactional: !concurrently)
            ]
        case .addPrimaryKey(let t, let key):
            return [SQLStatement("ALTER TABLE " + q(t) + " ADD " + primaryKeySQL(key))]
        case .dropPrimaryKey(let t, let key):
            return [dropConstraint(t, key.name ?? (t.name + "_pkey"))]
        case .addUnique(let t, let unique):
            return [SQLStatement("ALTER TABLE " + q(t) + " ADD " + uniqueSQL(unique))]
        case .dropUnique(let t, let unique):
            return [dropConstraint(t, try named(unique.name, "unique constraint", t))]
        case .addForeignKey(let t, let key):
            return [SQLStatement("ALTER TABLE " + q(t) + " ADD " + foreignKeySQL(key))]
        case .dropForeignKey(let t, let key):
            return [dropConstraint(t, try named(key.name, "foreign key", t))]
        case .addCheck(let t, let check):
            return [SQLStatement("ALTER TABLE " + q(t) + " ADD " + checkSQL(check))]
        case .dropCheck(let t, let check):
            return [dropConstraint(t, try named(check.name, "check constraint", t))]
        case .addExclusion(let t, let exclusion):
            return [SQLStatement("ALTER TABLE " + q(t) + " ADD " + exclusionSQL(exclusion))]
        case .dropExclusion(let t, let exclusion):
            return [dropConstraint(t, exclusion.name)]
        case .setConstraintValidated(let t, let constraint, let change, let separately):
            let name = try named(constraint.name, "constraint", t)
            if change.to {
                // Separately: outside the transaction, once the one that added it committed.
                return [
                    SQLStatement(
                        "ALTER TABLE " + q(t) + " VALIDATE CONSTRAINT " + quoteIdentifier(name),
                        transactional: !separately)
                ]
            }
            let definition: String
            switch constraint.notValid(true) {
            case .check(let c): definition = checkSQL(c)
            case .foreignKey(let k): definition = foreignKeySQL(k)
            }
            return [dropConstraint(t, name), SQLStatement("ALTER TABLE " + q(t) + " ADD " + definition)]
        case .createSchema(let name):
            return [SQLStatement("CREATE SCHEMA " + quoteIdentifier(name))]
        case .dropSchema(let name):
            return [SQLStatement("DROP SCHEMA " + quoteIdentifier(name))]
        case .createDomain(let d):
            return [SQLStatement(createDomainSQL(d))]
        case .dropDomain(let d):
            return [SQLStatement("DROP DOMAIN " + qualifiedName(d.name, schema: d.schema))]
        case .alterDomain(let change):
            return try alterDomainSQL(change).map { SQLStatement($0) }
        case .createCompositeType(let c):
            return [SQLStatement(createCompositeTypeSQL(c))]
        case .dropCompositeType(let c):
            return [SQLStatement("DROP TYPE " + qualifiedName(c.name, schema: c.schema))]
        case .alterCompositeType(let change):
            return alterCompositeTypeSQL(change).map { SQLStatement($0) }
        case .createView(let v):
            return createViewStatements(v).map { SQLStatement($0) }
        case .dropView(let v):
            return [SQLStatement(dropViewSQL(v))]
        case .replaceView(let change):
            return replaceViewStatements(from: change.from, to: change.to).map { SQLStatement($0) }
        case .renameView(let v, let newName):
            return [SQLStatement(renameViewSQL(v, to: newName))]
        case .createFunction(let f):
            return createFunctionStatements(f).map { SQLStatement($0) }
        case .dropFunction(let f):
            return [SQLStatement(dropFunctionSQL(f))]
        case .replaceFunction(let change):
            return replaceFunctionStatements(from: change.from, to: change.to).map { SQLStatement($0) }
        case .renameFunction(let f, let newName):
            return [SQLStatement(renameFunctionSQL(f, to: newName))]
        case .createTrigger(let t):
            guard t.body == nil, t.function != nil else {
                throw SQLRenderError(
                    "trigger \(t.name): a PostgreSQL trigger executes a function (execute:), it holds no body")
            }
            return createTriggerStatements(t).map { SQLStatement($0) }
        case .dropTrigger(let t):
            return [SQLStatement(dropTriggerSQL(t))]
        case .replaceTrigger(let change):
            return replaceTriggerStatements(from: change.from, to: change.to).map { SQLStatement($0) }
        case .renameTrigger(let t, let newName):
            return [SQLStatement(renameTriggerSQL(t, to: newName))]
        case .createPolicy(let p):
            return [SQLStatement(createPolicySQL(p))]
        case .dropPolicy(let p):
            return [SQLStatement(dropPolicySQL(p))]
        case .replacePolicy(let change):
            return [SQLStatement(dropPolicySQL(change.from)), SQLStatement(createPolicySQL(change.to))]
        case .renamePolicy(let p, let newName):
            return [SQLStatement(renamePolicySQL(p, to: newName))]
        case .createSequence(let s):
            return [SQLStatement(createSequenceSQL(s))]
        case .dropSequence(let s):
            return [SQLStatement("DROP SEQUENCE " + qualifiedName(s.name, schema: s.schema))]
        case .alterSequence(let s, let change):
            return [SQLStatement(alterSequenceSQL(s, to: change.to))]
        case .createExtension(let e):
            let schema = e.schema.map { " WITH SCHEMA " + quoteIdentifier($0) } ?? ""
            return [SQLStatement("CREATE EXTENSION IF NOT EXISTS " + quoteIdentifier(e.name) + schema)]
        case .dropExtension(let e):
            return [SQLStatement("DROP EXTENSION " + quoteIdentifier(e.name))]
        case .createEnum(let e):
            return [SQLStatement(createEnumSQL(e))]
        case .dropEnum(let e):
            return [SQLStatement("DROP TYPE " + qualifiedName(e.name, schema: e.schema))]
        case .alterEnum(let e, let values, let uses):
            return alterEnum(e, values: values, uses: uses, schema: schema)
        case .setTableStorage(let t, let change):
            var out: [SQLStatement] = []
            let reset = change.from.keys.filter { change.to[$0] == nil }.sorted()
            if !reset.isEmpty {
                out.append(SQLStatement("ALTER TABLE " + q(t) + " RESET (" + reset.joined(separator: ", ") + ")"))
            }
            let set = change.to.filter { change.from[$0.key] != $0.value }
            if !set.isEmpty { out.append(SQLStatement("ALTER TABLE " + q(t) + " SET (" + storageList(set) + ")")) }
            return out
        case .setRowLevelSecurity(let t, let change):
            return rowLevelSecuritySQL(t.name, schema: t.schema, from: change.from, to: change.to).map {
                SQLStatement($0)
            }
        case .setTableUnlogged(let t, let change):
            return [SQLStatement("ALTER TABLE " + q(t) + (change.to ? " SET UNLOGGED" : " SET LOGGED"))]
        case .setTableComment(let t, let change):
            return [SQLStatement("COMMENT ON TABLE " + q(t) + " IS " + (change.to.map(quoteLiteral) ?? "NULL"))]
        case .execute(let sql, _):
            return [SQLStatement(sql)]
        case .bulkInsert(let t, let columns, let rows):
            guard !rows.isEmpty else { return [] }
            return [
                SQLStatement(
                    RowLiteral.insert(
                        into: q(t), columns: columns, rows: rows, quoteIdentifier: quoteIdentifier, quote: quoteLiteral)
                )
            ]
        case .bulkDelete(let t, let columns, let rows):
            guard !rows.isEmpty else { return [] }
            return [
                SQLStatement(
                    RowLiteral.delete(
                        from: q(t), columns: columns, rows: rows, quoteIdentifier: quoteIdentifier, quote: quoteLiteral)
                )
            ]
        }
    }

    /// `ALTER TABLE "t" RENAME COLUMN ...`, then `ALTER COLUMN ... TYPE ... USING`, `SET/DROP
    /// NOT NULL`, `SET/DROP DEFAULT`, identity changes, `SET STATISTICS`, `COMMENT ON COLUMN`.
    static func alterColumn(_ a: ColumnAlteration) -> [String] {
        let table = "ALTER TABLE " + q(a.table)
        var out: [String] = []
        var name = a.existing.name
        if let rename = a.name {
            out.append(table + " RENAME COLUMN " + quoteIdentifier(rename.from) + " TO " + quoteIdentifier(rename.to))
            name = rename.to
        }
        let column = table + " ALTER COLUMN " + quoteIdentifier(name)
        let resulting = a.resulting
        var defaultDropped = false
        if let type = a.type {
            if a.existing.defaultValue != nil && a.existing.identity != .serial {
                out.append(column + " DROP DEFAULT")
                defaultDropped = true
            }
            // Without USING, a value that does not fit fails the statement (22001) instead of
            // being cut by an explicit cast: see PostgresDialect+TypeChange.
            var sql = column + " TYPE " + typeSQL(type.to)
            // Without COLLATE, a new type takes its default collation: say the column's.
            if a.collation != nil || resulting.collation != nil {
                sql += " COLLATE " + collationName(resulting.collation ?? "default")
            }
            if !convertsByAssignment(from: type.from, to: type.to) {
                sql += " USING " + quoteIdentifier(name) + "::" + castTarget(from: type.from, to: type.to)
            }
            out.append(sql)
        } else if a.collation != nil {
            // The same type with another collation: no rewrite, the indexes on it are rebuilt.
            out.append(
                column + " TYPE " + typeSQL(resulting.type) + " COLLATE "
                    + collationName(resulting.collation ?? "default"))
        }
        // PostgreSQL adds an identity only to a NOT NULL column without a default (55000).
        var nullableDone = false
        if let identity = a.identity, identity.to == .always || identity.to == .byDefault,
            identity.from != .always, identity.from != .byDefault
        {
            if a.nullable?.to == false {
                out.append(column + " SET NOT NULL")
                nullableDone = true
            }
            if a.existing.defaultValue != nil, a.existing.identity != .serial, !defaultDropped {
                out.append(column + " DROP DEFAULT")
                defaultDropped = true
            }
        }
        if let identity = a.identity {
            switch (identity.from, identity.to) {
            case (.always?, .byDefault?): out.append(column + " SET GENERATED BY DEFAULT")
            case (.byDefault?, .always?): out.append(column + " SET GENERATED ALWAYS")
            case (.serial?, _):
                out.append(column + " DROP DEFAULT")
                out.append(
                    "DROP SEQUENCE IF EXISTS "
                        + qualifiedName(a.table.name + "_" + a.existing.name + "_seq", schema: a.table.schema))
            case (.always?, _), (.byDefault?, _), (.autoincrement?, _): out.append(column + " DROP IDENTITY IF EXISTS")
            default: break
            }
            switch (identity.from, identity.to) {
            case (nil, .always?), (.serial?, .always?), (.autoincrement?, .always?):
                out.append(column + " ADD GENERATED ALWAYS AS IDENTITY" + identityOptions(resulting))
            case (nil, .byDefault?), (.serial?, .byDefault?), (.autoincrement?, .byDefault?):
                out.append(column + " ADD GENERATED BY DEFAULT AS IDENTITY" + identityOptions(resulting))
            case (_, .serial?) where identity.from != .serial:
                let sequence = qualifiedName(a.table.name + "_" + name + "_seq", schema: a.table.schema)
                // AS the column's type, which a bare CREATE SEQUENCE (bigint) would not be.
                var options = resulting.sequence ?? SequenceOptions()
                if options.type == nil { options.type = resulting.type }
                out.append(
                    "CREATE SEQUENCE " + sequence + " " + sequenceOptionsSQL(options, defaultType: resulting.type)
                        + " OWNED BY " + q(a.table) + "." + quoteIdentifier(name))
                out.append(column + " SET DEFAULT nextval(" + quoteLiteral(sequence) + "::regclass)")
            default: break
            }
        }
        // New sequence options for a column that keeps its kind of identity (one just made got
        // them when it was made).
        // A serial's sequence keeps its type when the column's changes: it follows here.
        let identityMade: Bool
        switch (a.identity?.from, a.identity?.to) {
        case (.always?, .byDefault?), (.byDefault?, .always?): identityMade = false
        case (_, .some(let to)): identityMade = to != a.identity?.from
        default: identityMade = false
        }
        let serialRetyped = a.type != nil && resulting.identity == .serial && a.existing.identity == .serial
        if (a.sequence != nil || serialRetyped), resulting.identity != nil, !identityMade {
            out.append(columnSequenceSQL(resulting, table: a.table.name, schema: a.table.schema, restart: false))
        }
        if let nullable = a.nullable, !nullableDone {
            out.append(column + (nullable.to ? " DROP NOT NULL" : " SET NOT NULL"))
        }
        if a.defaultValue != nil || defaultDropped {
            if let value = resulting.defaultValue {
                out.append(column + " SET DEFAULT " + defaultSQL(value, for: resulting.type))
            } else if !defaultDropped {
                out.append(column + " DROP DEFAULT")
            }
        }
        if let statistics = a.statistics {
            // -1: back to the server's default_statistics_target.
            out.append(column + " SET STATISTICS " + String(statistics.to ?? -1))
        }
        if let comment = a.comment {
            out.append(
                "COMMENT ON COLUMN " + q(a.table) + "." + quoteIdentifier(name) + " IS "
                    + (comment.to.map(quoteLiteral) ?? "NULL"))
        }
        return out
    }

    /// The cast for `USING col::target`: through text when leaving or entering an enum.
    static func castTarget(from: ColumnType, to: ColumnType) -> String {
        let target = typeSQL(to)
        if case .enumeration = from { return "text::" + target }
        return target
    }

    /// Adding values in place when the old values keep their order; otherwise the type is
    /// recreated and every column of it (found in `schema`, the state before the op; `uses`
    /// when the schema does not know the tables) converted through text.
    ///
    /// A value added in place cannot be used in the transaction that added it (SQLSTATE
    /// 55P04), so `ADD VALUE` is marked non-transactional: the runtime commits before it.
    static func alterEnum(_ e: EnumType, values: Change<[String]>, uses declared: [EnumColumnUse], schema: Schema)
        -> [SQLStatement]
    {
        var uses: [EnumColumnUse] = []
        for table in schema.tables {
            for column in table.columns {
                if case .enumeration(let name, let enumSchema) = column.type, name == e.name, enumSchema == e.schema {
                    uses.append(EnumColumnUse(table: TableRef(table), column: column.name))
                }
            }
        }
        if schema.tables.isEmpty { uses = declared }
        let name = qualifiedName(e.name, schema: e.schema)
        if values.to.filter({ values.from.contains($0) }) == values.from {
            var out: [SQLStatement] = []
            var present = values.from
            for (i, value) in values.to.enumerated() where !present.contains(value) {
                if let next = values.to[(i + 1)...].first(where: { present.contains($0) }) {
                    out.append(
                        SQLStatement(
                            "ALTER TYPE \(name) ADD VALUE \(quoteLiteral(value)) BEFORE \(quoteLiteral(next))",
                            transactional: false))
                } else {
                    out.append(
                        SQLStatement("ALTER TYPE \(name) ADD VALUE \(quoteLiteral(value))", transactional: false))
                }
                present.append(value)
            }
            return out
        }
        let old = qualifiedName(e.name + "_old", schema: e.schema)
        var out = ["ALTER TYPE \(name) RENAME TO \(quoteIdentifier(e.name + "_old"))"]
        var after = e
        after.values = values.to
        out.append(createEnumSQL(after))
        for use in uses {
            let column = schema.table(use.table.name, schema: use.table.schema)?.column(use.column)
            let alter = "ALTER TABLE " + q(use.table) + " ALTER COLUMN " + quoteIdentifier(use.column)
            if column?.defaultValue != nil { out.append(alter + " DROP DEFAULT") }
            out.append(alter + " TYPE \(name) USING " + quoteIdentifier(use.column) + "::text::\(name)")
            if let column, let value = column.defaultValue {
                out.append(alter + " SET DEFAULT " + defaultSQL(value, for: column.type))
            }
        }
        out.append("DROP TYPE \(old)")
        return out.map { SQLStatement($0) }
    }

    private static func q(_ t: TableRef) -> String { qualifiedName(t.name, schema: t.schema) }

    private static func dropConstraint(_ t: TableRef, _ name: String) -> SQLStatement {
        SQLStatement("ALTER TABLE " + q(t) + " DROP CONSTRAINT " + quoteIdentifier(name))
    }

    private static func named(_ name: String?, _ what: String, _ t: TableRef) throws(SQLRenderError) -> String {
        guard let name else {
            throw SQLRenderError("cannot drop an unnamed \(what) on \(t): PostgreSQL drops constraints by name")
        }
        return name
    }
}

extension String {
    /// The string with the first occurrence of `target` replaced.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
