import ModelDSL

/// Schemas, extensions, enums, comments, raw SQL and rows: `op.createEnum(Enum("mood", ["happy", "sad"]))`,
/// `op.execute("UPDATE account SET status = 'active'")`, `op.bulkInsert(...)`.
extension Operations {
    /// `CREATE SCHEMA` (PostgreSQL): a namespace for tables and types declared with `schema:`.
    public func createSchema(_ name: String) throws(OperationsError) {
        record(.createSchema(name))
    }

    /// `DROP SCHEMA` (PostgreSQL), without CASCADE: the database refuses a schema that still
    /// holds objects.
    public func dropSchema(_ name: String) throws(OperationsError) {
        record(.dropSchema(name))
    }

    /// `ALTER TABLE ... SET (...)` / `RESET (...)` (PostgreSQL): storage parameters from
    /// `existing` to `storage`.
    public func setTableStorage(
        _ table: String, _ storage: [String: String], existing: [String: String], schema: String? = nil
    ) throws(OperationsError) {
        record(.setTableStorage(TableRef(table, schema: schema), Change(from: existing, to: storage)))
    }

    /// `CREATE DOMAIN` (PostgreSQL).
    public func createDomain(_ domain: Domain) throws(OperationsError) {
        record(.createDomain(domain))
    }

    /// `DROP DOMAIN` (PostgreSQL), without CASCADE: refused while a column uses it.
    public func dropDomain(_ name: String, schema: String? = nil) throws(OperationsError) {
        // Known from the revisions replayed before, else by name (DROP needs no more).
        record(
            .dropDomain(
                self.schema?.domains.first { $0.name == name && $0.schema == schema }
                    ?? Domain(name, .raw(""), schema: schema)))
    }

    /// `ALTER DOMAIN` from `existing` to `domain` (default, NOT NULL, checks).
    public func alterDomain(_ domain: Domain, existing: Domain) throws(OperationsError) {
        guard domain.name == existing.name, domain.schema == existing.schema else {
            throw OperationsError("op.alterDomain(\"\(domain.qualifiedName)\"): existing is another domain")
        }
        record(.alterDomain(Change(from: existing, to: domain)))
    }

    /// `CREATE TYPE ... AS (...)` (PostgreSQL).
    public func createCompositeType(_ type: CompositeType) throws(OperationsError) {
        record(.createCompositeType(type))
    }

    /// `DROP TYPE` of a composite type (PostgreSQL), without CASCADE.
    public func dropCompositeType(_ name: String, schema: String? = nil) throws(OperationsError) {
        record(
            .dropCompositeType(
                self.schema?.compositeTypes.first { $0.name == name && $0.schema == schema }
                    ?? CompositeType(name, schema: schema, attributes: [])))
    }

    /// `ALTER TYPE` of a composite type from `existing` to `type` (attributes).
    public func alterCompositeType(_ type: CompositeType, existing: CompositeType) throws(OperationsError) {
        guard type.name == existing.name, type.schema == existing.schema else {
            throw OperationsError("op.alterCompositeType(\"\(type.qualifiedName)\"): existing is another type")
        }
        record(.alterCompositeType(Change(from: existing, to: type)))
    }

    /// `CREATE VIEW` / `CREATE MATERIALIZED VIEW` (with its indexes).
    public func createView(_ view: View) throws(OperationsError) {
        record(.createView(view))
    }

    /// `DROP VIEW` / `DROP MATERIALIZED VIEW`, without CASCADE: the database refuses while
    /// another view uses it. The definition, for `--sql` and reversing, is the one the
    /// revisions replayed before created.
    public func dropView(_ name: String, schema: String? = nil, materialized: Bool = false) throws(OperationsError) {
        if let known = self.schema?.views.first(where: { $0.name == name && $0.schema == schema }) {
            record(.dropView(known))
            return
        }
        var view = View(name, schema: schema, "")
        view.materialized = materialized
        record(.dropView(view))
    }

    /// `CREATE OR REPLACE VIEW` from `existing` to `view` (same name; PostgreSQL keeps the
    /// columns it had first, SQLite drops and creates it).
    public func replaceView(_ view: View, existing: View) throws(OperationsError) {
        guard view.name == existing.name, view.schema == existing.schema else {
            throw OperationsError(
                "op.replaceView(\"\(view.qualifiedName)\"): existing is \"\(existing.qualifiedName)\", another view")
        }
        record(.replaceView(Change(from: existing, to: view)))
    }

    /// `ALTER VIEW ... RENAME TO` (or `ALTER MATERIALIZED VIEW`).
    public func renameView(_ name: String, to newName: String, schema: String? = nil, materialized: Bool = false)
        throws(OperationsError)
    {
        var view =
            self.schema?.views.first(where: { $0.name == name && $0.schema == schema })
            ?? View(name, schema: schema, "")
        if materialized { view.materialized = true }
        record(.renameView(view, to: newName))
    }

    /// `CREATE SEQUENCE` (PostgreSQL).
    public func createSequence(_ sequence: DatabaseSequence) throws(OperationsError) {
        record(.createSequence(sequence))
    }

    /// `DROP SEQUENCE` (PostgreSQL), without CASCADE: the database refuses while a default
    /// uses it.
    public func dropSequence(_ name: String, schema: String? = nil) throws(OperationsError) {
        record(
            .dropSequence(
                self.schema?.sequences.first { $0.name == name && $0.schema == schema }
                    ?? DatabaseSequence(name, schema: schema)))
    }

    /// `ALTER SEQUENCE` from the options of `existing` to those of `sequence` (same name).
    public func alterSequence(_ sequence: DatabaseSequence, existing: DatabaseSequence) throws(OperationsError) {
        guard sequence.name == existing.name, sequence.schema == existing.schema else {
            throw OperationsError(
                "op.alterSequence(\"\(sequence.qualifiedName)\"): existing is \"\(existing.qualifiedName)\", another sequence"
            )
        }
        record(.alterSequence(existing, Change(from: existing.options, to: sequence.options)))
    }

    /// `CREATE EXTENSION IF NOT EXISTS` (PostgreSQL); `schema` is where its objects go.
    public func createExtension(_ name: String, schema: String? = nil) throws(OperationsError) {
        record(.createExtension(Extension(name, schema: schema)))
    }

    /// `DROP EXTENSION` (PostgreSQL), without CASCADE: the database refuses while a column,
    /// index or function uses it.
    public func dropExtension(_ name: String) throws(OperationsError) {
        record(.dropExtension(self.schema?.extensions.first { $0.name == name } ?? Extension(name)))
    }

    /// `CREATE TYPE ... AS ENUM` (PostgreSQL).
    public func createEnum(_ enumType: EnumType) throws(OperationsError) {
        record(.createEnum(enumType))
    }

    /// `DROP TYPE` (PostgreSQL).
    public func dropEnum(_ name: String, schema: String? = nil) throws(OperationsError) {
        record(.dropEnum(self.schema?.enumType(name, schema: schema) ?? EnumType(name, [], schema: schema)))
    }

    /// Changes an enum's values; `columns` (`"table.column"` or `"schema.table.column"`) are
    /// the columns of that type, which PostgreSQL must convert when values go away.
    public func alterEnum(
        _ name: String, values: [String], existingValues: [String], columns: [String] = [], schema: String? = nil
    ) throws(OperationsError) {
        var uses: [EnumColumnUse] = []
        for text in columns {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            switch parts.count {
            case 2: uses.append(EnumColumnUse(table: TableRef(parts[0]), column: parts[1]))
            case 3: uses.append(EnumColumnUse(table: TableRef(parts[1], schema: parts[0]), column: parts[2]))
            default:
                throw OperationsError(
                    "op.alterEnum(\"\(name)\"): column \"\(text)\" is not table.column or schema.table.column")
            }
        }
        let before = EnumType(name, existingValues, schema: schema)
        record(.alterEnum(before, values: Change(from: existingValues, to: values), usedBy: uses))
    }

    /// `ALTER TABLE ... SET UNLOGGED` (`true`) or `SET LOGGED` (PostgreSQL; rows are kept).
    /// `ALTER TABLE ... ENABLE / DISABLE ROW LEVEL SECURITY` and `FORCE / NO FORCE`, from
    /// `existing` (what a downgrade sets back).
    public func setRowLevelSecurity(
        _ table: String, _ security: RowLevelSecurity, existing: RowLevelSecurity, schema: String? = nil
    ) throws(OperationsError) {
        record(.setRowLevelSecurity(TableRef(table, schema: schema), Change(from: existing, to: security)))
    }

    public func setTableUnlogged(_ table: String, _ unlogged: Bool, schema: String? = nil) throws(OperationsError) {
        record(.setTableUnlogged(TableRef(table, schema: schema), Change(from: !unlogged, to: unlogged)))
    }

    /// `COMMENT ON TABLE`; `nil` removes the comment. `existing` is the comment before.
    public func setTableComment(
        _ table: String, _ comment: String?, existing: String? = nil, schema: String? = nil
    ) throws(OperationsError) {
        record(.setTableComment(TableRef(table, schema: schema), Change(from: existing, to: comment)))
    }

    /// Runs raw SQL; `reverse` is the SQL that undoes it, if any. The context reads the
    /// schema again before the next op that needs it.
    public func execute(_ sql: String, reverse: String? = nil) throws(OperationsError) {
        record(.execute(sql: sql, reverse: reverse))
    }

    /// Runs one statement with bound text parameters (`$1` on PostgreSQL, `?` on SQLite;
    /// `nil` is NULL). Online only: offline (`--sql`) runs reject it.
    public func execute(_ sql: String, _ parameters: [String?]) throws(OperationsError) {
        steps.append(.boundSQL(sql, parameters: parameters))
    }

    /// `INSERT INTO table (columns) VALUES ...`, one row per element of `rows`.
    public func bulkInsert(
        _ table: String, columns: [String], rows: [[DefaultValue?]], schema: String? = nil
    ) throws(OperationsError) {
        try checkRows(table, columns, rows)
        record(.bulkInsert(TableRef(table, schema: schema), columns: columns, rows: rows))
    }

    /// `DELETE FROM table WHERE (columns) = (row)` for each row.
    public func bulkDelete(
        _ table: String, columns: [String], rows: [[DefaultValue?]], schema: String? = nil
    ) throws(OperationsError) {
        try checkRows(table, columns, rows)
        record(.bulkDelete(TableRef(table, schema: schema), columns: columns, rows: rows))
    }

    private func checkRows(_ table: String, _ columns: [String], _ rows: [[DefaultValue?]]) throws(OperationsError) {
        if let bad = rows.firstIndex(where: { $0.count != columns.count }) {
            throw OperationsError(
                "rows for \(table): row \(bad + 1) has \(rows[bad].count) values for \(columns.count) columns")
        }
    }
}
