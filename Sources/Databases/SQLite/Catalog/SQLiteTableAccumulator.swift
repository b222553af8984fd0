import ModelDSL

/// The tables being read, in `sqlite_schema` order, with a name lookup and the parsed
/// CREATE INDEX texts (by lower-cased index name).
struct TableSet {
    var entries: [SQLiteTableAccumulator] = []
    var position: [String: Int] = [:]
    var indexDefinitions: [String: SQLiteIndexDefinition] = [:]
    var views: [View] = []
    var triggers: [Trigger] = []

    mutating func add(_ table: SQLiteTableAccumulator) {
        position[table.name] = entries.count
        entries.append(table)
    }

    /// The primary-key columns of the table called `name` (case-insensitively), in key order.
    func primaryKeyColumns(of name: String) -> [String] {
        if let index = position[name] { return entries[index].primaryKeyColumns }
        let lower = name.lowercased()
        return entries.first { $0.name.lowercased() == lower }?.primaryKeyColumns ?? []
    }
}

/// One column as `pragma_table_xinfo` reports it.
struct SQLiteColumnRow {
    var name: String
    var declaredType: String
    var type: ColumnType
    var notNull: Bool
    var defaultValue: DefaultValue?
    /// 1-based position in the primary key, 0 when not in it.
    var keyPosition: Int
}

/// One index as `pragma_index_list` / `pragma_index_xinfo` report it.
struct SQLiteIndexAccumulator {
    enum Key {
        case column(String)
        /// An expression key: its position among the keys, to find its text in the CREATE INDEX.
        case expression(seqno: Int)
    }

    var name: String
    var unique: Bool
    /// `c` (CREATE INDEX), `u` (UNIQUE constraint) or `pk` (PRIMARY KEY).
    var origin: String
    var partial: Bool
    var keys: [Key]
}

/// One foreign key as `pragma_foreign_key_list` reports it.
struct SQLiteForeignKeyAccumulator {
    var id: Int64
    var referredTable: String
    var columns: [String]
    /// `nil` entries: the clause named no columns, so it refers to the primary key.
    var referredColumns: [String?]
    var onUpdate: ReferentialAction
    var onDelete: ReferentialAction
}

/// Everything read about one table, turned into a `Table` once every query has run.
struct SQLiteTableAccumulator {
    var name: String
    var definition: SQLiteTableDefinition?
    var columns: [SQLiteColumnRow] = []
    var indexes: [SQLiteIndexAccumulator] = []
    var foreignKeys: [SQLiteForeignKeyAccumulator] = []

    init(name: String, definition: SQLiteTableDefinition?) {
        self.name = name
        self.definition = definition
    }

    var primaryKeyColumns: [String] {
        columns.filter { $0.keyPosition > 0 }.sorted { $0.keyPosition < $1.keyPosition }.map(\.name)
    }

    mutating func addIndexKey(
        _ key: SQLiteIndexAccumulator.Key, index: String, unique: Bool, origin: String, partial: Bool
    ) {
        if indexes.last?.name != index {
            indexes.append(.init(name: index, unique: unique, origin: origin, partial: partial, keys: []))
        }
        indexes[indexes.count - 1].keys.append(key)
    }

    mutating func addForeignKeyColumn(
        id: Int64, referredTable: String, column: String, referredColumn: String?, onUpdate: String, onDelete: String
    ) {
        if foreignKeys.last?.id != id {
            foreignKeys.append(
                .init(
                    id: id, referredTable: referredTable, columns: [], referredColumns: [],
                    onUpdate: ReferentialAction(sql: onUpdate) ?? .noAction,
                    onDelete: ReferentialAction(sql: onDelete) ?? .noAction))
        }
        foreignKeys[foreignKeys.count - 1].columns.append(column)
        foreignKeys[foreignKeys.count - 1].referredColumns.append(referredColumn)
    }

    /// The `Table`, with names, checks, AUTOINCREMENT and deferrability from the parsed text.
    func build(_ set: TableSet) -> Table {
        let definition = definition ?? SQLiteTableDefinition(name: name)
        let keyColumns = primaryKeyColumns
        let autoincrement = Set(definition.autoincrementColumns.map { $0.lowercased() })
        let rowIDAlias: String? =
            keyColumns.count == 1 && !definition.withoutRowID && !definition.primaryKeyDescendingInColumn
            ? columns.first { $0.name == keyColumns[0] && $0.declaredType.uppercased() == "INTEGER" }?.name : nil
        let tableColumns = columns.map { row -> Column in
            let notNull = row.notNull || row.name == rowIDAlias || (definition.withoutRowID && row.keyPosition > 0)
            var column = Column(
                row.name, row.type, nullable: !notNull, default: row.defaultValue,
                identity: autoincrement.contains(row.name.lowercased()) && row.keyPosition > 0 ? .autoincrement : nil)
            column.generated = definition.generatedColumns[row.name.lowercased()]
            column.collation = definition.columnCollations[row.name.lowercased()]
            return column
        }
        let primaryKey = keyColumns.isEmpty ? nil : PrimaryKey(columns: keyColumns, name: definition.primaryKey?.name)

        var parsedUniques = definition.uniques
        var uniques: [Unique] = []
        var indexes: [Index] = []
        for index in self.indexes {
            switch index.origin {
            case "pk": continue
            case "u":
                let columns = index.keys.map { key -> String in
                    if case .column(let name) = key { return name }
                    return ""
                }
                uniques.append(Unique(name: Self.takeMatch(&parsedUniques, columns: columns)?.name, columns: columns))
            default:
                let parsed = set.indexDefinitions[index.name.lowercased()]
                let elements = index.keys.map { key -> IndexElement in
                    switch key {
                    case .column(let name): return .column(name)
                    case .expression(let seqno):
                        guard let parsed, seqno < parsed.keys.count else { return .expression("") }
                        return .expression(parsed.keys[seqno])
                    }
                }
                var read = Index(
                    name: index.name, elements: elements, unique: index.unique,
                    predicate: index.partial ? parsed?.predicate : nil)
                if let parsed, parsed.keyOptions.count == elements.count {
                    for (position, options) in parsed.keyOptions.enumerated() {
                        read.setKeyOptions(options, at: position)
                    }
                }
                indexes.append(read)
            }
        }

        var parsedKeys = definition.foreignKeys
        let foreignKeys = self.foreignKeys.map { key -> ForeignKey in
            let referred =
                key.referredColumns.contains(nil)
                ? set.primaryKeyColumns(of: key.referredTable) : key.referredColumns.map { $0 ?? "" }
            let parsed = Self.takeMatch(&parsedKeys, columns: key.columns, referredTable: key.referredTable)
            return ForeignKey(
                key.columns, references: key.referredTable, referred, onDelete: key.onDelete, onUpdate: key.onUpdate,
                deferrable: parsed?.deferrable ?? false, initiallyDeferred: parsed?.initiallyDeferred ?? false,
                name: parsed?.name)
        }
        return Table(
            name: name, columns: tableColumns, primaryKey: primaryKey, uniques: uniques, foreignKeys: foreignKeys,
            checks: definition.checks, indexes: indexes)
    }

    /// Removes and returns the first parsed constraint on the same columns (case-insensitively).
    static func takeMatch(
        _ candidates: inout [SQLiteTableDefinition.KeyConstraint], columns: [String]
    ) -> SQLiteTableDefinition.KeyConstraint? {
        let wanted = columns.map { $0.lowercased() }
        guard let found = candidates.firstIndex(where: { $0.columns.map { $0.lowercased() } == wanted }) else {
            return nil
        }
        return candidates.remove(at: found)
    }

    /// Removes and returns the first parsed foreign key on the same columns and referred table.
    static func takeMatch(
        _ candidates: inout [SQLiteTableDefinition.ForeignKeyConstraint], columns: [String], referredTable: String
    ) -> SQLiteTableDefinition.ForeignKeyConstraint? {
        let wanted = columns.map { $0.lowercased() }
        let table = referredTable.lowercased()
        guard
            let found = candidates.firstIndex(where: {
                $0.columns.map { $0.lowercased() } == wanted && $0.referredTable.lowercased() == table
            })
        else { return nil }
        return candidates.remove(at: found)
    }
}
