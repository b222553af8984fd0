import Introspect
import ModelDSL

extension SQLiteDialect: SQLCompiling {
    /// SQLite DDL for each op. What its ALTER TABLE cannot do becomes one table rebuild per
    /// run of consecutive changes to a table:
    ///
    ///     CREATE TABLE "_autogen_tmp_account" (... the new definition ...)
    ///     INSERT INTO "_autogen_tmp_account" ("id", "email") SELECT "id", "mail" FROM "account"
    ///     DROP TABLE "account"
    ///     ALTER TABLE "_autogen_tmp_account" RENAME TO "account"
    ///     CREATE INDEX ... (the table's indexes)
    ///     CREATE VIEW / CREATE TRIGGER ... (what depends on the table, dropped first:
    ///                                        see SQLiteDialect+Dependents)
    ///     PRAGMA foreign_key_check("account")     -- must return no rows
    ///
    /// The runtime runs a migration with `PRAGMA foreign_keys = OFF` (set outside the
    /// transaction, as SQLite requires), so that dropping the old table touches no other rows.
    public static func statements(for ops: [MigrationOp], current: Schema) throws(SQLRenderError) -> [SQLStatement] {
        var schema = current
        var out: [SQLStatement] = []
        var pending = ops
        while !pending.isEmpty {
            let op = pending.removeFirst()
            if let table = op.table, let existing = schema.table(table.name, schema: table.schema),
                needsRebuild(op, table: existing)
            {
                // Every later change to this table joins the one rebuild, up to an op that
                // creates, drops or renames it. Moving them earlier is safe on SQLite: the
                // migration runs with foreign keys off, and no other table's DDL reads this
                // table's columns.
                var run = [op]
                var rest: [MigrationOp] = []
                var open = true
                for later in pending {
                    if open, later.table == table, isTableChange(later) {
                        run.append(later)
                    } else {
                        if later.table == table, !isTableChange(later) { open = false }
                        if case .renameTable(_, let newName) = later, newName == table.name { open = false }
                        rest.append(later)
                    }
                }
                pending = rest
                let after: Schema
                do { after = try schema.applying(run) } catch {
                    throw SQLRenderError("cannot rebuild table \(table): \(error)")
                }
                guard let rebuilt = after.table(table.name, schema: table.schema) else {
                    throw SQLRenderError("table \(table) disappeared while rebuilding it")
                }
                out += rebuild(
                    from: existing, to: rebuilt, renames: columnRenames(run),
                    dependents: dependents(of: table.name, in: rebuildObjects(in: schema)))
                schema = after
                continue
            }
            out += try inPlace(op, in: schema)
            do { try schema.apply(op) } catch { throw SQLRenderError("\(error)") }
        }
        return out
    }

    /// Whether `op` on `table` (as it is now) needs a rebuild.
    static func needsRebuild(_ op: MigrationOp, table: Table) -> Bool {
        if rebuildReason(for: op) != nil { return true }
        if case .dropColumn(_, let column) = op { return !canDropInPlace(column.name, from: table) }
        return false
    }

    /// `ALTER TABLE DROP COLUMN` refuses a column that a key, index, constraint or partial
    /// predicate uses.
    static func canDropInPlace(_ column: String, from table: Table) -> Bool {
        let normalizedName = normalizeExpression(quoteIdentifier(column))
        func mentions(_ sql: String) -> Bool {
            normalizeExpression(sql).contains(normalizedName) || sql.contains(column)
        }
        if table.primaryKey?.columns.contains(column) == true { return false }
        if table.uniques.contains(where: { $0.columns.contains(column) }) { return false }
        if table.foreignKeys.contains(where: { $0.columns.contains(column) }) { return false }
        if table.checks.contains(where: { mentions($0.expression) }) { return false }
        for index in table.indexes {
            if index.columnNames.contains(column) { return false }
            if index.predicate.map(mentions) == true { return false }
            for case .expression(let sql) in index.elements where mentions(sql) { return false }
        }
        return true
    }

    /// Ops that change one table and may join its rebuild.
    static func isTableChange(_ op: MigrationOp) -> Bool {
        switch op {
        case .addColumn, .dropColumn, .alterColumn, .addPrimaryKey, .dropPrimaryKey, .addUnique, .dropUnique,
            .addForeignKey, .dropForeignKey, .addCheck, .dropCheck, .createIndex, .dropIndex, .setTableComment:
            return true
        default:
            return false
        }
    }

    /// New column name -> old column name, through the renames in `ops`.
    static func columnRenames(_ ops: [MigrationOp]) -> [String: String] {
        var map: [String: String] = [:]
        for case .alterColumn(let a) in ops {
            guard let name = a.name else { continue }
            map[name.to] = map[name.from] ?? name.from
            map[name.from] = nil
        }
        return map
    }

    static func rebuild(
        from old: Table, to new: Table, renames: [String: String], dependents: [CatalogObject] = []
    ) -> [SQLStatement] {
        let temporary = "_autogen_tmp_" + new.name
        var shape = new
        shape.name = temporary
        shape.indexes = []
        var statements = dropDependents(dependents)
        statements.append(SQLStatement(createTableSQL(shape)))
        var targets: [String] = []
        var sources: [String] = []
        for column in new.columns where column.generated == nil {
            let source = renames[column.name] ?? column.name
            // A column that was generated is read like any other (only writing into one is refused).
            guard old.column(source) != nil else { continue }
            targets.append(quoteIdentifier(column.name))
            sources.append(quoteIdentifier(source))
        }
        if !targets.isEmpty {
            statements.append(
                SQLStatement(
                    "INSERT INTO \(quoteIdentifier(temporary)) (\(targets.joined(separator: ", "))) SELECT "
                        + sources.joined(separator: ", ") + " FROM " + quoteIdentifier(old.name)))
        }
        statements.append(SQLStatement("DROP TABLE " + quoteIdentifier(old.name)))
        statements.append(
            SQLStatement("ALTER TABLE \(quoteIdentifier(temporary)) RENAME TO \(quoteIdentifier(new.name))"))
        statements += new.indexes.map { SQLStatement(createIndexSQL($0, on: new.name)) }
        statements += dependents.map { SQLStatement($0.sql) }
        // SQLite creates a view of a column that is gone and fails only when it is read: read
        // each one, so that such a migration fails and rolls back here.
        statements += dependents.filter { $0.kind == .view }.map {
            SQLStatement("SELECT 1 FROM \(quoteIdentifier($0.name)) LIMIT 0")
        }
        statements.append(SQLStatement("PRAGMA foreign_key_check(\(quoteIdentifier(new.name)))", expectsNoRows: true))
        return statements
    }

    /// The SQL of an op SQLite can do in place (or that needs no SQL at all on SQLite).
    static func inPlace(_ op: MigrationOp, in schema: Schema) throws(SQLRenderError) -> [SQLStatement] {
        switch op {
        case .createTable(let table):
            if let column = table.columns.first(where: { $0.statistics != nil }) {
                throw SQLRenderError("\(table.name).\(column.name): SQLite has no statistics targets")
            }
            if !table.storage.isEmpty {
                throw SQLRenderError("\(table.name): SQLite tables have no storage parameters")
            }
            let stored = storedForm(of: Schema(tables: [table], enums: schema.enums)).tables.first ?? table
            var shape = stored
            shape.indexes = []
            return [SQLStatement(createTableSQL(shape))]
                + stored.indexes.map { SQLStatement(createIndexSQL($0, on: table.name)) }
        case .dropTable(let table):
            return [SQLStatement("DROP TABLE " + quoteIdentifier(table.name))]
        case .renameTable(let t, let newName):
            return [SQLStatement("ALTER TABLE \(quoteIdentifier(t.name)) RENAME TO \(quoteIdentifier(newName))")]
        case .addColumn(let t, let column):
            if column.statistics != nil {
                throw SQLRenderError("\(t.name).\(column.name): SQLite has no statistics targets")
            }
            return [SQLStatement("ALTER TABLE \(quoteIdentifier(t.name)) ADD COLUMN " + columnSQL(column))]
        case .dropColumn(let t, let column):
            return [SQLStatement("ALTER TABLE \(quoteIdentifier(t.name)) DROP COLUMN " + quoteIdentifier(column.name))]
        case .alterColumn(let a):
            if a.statistics != nil {
                throw SQLRenderError("\(a.table.name).\(a.existing.name): SQLite has no statistics targets")
            }
            guard let name = a.name else { return [] }
            return [
                SQLStatement(
                    "ALTER TABLE \(quoteIdentifier(a.table.name)) RENAME COLUMN \(quoteIdentifier(name.from)) TO \(quoteIdentifier(name.to))"
                )
            ]
        case .createIndex(let t, let index, _):
            return [SQLStatement(createIndexSQL(index, on: t.name))]
        case .dropIndex(let t, let index, _):
            guard let name = index.name else { throw SQLRenderError("cannot drop an unnamed index on \(t)") }
            return [SQLStatement("DROP INDEX " + quoteIdentifier(name))]
        case .execute(let sql, _):
            return [SQLStatement(sql)]
        case .bulkInsert(let t, let columns, let rows):
            guard !rows.isEmpty else { return [] }
            return [
                SQLStatement(
                    RowLiteral.insert(
                        into: quoteIdentifier(t.name), columns: columns, rows: rows, quoteIdentifier: quoteIdentifier,
                        quote: quoteLiteral))
            ]
        case .bulkDelete(let t, let columns, let rows):
            guard !rows.isEmpty else { return [] }
            return [
                SQLStatement(
                    RowLiteral.delete(
                        from: quoteIdentifier(t.name), columns: columns, rows: rows, quoteIdentifier: quoteIdentifier,
                        quote: quoteLiteral))
            ]
        case .createView(let v) where v.materialized, .dropView(let v) where v.materialized,
            .renameView(let v, _) where v.materialized:
            throw SQLRenderError("view \(v.name): SQLite has no materialized views")
        case .replaceView(let change) where change.to.materialized || change.from.materialized:
            throw SQLRenderError("view \(change.to.name): SQLite has no materialized views")
        case .createView(let v):
            return [SQLStatement(createViewSQL(v))]
        case .dropView(let v):
            return [SQLStatement(dropViewSQL(v))]
        case .replaceView(let change):
            return [SQLStatement(dropViewSQL(change.from)), SQLStatement(createViewSQL(change.to))]
        case .renameView(let v, let newName):
            // No ALTER VIEW: the same query under the new name.
            guard !v.definition.isEmpty else {
                throw SQLRenderError("view \(v.name): its query is unknown, so it cannot be renamed on SQLite")
            }
            var renamed = v
            renamed.name = newName
            return [SQLStatement(dropViewSQL(v)), SQLStatement(createViewSQL(renamed))]
        case .createDomain, .dropDomain, .alterDomain, .createCompositeType, .dropCompositeType, .alterCompositeType:
            throw SQLRenderError("SQLite has no domains or composite types")
        case .createFunction(let f), .dropFunction(let f), .renameFunction(let f, _):
            throw SQLRenderError("function \(f.key): SQLite has no stored functions")
        case .replaceFunction(let change):
            throw SQLRenderError("function \(change.to.key): SQLite has no stored functions")
        case .createTrigger(let t):
            if let problem = triggerProblem(t) { throw SQLRenderError(problem) }
            return [SQLStatement(createTriggerSQL(t))]
        case .dropTrigger(let t):
            return [SQLStatement(dropTriggerSQL(t))]
        case .replaceTrigger(let change):
            if let problem = triggerProblem(change.to) { throw SQLRenderError(problem) }
            // A comment has nowhere to go on SQLite.
            guard !change.from.sameDefinition(as: change.to) else { return [] }
            return [SQLStatement(dropTriggerSQL(change.from)), SQLStatement(createTriggerSQL(change.to))]
        case .renameTrigger(let t, let newName):
            // No ALTER TRIGGER: the same trigger under the new name.
            var renamed = t
            renamed.name = newName
            return [SQLStatement(dropTriggerSQL(t)), SQLStatement(createTriggerSQL(renamed))]
        case .addExclusion(let t, let e), .dropExclusion(let t, let e):
            throw SQLRenderError("\(t): constraint \(e.name): SQLite has no exclusion constraints")
        case .setConstraintValidated(let t, let c, _, _):
            throw SQLRenderError("\(t): constraint \(c.name ?? "?"): SQLite has no NOT VALID constraints")
        case .createSequence(let s), .dropSequence(let s), .alterSequence(let s, _):
            throw SQLRenderError("sequence \(s.qualifiedName): SQLite has no sequences")
        case .createExtension(let e), .dropExtension(let e):
            throw SQLRenderError(
                "extension \(e.name): SQLite has no CREATE EXTENSION (load SQLite extensions in env.swift)")
        case .setTableStorage(let t, _):
            throw SQLRenderError("\(t): SQLite tables have no storage parameters")
        case .setRowLevelSecurity(let t, _):
            throw SQLRenderError("\(t): SQLite has no row-level security")
        case .createPolicy(let p), .dropPolicy(let p), .renamePolicy(let p, _):
            throw SQLRenderError("policy \(p.name) on \(p.table): SQLite has no row-level security")
        case .replacePolicy(let change):
            throw SQLRenderError("policy \(change.to.name) on \(change.to.table): SQLite has no row-level security")
        case .setTableComment, .createEnum, .dropEnum, .alterEnum, .createSchema, .dropSchema, .setTableUnlogged:
            // SQLite keeps no comments, no enum types (enum columns are TEXT with a CHECK) and
            // no schemas (a model that names one is refused before compare).
            return []
        case .addPrimaryKey, .dropPrimaryKey, .addUnique, .dropUnique, .addForeignKey, .dropForeignKey, .addCheck,
            .dropCheck:
            throw SQLRenderError(
                "\(op.table.map { "\($0)" } ?? "?"): this change needs a table rebuild but the table is unknown")
        }
    }
}
