import ModelDSL

/// Reads a SQLite database's schema into the same `Schema` value the DSL declares.
///
/// Four queries whatever the number of tables: `sqlite_schema` for the stored CREATE texts,
/// then `sqlite_schema` joined with the table-valued pragmas `pragma_table_xinfo`,
/// `pragma_index_list` + `pragma_index_xinfo`, and `pragma_foreign_key_list`. What the
/// pragmas do not give (constraint names, CHECK expressions, AUTOINCREMENT, deferrability,
/// index expressions and predicates) comes from parsing the stored texts with
/// `SQLiteSchemaParser`. Internal `sqlite_*` tables are skipped.
public struct SQLiteCatalogReader {
    public let connection: SQLiteConnection

    public init(connection: SQLiteConnection) {
        self.connection = connection
    }

    /// Reads every table with its columns, keys, constraints and indexes.
    public func read() throws(IntrospectError) -> Schema {
        var tables = try readObjects()
        try readColumns(into: &tables)
        try readIndexes(into: &tables)
        try readForeignKeys(into: &tables)
        return Schema(
            tables: tables.entries.map { $0.build(tables) }, enums: [], views: tables.views,
            triggers: tables.triggers)
    }

    /// The `WHERE` shared by every query: user tables only.
    static let userTables = "m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"

    /// Tables and the parsed CREATE texts of tables, indexes, views and triggers.
    ///
    /// ```sql
    /// SELECT m.type, m.name, m.sql, m.tbl_name FROM sqlite_schema AS m
    /// WHERE m.type IN ('table', 'index', 'view', 'trigger') AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
    /// ORDER BY m.name
    /// ```
    private func readObjects() throws(IntrospectError) -> TableSet {
        var set = TableSet()
        let sql = """
            SELECT m.type, m.name, m.sql, m.tbl_name FROM sqlite_schema AS m
            WHERE m.type IN ('table', 'index', 'view', 'trigger') AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
            ORDER BY m.name
            """
        try connection.forEachRow(sql) { row in
            guard let type = row.string(0), let name = row.string(1) else { return }
            let text = row.string(2) ?? ""
            if type == "view" {
                set.views.append(SQLiteViewParser.parse(name: name, sql: text))
            } else if type == "trigger" {
                let table = row.string(3) ?? name
                // A statement this parser does not know keeps its whole text as the body, so
                // compare sees a difference rather than nothing.
                set.triggers.append(
                    SQLiteTriggerParser.parse(name: name, table: table, sql: text)
                        ?? Trigger(name, on: table, .before, [], body: text))
            } else if type == "table" {
                set.add(SQLiteTableAccumulator(name: name, definition: SQLiteSchemaParser.parseTable(text)))
            } else if let index = SQLiteSchemaParser.parseIndex(text) {
                set.indexDefinitions[name.lowercased()] = index
            }
        }
        return set
    }

    /// Columns, in order, with their declared types, nullability, defaults and key positions.
    ///
    /// ```sql
    /// SELECT m.name, p.name, p.type, p."notnull", p.dflt_value, p.pk, p.hidden
    /// FROM sqlite_schema AS m JOIN pragma_table_xinfo(m.name) AS p
    /// WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY m.name, p.cid
    /// ```
    private func readColumns(into set: inout TableSet) throws(IntrospectError) {
        let sql = """
            SELECT m.name, p.name, p.type, p."notnull", p.dflt_value, p.pk, p.hidden
            FROM sqlite_schema AS m JOIN pragma_table_xinfo(m.name) AS p
            WHERE \(Self.userTables) ORDER BY m.name, p.cid
            """
        // Types and defaults repeat across tables: parse each spelling once.
        var types: [String: ColumnType] = [:]
        var defaults: [String: DefaultValue] = [:]
        try connection.forEachRow(sql) { row in
            guard let table = row.string(0), let position = set.position[table], let name = row.string(1),
                row.int(6) != 1
            else { return }
            let declared = row.string(2) ?? ""
            let type: ColumnType
            if let known = types[declared] {
                type = known
            } else {
                type = SQLiteDialect.columnType(declared: declared)
                types[declared] = type
            }
            var defaultValue: DefaultValue?
            if let text = row.string(4) {
                let key = (type == .boolean ? "b:" : "x:") + text
                if let known = defaults[key] {
                    defaultValue = known
                } else {
                    let parsed = SQLiteDialect.parseDefault(text, for: type)
                    defaults[key] = parsed
                    defaultValue = parsed
                }
            }
            set.entries[position].columns.append(
                .init(
                    name: name, declaredType: declared, type: type, notNull: row.int(3) != 0,
                    defaultValue: defaultValue,
                    keyPosition: Int(row.int(5))))
        }
    }

    /// Every index key, with its index's uniqueness, origin (`c` CREATE INDEX, `u` UNIQUE,
    /// `pk` PRIMARY KEY) and whether it is partial; `cid` -2 marks an expression key.
    ///
    /// ```sql
    /// SELECT m.name, il.name, il."unique", il.origin, il.partial, x.seqno, x.cid, x.name
    /// FROM sqlite_schema AS m JOIN pragma_index_list(m.name) AS il JOIN pragma_index_xinfo(il.name) AS x
    /// WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\' AND x.key = 1
    /// ORDER BY m.name, il.name, x.seqno
    /// ```
    private func readIndexes(into set: inout TableSet) throws(IntrospectError) {
        let sql = """
            SELECT m.name, il.name, il."unique", il.origin, il.partial, x.seqno, x.cid, x.name
            FROM sqlite_schema AS m JOIN pragma_index_list(m.name) AS il JOIN pragma_index_xinfo(il.name) AS x
            WHERE \(Self.userTables) AND x.key = 1
            ORDER BY m.name, il.name, x.seqno
            """
        try connection.forEachRow(sql) { row in
            guard let table = row.string(0), let position = set.position[table], let name = row.string(1) else {
                return
            }
            let cid = row.int(6)
            let key: SQLiteIndexAccumulator.Key =
                cid >= 0 ? .column(row.string(7) ?? "") : .expression(seqno: Int(row.int(5)))
            set.entries[position].addIndexKey(
                key, index: name, unique: row.int(2) != 0, origin: row.string(3) ?? "c", partial: row.int(4) != 0)
        }
    }

    /// Every foreign-key column pair, grouped by constraint `id` in `seq` order.
    ///
    /// ```sql
    /// SELECT m.name, f.id, f."table", f."from", f."to", f.on_update, f.on_delete
    /// FROM sqlite_schema AS m JOIN pragma_foreign_key_list(m.name) AS f
    /// WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY m.name, f.id, f.seq
    /// ```
    private func readForeignKeys(into set: inout TableSet) throws(IntrospectError) {
        let sql = """
            SELECT m.name, f.id, f."table", f."from", f."to", f.on_update, f.on_delete
            FROM sqlite_schema AS m JOIN pragma_foreign_key_list(m.name) AS f
            WHERE \(Self.userTables) ORDER BY m.name, f.id, f.seq
            """
        try connection.forEachRow(sql) { row in
            guard let table = row.string(0), let position = set.position[table] else { return }
            set.entries[position].addForeignKeyColumn(
                id: row.int(1), referredTable: row.string(2) ?? "", column: row.string(3) ?? "",
                referredColumn: row.string(4),
                onUpdate: row.string(5) ?? "", onDelete: row.string(6) ?? "")
        }
    }
}
