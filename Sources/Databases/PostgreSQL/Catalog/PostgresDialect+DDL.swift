import ModelDSL

extension PostgresDialect {
    /// The DDL that creates `schema` in an empty database, in an order that works:
    ///
    ///     CREATE SCHEMA IF NOT EXISTS "billing"
    ///     CREATE TYPE "account_status" AS ENUM ('active', 'suspended', 'closed')
    ///     CREATE TABLE "organization" (...)          -- referenced tables first
    ///     CREATE TABLE "account" (...)
    ///     ALTER TABLE "a" ADD CONSTRAINT "a_b_id_fkey" FOREIGN KEY ...   -- only for FK cycles
    ///     CREATE UNIQUE INDEX "ix_account_email_lower" ON "account" ((lower(email)))
    ///     COMMENT ON TABLE "organization" IS 'Customer organizations'
    ///
    /// Tables are created in foreign-key order; a foreign key that closes a cycle is added by
    /// `ALTER TABLE` once every table exists.
    public static func createStatements(for schema: Schema) -> [String] {
        var statements: [String] = []
        var namespaces: [String] = []
        for name in schema.enums.compactMap(\.schema) + schema.tables.compactMap(\.schema)
        where !namespaces.contains(name) {
            namespaces.append(name)
        }
        statements += namespaces.map { "CREATE SCHEMA IF NOT EXISTS " + quoteIdentifier($0) }
        statements += schema.enums.map(createEnumSQL)
        statements += schema.sequences.map(createSequenceSQL)
        statements += schema.domains.map(createDomainSQL)
        statements += schema.compositeTypes.map(createCompositeTypeSQL)
        statements += schema.functions.flatMap { createFunctionStatements($0) }
        let order = CreationOrder(schema.tables)
        statements += order.tables.map(createTableSQL)
        statements += order.tables.flatMap(serialSequenceStatements)
        statements += order.tables.flatMap(notValidConstraintStatements)
        statements += order.deferred.map { addForeignKeySQL($0.key, to: $0.table) }
        for table in schema.tables {
            statements += table.indexes.map { createIndexSQL($0, on: table) }
        }
        for table in schema.tables { statements += statisticsStatements(for: table) }
        for table in schema.tables { statements += commentStatements(for: table) }
        statements += ViewOrder(schema.views).views.flatMap(createViewStatements)
        statements += schema.triggers.flatMap(createTriggerStatements)
        for table in schema.tables {
            statements += rowLevelSecuritySQL(
                table.name, schema: table.schema, from: .off, to: table.rowLevelSecurity)
        }
        statements += schema.policies.map(createPolicySQL)
        return statements
    }

    /// `CHECK ((VALUE > 0))` (as `pg_get_constraintdef` gives it) -> `(VALUE > 0)`.
    public static func checkExpression(fromDefinition definition: String) -> String {
        var text = Substring(definition.trimmingWhitespace())
        if text.uppercased().hasPrefix("CHECK ") { text = text.dropFirst(6) }
        if text.hasSuffix(" NOT VALID") { text = text.dropLast(10) }
        return stripOuterParentheses(String(text))
    }

    /// `CREATE DOMAIN "email" AS text COLLATE "C" DEFAULT '' NOT NULL CONSTRAINT "email_check" CHECK (...)`.
    public static func createDomainSQL(_ domain: Domain) -> String {
        var sql =
            "CREATE DOMAIN " + qualifiedName(domain.name, schema: domain.schema) + " AS " + typeSQL(domain.baseType)
        if let collation = domain.collation { sql += " COLLATE " + collationName(collation) }
        if let value = domain.defaultValue { sql += " DEFAULT " + defaultSQL(value, for: domain.baseType) }
        if !domain.isNullable { sql += " NOT NULL" }
        for check in domain.checks { sql += " " + checkSQL(check) }
        return sql
    }

    /// `CREATE TYPE "address" AS ("street" text, "zip" varchar(10))`.
    public static func createCompositeTypeSQL(_ type: CompositeType) -> String {
        "CREATE TYPE " + qualifiedName(type.name, schema: type.schema) + " AS ("
            + type.attributes.map { attributeSQL($0) }.joined(separator: ", ") + ")"
    }

    /// `"zip" varchar(10) COLLATE "C"`: one attribute of a composite type.
    public static func attributeSQL(_ attribute: Column) -> String {
        quoteIdentifier(attribute.name) + " " + typeSQL(attribute.type)
            + (attribute.collation.map { " COLLATE " + collationName($0) } ?? "")
    }

    /// `CREATE TYPE "account_status" AS ENUM ('active', 'suspended', 'closed')`.
    public static func createEnumSQL(_ enumType: EnumType) -> String {
        "CREATE TYPE " + qualifiedName(enumType.name, schema: enumType.schema) + " AS ENUM ("
            + enumType.values.map(quoteLiteral).joined(separator: ", ") + ")"
    }

    /// `CREATE TABLE "account" ("id" bigint NOT NULL, ..., CONSTRAINT "account_pkey" PRIMARY
    /// KEY ("id"), CONSTRAINT "..." UNIQUE (...), CONSTRAINT "..." CHECK (...), CONSTRAINT
    /// "..." FOREIGN KEY (...) REFERENCES ...)`, one column or constraint per line.
    public static func createTableSQL(_ table: Table) -> String {
        var parts = table.columns.map(columnSQL)
        if let key = table.primaryKey { parts.append(primaryKeySQL(key)) }
        parts += table.uniques.map(uniqueSQL)
        // NOT VALID is a clause of ALTER TABLE ... ADD only: see `notValidConstraintStatements`.
        parts += table.checks.filter { !$0.notValid }.map(checkSQL)
        parts += table.foreignKeys.filter { !$0.notValid }.map(foreignKeySQL)
        parts += table.exclusions.map(exclusionSQL)
        let partitioning =
            (table.partitionKey.map { " PARTITION BY " + $0 } ?? "")
            + (table.storage.isEmpty ? "" : " WITH (" + storageList(table.storage) + ")")
        if let parent = table.partitionOf {
            // Its columns are the parent's; constraints of its own go in parentheses.
            return "CREATE " + (table.unlogged ? "UNLOGGED " : "") + "TABLE " + qualifiedName(of: table)
                + " PARTITION OF " + qualifiedName(parent.table, schema: parent.schema ?? table.schema)
                + (parts.isEmpty ? "" : " (\n    " + parts.joined(separator: ",\n    ") + "\n)") + " " + parent.bound
                + partitioning
        }
        return "CREATE " + (table.unlogged ? "UNLOGGED " : "") + "TABLE " + qualifiedName(of: table) + " (\n    "
            + parts.joined(separator: ",\n    ") + "\n)" + partitioning
    }

    /// A column definition: `"id" bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL`,
    /// `"n" serial NOT NULL`, `"status" "account_status" NOT NULL DEFAULT 'active'`.
    public static func columnSQL(_ column: Column) -> String {
        var sql = quoteIdentifier(column.name) + " "
        switch column.identity {
        case .serial?:
            switch column.type {
            case .smallint: sql += "smallserial"
            case .bigint: sql += "bigserial"
            default: sql += "serial"
            }
        case .always?: sql += typeSQL(column.type) + " GENERATED ALWAYS AS IDENTITY" + identityOptions(column)
        case .byDefault?, .autoincrement?:
            sql += typeSQL(column.type) + " GENERATED BY DEFAULT AS IDENTITY" + identityOptions(column)
        case nil: sql += typeSQL(column.type)
        }
        if let collation = column.collation { sql += " COLLATE " + collationName(collation) }
        if let generated = column.generated { sql += " GENERATED ALWAYS AS (" + generated.expression + ") STORED" }
        if !column.isNullable { sql += " NOT NULL" }
        if let value = column.defaultValue, column.identity == nil, column.generated == nil {
            sql += " DEFAULT " + defaultSQL(value, for: column.type)
        }
        return sql
    }

    /// ` (START WITH 10)` for an identity column whose sequence has options, else nothing.
    public static func identityOptions(_ column: Column) -> String {
        guard let options = column.sequence else { return "" }
        let text = sequenceOptionsSQL(options, defaultType: column.type, withType: false)
        return text.isEmpty ? "" : " (" + text + ")"
    }

    /// `CONSTRAINT "account_pkey" PRIMARY KEY ("id")`.
    public static func primaryKeySQL(_ key: PrimaryKey) -> String {
        constraintPrefix(key.name) + "PRIMARY KEY (" + columnList(key.columns) + ")"
    }

    /// `CONSTRAINT "uq_account_org_email" UNIQUE ("org_id", "email")`.
    public static func uniqueSQL(_ unique: Unique) -> String {
        constraintPrefix(unique.name) + "UNIQUE " + (unique.nullsNotDistinct ? "NULLS NOT DISTINCT " : "") + "("
            + columnList(unique.columns) + ")"
    }

    /// For a table just created: its NOT VALID checks and foreign keys, added by `ALTER TABLE`
    /// (CREATE TABLE has no NOT VALID).
    public static func notValidConstraintStatements(for table: Table) -> [String] {
        table.checks.filter(\.notValid).map { "ALTER TABLE " + qualifiedName(of: table) + " ADD " + checkSQL($0) }
            + table.foreignKeys.filter(\.notValid).map { addForeignKeySQL($0, to: table) }
    }

    /// `CONSTRAINT "booking_no_overlap" EXCLUDE USING gist (room_id WITH =, during WITH &&)`.
    public static func exclusionSQL(_ exclusion: Exclusion) -> String {
        constraintPrefix(exclusion.name) + "EXCLUDE " + exclusion.definition
    }

    /// `CONSTRAINT "ck_account_balance_nonneg" CHECK (balance >= 0)`.
    public static func checkSQL(_ check: Check) -> String {
        constraintPrefix(check.name) + "CHECK (" + check.expression + ")" + (check.notValid ? " NOT VALID" : "")
    }

    /// `CONSTRAINT "account_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organization"
    /// ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED`; NO ACTION clauses are left out.
    public static func foreignKeySQL(_ key: ForeignKey) -> String {
        var sql =
            constraintPrefix(key.name) + "FOREIGN KEY (" + columnList(key.columns) + ") REFERENCES "
            + qualifiedName(key.referredTable, schema: key.referredSchema) + " (" + columnList(key.referredColumns)
            + ")"
        if key.matchFull { sql += " MATCH FULL" }
        if key.onDelete != .noAction { sql += " ON DELETE " + key.onDelete.sql }
        if key.onUpdate != .noAction { sql += " ON UPDATE " + key.onUpdate.sql }
        if key.deferrable || key.initiallyDeferred {
            sql += key.initiallyDeferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE"
        }
        if key.notValid { sql += " NOT VALID" }
        return sql
    }

    /// `ALTER TABLE "account" ADD CONSTRAINT "account_org_id_fkey" FOREIGN KEY ...`.
    public static func addForeignKeySQL(_ key: ForeignKey, to table: Table) -> String {
        "ALTER TABLE " + qualifiedName(of: table) + " ADD " + foreignKeySQL(key)
    }

    /// `CREATE UNIQUE INDEX "ix_account_email_lower" ON "account" USING gin ("org_id",
    /// (lower(email))) WHERE status <> 'closed'`; `USING` only for a method other than btree.
    public static func createIndexSQL(_ index: Index, on table: Table) -> String {
        var sql = "CREATE " + (index.unique ? "UNIQUE " : "") + "INDEX "
        if let name = index.name { sql += quoteIdentifier(name) + " " }
        sql += "ON " + qualifiedName(of: table)
        if let method = index.method, method.lowercased() != "btree" { sql += " USING " + method }
        let elements = index.elements.enumerated().map { position, element -> String in
            var key: String
            switch element {
            case .column(let name): key = quoteIdentifier(name)
            case .expression(let sql): key = "(" + sql + ")"
            }
            let options = index.keyOptions(at: position)
            if let collation = options.collation { key += " COLLATE " + collationName(collation) }
            if let opclass = options.opclass { key += " " + qualifiedWord(opclass) }
            if options.descending { key += " DESC" }
            if let first = options.nullsFirst { key += first ? " NULLS FIRST" : " NULLS LAST" }
            return key
        }
        sql += " (" + elements.joined(separator: ", ") + ")"
        if !index.include.isEmpty { sql += " INCLUDE (" + columnList(index.include) + ")" }
        if index.nullsNotDistinct { sql += " NULLS NOT DISTINCT" }
        if !index.storage.isEmpty { sql += " WITH (" + storageList(index.storage) + ")" }
        if let predicate = index.predicate { sql += " WHERE " + predicate }
        return sql
    }

    /// `fillfactor = 70, autovacuum_enabled = false`, in name order.
    public static func storageList(_ storage: [String: String]) -> String {
        storage.sorted { $0.key < $1.key }.map { $0.key + " = " + $0.value }.joined(separator: ", ")
    }

    /// `en_US.utf8` -> `"en_US.utf8"`: a collation name, whose dots are its own; one already
    /// quoted (`"i18n"."de-x-icu"`, as the catalog gives one off the search path) as it is.
    public static func collationName(_ name: String) -> String {
        name.contains("\"") ? name : quoteIdentifier(name)
    }

    /// `search.gin_trgm_ops` -> `"search"."gin_trgm_ops"`: an operator class name, each part
    /// quoted; one already quoted (as the catalog gives one off the search path) as it is.
    static func qualifiedWord(_ name: String) -> String {
        if name.contains("\"") { return name }
        return name.split(separator: ".", omittingEmptySubsequences: false).map { quoteIdentifier(String($0)) }
            .joined(separator: ".")
    }

    /// `COMMENT ON TABLE "organization" IS '...'` and `COMMENT ON COLUMN "account"."email" IS
    /// '...'` for every comment the table declares.
    public static func commentStatements(for table: Table) -> [String] {
        var statements: [String] = []
        if let comment = table.comment {
            statements.append("COMMENT ON TABLE " + qualifiedName(of: table) + " IS " + quoteLiteral(comment))
        }
        for column in table.columns {
            if let comment = column.comment {
                statements.append(
                    "COMMENT ON COLUMN " + qualifiedName(of: table) + "." + quoteIdentifier(column.name) + " IS "
                        + quoteLiteral(comment))
            }
        }
        return statements
    }

    /// `ALTER TABLE "event" ALTER COLUMN "kind" SET STATISTICS 1000` for every column with a
    /// statistics target (CREATE TABLE has no clause for it).
    public static func statisticsStatements(for table: Table) -> [String] {
        table.columns.compactMap { column in
            column.statistics.map { statisticsSQL(table: qualifiedName(of: table), column: column.name, target: $0) }
        }
    }

    /// `ALTER TABLE <table> ALTER COLUMN "c" SET STATISTICS n` (`table` already quoted).
    public static func statisticsSQL(table: String, column: String, target: Int) -> String {
        "ALTER TABLE " + table + " ALTER COLUMN " + quoteIdentifier(column) + " SET STATISTICS " + String(target)
    }

    private static func constraintPrefix(_ name: String?) -> String {
        name.map { "CONSTRAINT " + quoteIdentifier($0) + " " } ?? ""
    }

    private static func columnList(_ columns: [String]) -> String {
        columns.map(quoteIdentifier).joined(separator: ", ")
    }
}
