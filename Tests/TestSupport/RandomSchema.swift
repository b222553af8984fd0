import ModelDSL

/// Seeded random schemas that use every feature a dialect stores, for property tests of the
/// catalog readers and, later, of the differ. Every schema it makes passes `validate()`.
public enum RandomSchema {
    public enum Dialect: Sendable { case postgresql, sqlite }

    /// A valid schema of `tables` tables, the same for the same seed and dialect.
    public static func make(seed: UInt64, tables count: Int, dialect: Dialect) -> Schema {
        var rng = SeededRandom(seed: seed)
        var enums: [EnumType] = []
        for e in 0..<rng.int(0...2) {
            let values = (0..<rng.int(2...4)).map { "v\($0)_\(rng.pick(["a", "b", "it's", "x y"]))" }
            enums.append(EnumType("enum_\(e)", values))
        }
        var tables: [Table] = []
        for t in 0..<count {
            tables.append(makeTable(index: t, earlier: tables, enums: enums, dialect: dialect, rng: &rng))
        }
        return Schema(tables: tables, enums: enums)
    }

    private static let plainTypes: [ColumnType] = [
        .smallint, .integer, .bigint, .numeric(10, 2), .numeric(), .real, .double, .boolean, .text,
        .varchar(40), .varchar(), .char(8), .date, .time(), .time(withTimeZone: true), .timestamp(),
        .timestamp(withTimeZone: true), .interval, .json, .uuid, .binary,
    ]

    private static func makeTable(
        index t: Int, earlier: [Table], enums: [EnumType], dialect: Dialect, rng: inout SeededRandom
    ) -> Table {
        // One table in ten has names that need quoting everywhere.
        let awkward = rng.chance(0.1)
        let name = awkward ? (t % 2 == 0 ? "order \(t)" : "Select\"\(t)") : "t\(t)"
        var columns: [Column] = []
        var primaryKey: PrimaryKey?
        let compositeKey = rng.chance(0.2)
        if compositeKey {
            columns.append(Column("k1", .integer, nullable: false))
            columns.append(Column("k2", .varchar(20), nullable: false))
            primaryKey = PrimaryKey(columns: ["k1", "k2"], name: "\(name)_pkey")
        } else {
            var id = Column("id", rng.pick([.integer, .bigint]), nullable: false)
            switch dialect {
            case .postgresql:
                id.identity = rng.pick([nil, .always, .byDefault, .serial])
            case .sqlite:
                if rng.chance(0.3) {
                    id.type = .integer
                    id.identity = .autoincrement
                }
            }
            columns.append(id)
            primaryKey = PrimaryKey(columns: ["id"], name: "\(name)_pkey")
        }
        var types = plainTypes
        if dialect == .postgresql { types += [.jsonb, .array(.integer), .array(.text), .raw("tsvector")] }
        for c in 0..<rng.int(1...6) {
            var type = rng.pick(types)
            if let e = enums.first, rng.chance(0.15) { type = .enumeration(rng.pick(enums).name); _ = e }
            let columnName = awkward && c == 0 ? "my \"col\"" : "c\(c)"
            var column = Column(columnName, type, nullable: rng.chance(0.6))
            if rng.chance(0.4) {
                column.defaultValue = defaultValue(for: type, enums: enums, dialect: dialect, rng: &rng)
            }
            if dialect == .postgresql, rng.chance(0.2) { column.comment = "column \(c) of \(name): it's \"quoted\"" }
            columns.append(column)
        }
        var uniques: [Unique] = []
        var indexes: [Index] = []
        var checks: [Check] = []
        var foreignKeys: [ForeignKey] = []
        let plain = columns.filter { !$0.name.contains(" ") && !$0.name.contains("\"") && isIndexable($0.type) }
        if let u = plain.randomElement(using: &rng), rng.chance(0.4), primaryKey?.columns != [u.name] {
            uniques.append(Unique(name: "uq_\(t)_\(u.name)", columns: [u.name]))
        }
        if plain.count >= 2, rng.chance(0.3) {
            let pair = Array(plain.shuffled(using: &rng).prefix(2)).map(\.name)
            var index = Index(name: "ix_\(t)_pair", elements: pair.map(IndexElement.column), unique: rng.chance(0.3))
            if rng.chance(0.4) { index.predicate = "\(pair[0]) IS NOT NULL" }
            indexes.append(index)
        }
        if let textColumn = plain.first(where: { [.text, .varchar(40), .varchar()].contains($0.type) }), rng.chance(0.5)
        {
            indexes.append(Index(name: "ix_\(t)_lower", elements: [.expression("lower(\(textColumn.name))")]))
        }
        if dialect == .postgresql, let j = plain.first(where: { $0.type == .jsonb }), rng.chance(0.6) {
            indexes.append(Index(name: "ix_\(t)_gin", elements: [.column(j.name)], method: "gin"))
        }
        if let n = plain.first(where: { [.integer, .bigint, .smallint, .numeric(10, 2)].contains($0.type) }),
            rng.chance(0.5)
        {
            checks.append(Check(name: "ck_\(t)_nonneg", expression: "\(n.name) >= 0"))
        }
        if let target = earlier.filter({ $0.primaryKey?.columns == ["id"] }).randomElement(using: &rng),
            let targetType = target.columns.first?.type, rng.chance(0.6)
        {
            let fkColumn = Column("ref_\(t)", targetType == .integer ? .integer : .bigint, nullable: true)
            columns.append(fkColumn)
            let action = rng.pick(ReferentialAction.allCases)
            let deferred = dialect == .postgresql ? rng.chance(0.2) : false
            foreignKeys.append(
                ForeignKey(
                    [fkColumn.name], references: target.name, ["id"],
                    onDelete: action == .setDefault ? .noAction : action, onUpdate: rng.pick([.noAction, .cascade]),
                    deferrable: deferred || rng.chance(0.1), initiallyDeferred: deferred, name: "fk_\(t)_ref"))
        }
        let comment = dialect == .postgresql && rng.chance(0.3) ? "table \(t)" : nil
        return Table(
            name: name, columns: columns, primaryKey: primaryKey, uniques: uniques, foreignKeys: foreignKeys,
            checks: checks, indexes: indexes, comment: comment)
    }

    private static func isIndexable(_ type: ColumnType) -> Bool {
        switch type {
        case .json, .array, .raw: return false
        default: return true
        }
    }

    private static func defaultValue(
        for type: ColumnType, enums: [EnumType], dialect: Dialect, rng: inout SeededRandom
    ) -> DefaultValue? {
        switch type {
        case .smallint, .integer, .bigint: return .integer(Int64(rng.int(-5...500)))
        case .numeric: return .decimal(rng.pick(["0.5", "1.50", "-2.25"]))
        case .real, .double: return .decimal("1.5")
        case .boolean: return .boolean(rng.chance(0.5))
        case .text, .varchar: return .string(rng.pick(["", "it's", "unnamed", "a,b"]))
        case .char: return .string("abcdefgh")
        case .date: return .sql("CURRENT_DATE")
        case .timestamp(let tz):
            return .sql(dialect == .sqlite || tz ? "CURRENT_TIMESTAMP" : "LOCALTIMESTAMP")
        case .time(let tz):
            return .sql(dialect == .sqlite || tz ? "CURRENT_TIME" : "LOCALTIME")
        case .enumeration(let name, _):
            return enums.first { $0.name == name }.map { .string($0.values[0]) }
        default: return nil
        }
    }
}
