import ModelDSL

extension SQLiteDialect {
    /// The statements that create `schema` on SQLite: its stored form's tables in
    /// foreign-key order (referred tables first, ties and cycles by name), then their indexes.
    ///
    /// ```sql
    /// CREATE TABLE "organization" (
    ///     "id" INTEGER NOT NULL,
    ///     CONSTRAINT "organization_pkey" PRIMARY KEY ("id")
    /// )
    /// CREATE INDEX "ix_account_org_status" ON "account" ("org_id", "status") WHERE status <> 'closed'
    /// ```
    public static func createStatements(for schema: Schema, naming: NamingConvention = .default) -> [String] {
        // SQLite allows forward references, so a cycle's foreign keys stay inline.
        let stored = storedForm(of: schema, naming: naming).tables
        let order = CreationOrder(stored).tables.map { ordered in stored.first { $0.name == ordered.name } ?? ordered }
        let tables = order
        var statements = tables.map(createTableSQL)
        for table in tables {
            statements += table.indexes.map { createIndexSQL($0, on: table.name, naming: naming) }
        }
        statements += ViewOrder(schema.views).views.map(createViewSQL)
        statements += schema.triggers.map(createTriggerSQL)
        return statements
    }

    /// `CREATE TABLE` for a table in stored form (see `storedForm(of:)`): every column, then
    /// every constraint inline and named when it has a name.
    ///
    /// ```sql
    /// CREATE TABLE "account" (
    ///     "id" INTEGER NOT NULL CONSTRAINT "account_pkey" PRIMARY KEY AUTOINCREMENT,
    ///     "org_id" INTEGER NOT NULL,
    ///     "balance" NUMERIC(10, 2) NOT NULL DEFAULT 0,
    ///     CONSTRAINT "uq_account_org_email" UNIQUE ("org_id", "email"),
    ///     CONSTRAINT "account_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization" ("id") ON DELETE CASCADE,
    ///     CONSTRAINT "ck_account_balance_nonneg" CHECK (balance >= 0)
    /// )
    /// ```
    public static func createTableSQL(_ table: Table) -> String {
        let inlineKey = table.primaryKey.flatMap { key -> String? in
            guard key.columns.count == 1, table.column(key.columns[0])?.identity == .autoincrement else { return nil }
            return key.columns[0]
        }
        var lines = table.columns.map { column in
            columnSQL(column, inlinePrimaryKey: column.name == inlineKey ? table.primaryKey : nil)
        }
        if let key = table.primaryKey, inlineKey == nil {
            lines.append(constraintPrefix(key.name) + "PRIMARY KEY (" + identifierList(key.columns) + ")")
        }
        for unique in table.uniques {
            lines.append(constraintPrefix(unique.name) + "UNIQUE (" + identifierList(unique.columns) + ")")
        }
        lines += table.foreignKeys.map(foreignKeySQL)
        for check in table.checks {
            lines.append(constraintPrefix(check.name) + "CHECK (" + check.expression + ")")
        }
        return "CREATE TABLE " + quoteIdentifier(table.name) + " (\n    " + lines.joined(separator: ",\n    ") + "\n)"
    }

    /// One column definition: `"balance" NUMERIC(10, 2) NOT NULL DEFAULT 0`; with
    /// `inlinePrimaryKey`, `"id" INTEGER NOT NULL CONSTRAINT "t_pkey" PRIMARY KEY AUTOINCREMENT`.
    public static func columnSQL(_ column: Column, inlinePrimaryKey: PrimaryKey? = nil) -> String {
        var sql = quoteIdentifier(column.name)
        let type = inlinePrimaryKey == nil ? typeSQL(column.type) : "INTEGER"
        if !type.isEmpty { sql += " " + type }
        if let collation = column.collation { sql += " COLLATE " + quoteIdentifier(collation) }
        if !column.isNullable { sql += " NOT NULL" }
        if let generated = column.generated {
            sql += " GENERATED ALWAYS AS (" + generated.expression + ")" + (generated.stored ? " STORED" : " VIRTUAL")
        } else if let value = column.defaultValue {
            sql += " DEFAULT " + defaultSQL(value, for: column.type)
        }
        if let key = inlinePrimaryKey { sql += " " + constraintPrefix(key.name) + "PRIMARY KEY AUTOINCREMENT" }
        return sql
    }

    /// A table-level foreign key:
    /// `CONSTRAINT "n" FOREIGN KEY ("a") REFERENCES "t" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED`.
    public static func foreignKeySQL(_ key: ForeignKey) -> String {
        var sql =
            constraintPrefix(key.name) + "FOREIGN KEY (" + identifierList(key.columns) + ") REFERENCES "
            + quoteIdentifier(key.referredTable)
        if !key.referredColumns.isEmpty { sql += " (" + identifierList(key.referredColumns) + ")" }
        if key.onDelete != .noAction { sql += " ON DELETE " + key.onDelete.sql }
        if key.onUpdate != .noAction { sql += " ON UPDATE " + key.onUpdate.sql }
        if key.initiallyDeferred {
            sql += " DEFERRABLE INITIALLY DEFERRED"
        } else if key.deferrable {
            sql += " DEFERRABLE INITIALLY IMMEDIATE"
        }
        return sql
    }

    /// `CREATE [UNIQUE] INDEX "name" ON "table" ("col", lower(email)) [WHERE predicate]`; an
    /// unnamed index takes its name from `naming`.
    public static func createIndexSQL(_ index: Index, on table: String, naming: NamingConvention = .default) -> String {
        let name = index.name ?? naming.indexName(table: table, elements: index.elements)
        let keys = index.elements.enumerated().map { position, element -> String in
            var key: String
            switch element {
            case .column(let column): key = quoteIdentifier(column)
            case .expression(let sql): key = sql
            }
            let options = index.keyOptions(at: position)
            if let collation = options.collation { key += " COLLATE " + quoteIdentifier(collation) }
            if options.descending { key += " DESC" }
            return key
        }
        var sql =
            "CREATE " + (index.unique ? "UNIQUE " : "") + "INDEX " + quoteIdentifier(name) + " ON "
            + quoteIdentifier(table) + " (" + keys.joined(separator: ", ") + ")"
        if let predicate = index.predicate { sql += " WHERE " + predicate }
        return sql
    }

    /// `CONSTRAINT "name" ` when there is a name, else nothing.
    static func constraintPrefix(_ name: String?) -> String {
        name.map { "CONSTRAINT " + quoteIdentifier($0) + " " } ?? ""
    }

    /// `"a", "b"`.
    static func identifierList(_ names: [String]) -> String {
        names.map(quoteIdentifier).joined(separator: ", ")
    }
}
